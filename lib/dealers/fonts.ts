/**
 * The typefaces a dealer can choose for its customer pages and receipts, all bundled with the app (no
 * third-party font requests; OFL-licensed, from @fontsource for the pages and @expo-google-fonts for the
 * PDF receipt, which needs whole TTFs). No `server-only`: the theme editor lists them.
 *
 * Pages load the files from /fonts/v1/ (public/, cached for a year: a changed file gets a new folder),
 * declared in app/globals.css; the customer document preloads only the dealer's own regular and bold.
 */
export const FONT_KEYS = ["inter", "source-sans-3", "atkinson-hyperlegible", "lora"] as const;
export type FontKey = (typeof FONT_KEYS)[number];

export type BundledFont = {
  /** The family name, as the @font-face rules in app/globals.css declare it and the editor shows it. */
  family: string;
  /** The whole `font-family` value, with fallbacks close in shape while the file loads. */
  stack: string;
  /** The files a page preloads: the regular and the semibold (headings, buttons). */
  preload: readonly string[];
  /** The PDF receipt's regular and bold faces, relative to node_modules. */
  pdf: { regular: string; bold: string };
};

const SANS = "ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

export const BUNDLED_FONTS: Record<FontKey, BundledFont> = {
  inter: {
    family: "Inter",
    stack: `Inter, ${SANS}`,
    preload: ["/fonts/v1/inter-latin-400-normal.woff2", "/fonts/v1/inter-latin-600-normal.woff2"],
    pdf: {
      regular: "@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf",
      bold: "@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf",
    },
  },
  "source-sans-3": {
    family: "Source Sans 3",
    stack: `'Source Sans 3', ${SANS}`,
    preload: ["/fonts/v1/source-sans-3-latin-400-normal.woff2", "/fonts/v1/source-sans-3-latin-600-normal.woff2"],
    pdf: {
      regular: "@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf",
      bold: "@expo-google-fonts/source-sans-3/600SemiBold/SourceSans3_600SemiBold.ttf",
    },
  },
  "atkinson-hyperlegible": {
    family: "Atkinson Hyperlegible",
    stack: `'Atkinson Hyperlegible', ${SANS}`,
    // Made in regular and bold only; the bold stands in for semibold (app/globals.css).
    preload: ["/fonts/v1/atkinson-hyperlegible-latin-400-normal.woff2", "/fonts/v1/atkinson-hyperlegible-latin-700-normal.woff2"],
    pdf: {
      regular: "@expo-google-fonts/atkinson-hyperlegible/400Regular/AtkinsonHyperlegible_400Regular.ttf",
      bold: "@expo-google-fonts/atkinson-hyperlegible/700Bold/AtkinsonHyperlegible_700Bold.ttf",
    },
  },
  lora: {
    family: "Lora",
    stack: "Lora, ui-serif, Georgia, 'Times New Roman', serif",
    preload: ["/fonts/v1/lora-latin-400-normal.woff2", "/fonts/v1/lora-latin-600-normal.woff2"],
    pdf: {
      regular: "@expo-google-fonts/lora/400Regular/Lora_400Regular.ttf",
      bold: "@expo-google-fonts/lora/600SemiBold/Lora_600SemiBold.ttf",
    },
  },
};

export function isFontKey(value: unknown): value is FontKey {
  return typeof value === "string" && (FONT_KEYS as readonly string[]).includes(value);
}

/** The dealer's font, or Inter for a key this version does not bundle (a font removed later). */
export function bundledFont(key: string | null | undefined): BundledFont {
  return BUNDLED_FONTS[isFontKey(key) ? key : "inter"];
}
