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

/** The CSS declaration block for a dealer's theme. Only validated hex colours are emitted. */
export function themeCss(theme: ThemeColors): string {
  const primary = isHexColor(theme.primaryColor) ? theme.primaryColor : "#1f4e79";
  const accent = isHexColor(theme.accentColor) ? theme.accentColor : "#f2a900";
  return [
    `--brand-primary:${primary}`,
    `--brand-on-primary:${readableTextOn(primary)}`,
    `--brand-accent:${accent}`,
    `--brand-on-accent:${readableTextOn(accent)}`,
  ].join(";");
}
