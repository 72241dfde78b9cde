import { bundledFont } from "@/lib/dealers/fonts";

/**
 * Dealer colours → CSS custom properties, with the text colour on each brand colour picked for WCAG
 * contrast (black or white, whichever reads better). Pure, so the theme editor can use it client-side.
 */
const HEX = /^#([0-9a-f]{6})$/i;

export function isHexColor(value: string): boolean {
  return HEX.test(value);
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const match = HEX.exec(hex);
  if (!match?.[1]) throw new RangeError(`Not a #rrggbb colour: ${hex}`);
  const n = parseInt(match[1], 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export function readableTextOn(background: string): "#000000" | "#ffffff" {
  return contrastRatio(background, "#000000") >= contrastRatio(background, "#ffffff") ? "#000000" : "#ffffff";
}

export type ThemeColors = { primaryColor: string; accentColor: string };
export type Theme = ThemeColors & { fontKey?: string | null };

/** What customer pages sit on: the page (Tailwind neutral-50) and its cards (white). */
const PAGE_BACKGROUNDS = ["#ffffff", "#fafafa"] as const;
/** WCAG 2 AA for body text (1.4.3). */
export const MIN_TEXT_CONTRAST = 4.5;
/** WCAG 2 AA for what identifies a control or its state, such as the focus ring (1.4.11). */
export const MIN_UI_CONTRAST = 3;

export type ThemeCheck = {
  /** The primary colour as text on the page: links, the phone number, headings' accents (≥ 4.5). */
  primaryOnPage: number;
  /** The accent as the focus ring around whatever has focus, on the page (≥ 3). */
  accentOnPage: number;
  /** The text colour picked for buttons and the header on the primary colour, and its contrast. */
  onPrimary: { color: "#000000" | "#ffffff"; ratio: number };
  onAccent: { color: "#000000" | "#ffffff"; ratio: number };
  /** The rules the pair breaks; empty when every text and focus ring meets WCAG AA. */
  problems: ("primaryOnPage" | "accentOnPage")[];
};

/**
 * How a colour pair reads on the customer pages. Text on a brand colour is always black or white,
 * whichever contrasts more, which for any colour is at least 4.58:1; what a colour can fail is its own
 * use on the page: the primary as text (AA, 4.5:1) and the accent as the focus ring (3:1). The theme
 * editor shows this live; saving refuses a pair with problems.
 */
export function checkTheme(theme: ThemeColors): ThemeCheck {
  const onPage = (color: string) => Math.min(...PAGE_BACKGROUNDS.map((background) => contrastRatio(color, background)));
  const primaryOnPage = onPage(theme.primaryColor);
  const accentOnPage = onPage(theme.accentColor);
  const textOn = (color: string) => {
    const text = readableTextOn(color);
    return { color: text, ratio: contrastRatio(color, text) };
  };
  const problems: ThemeCheck["problems"] = [];
  if (primaryOnPage < MIN_TEXT_CONTRAST) problems.push("primaryOnPage");
  if (accentOnPage < MIN_UI_CONTRAST) problems.push("accentOnPage");
  return { primaryOnPage, accentOnPage, onPrimary: textOn(theme.primaryColor), onAccent: textOn(theme.accentColor), problems };
}

/** The CSS declaration block for a dealer's theme. Only validated hex colours and bundled fonts are emitted. */
export function themeCss(theme: Theme): string {
  const primary = isHexColor(theme.primaryColor) ? theme.primaryColor : DEFAULT_THEME.primaryColor;
  const accent = isHexColor(theme.accentColor) ? theme.accentColor : DEFAULT_THEME.accentColor;
  return [
    `--brand-primary:${primary}`,
    `--brand-on-primary:${readableTextOn(primary)}`,
    `--brand-accent:${accent}`,
    `--brand-on-accent:${readableTextOn(accent)}`,
    `--brand-font:${bundledFont(theme.fontKey).stack}`,
  ].join(";");
}

/**
 * A new dealer's colours. The accent is a deep amber: the brighter #f2a900 the schema once defaulted to
 * reads 2:1 on white, too faint for a focus ring.
 */
export const DEFAULT_THEME = { primaryColor: "#1f4e79", accentColor: "#b45309" } as const satisfies ThemeColors;
