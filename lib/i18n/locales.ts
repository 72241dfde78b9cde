/** The languages Greenlight speaks. Shared by server and client code. */
export const locales = ["en", "fr", "de", "sv", "nl"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

export const localeNames: Record<Locale, string> = {
  en: "English",
  fr: "Français",
  de: "Deutsch",
  sv: "Svenska",
  nl: "Nederlands",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The cookie a customer's own language choice is kept in (set by proxy.ts from `?lang=`). */
export const LOCALE_COOKIE = "gl_lang";

/** The language a tag ("fr-BE", "sv_SE", "nl") names, when we speak it. */
export function spokenLocale(candidate: string | null | undefined): Locale | null {
  const base = candidate?.toLowerCase().split(/[-_]/)[0];
  return isLocale(base) ? base : null;
}

/** First supported locale among: the visitor's explicit choice, the recipient's language, the dealer's default. */
export function resolveLocale(...candidates: (string | null | undefined)[]): Locale {
  for (const candidate of candidates) {
    const locale = spokenLocale(candidate);
    if (locale) return locale;
  }
  return defaultLocale;
}
