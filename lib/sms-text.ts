/**
 * What an SMS costs and how its text is made SMS-friendly. Pure and dependency-free: the server counts
 * with it and so does the template editor's live counter in the browser.
 */

export type SmsEncoding = "GSM-7" | "UCS-2";

export type SmsCount = {
  encoding: SmsEncoding;
  /** Characters as a person counts them (code points). */
  characters: number;
  /** In encoding units: GSM-7 septets (extension characters take 2) or UTF-16 code units (emoji take 2). */
  units: number;
  /** Parts the message is sent in; 0 for an empty text. */
  parts: number;
  /** The characters outside GSM-7 that made the message UCS-2, each once, in order of appearance. */
  nonGsm: string[];
};

// GSM 03.38 default alphabet (without the escape code itself) and its extension table, whose characters
// are sent as escape + character and so take two septets.
const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const GSM_EXTENSION = new Set("\f^{}\\[~]|€");

/** Single-part limits, and per-part limits once a message is split (the rest carries the join header). */
export const SMS_LIMITS: Record<SmsEncoding, { single: number; multi: number }> = {
  "GSM-7": { single: 160, multi: 153 },
  "UCS-2": { single: 70, multi: 67 },
};

export function isGsm7(char: string): boolean {
  return GSM_BASIC.has(char) || GSM_EXTENSION.has(char);
}

/**
 * How an SMS text is encoded and how many parts it costs. One character outside GSM-7 (an emoji, "ł",
 * "ê") switches the whole message to UCS-2. Parts are packed the way phones and gateways split: an
 * escape pair or a surrogate pair is never cut, so it moves whole to the next part.
 */
export function countSms(text: string): SmsCount {
  const chars = Array.from(text);
  const nonGsm = [...new Set(chars.filter((char) => !isGsm7(char)))];
  const encoding: SmsEncoding = nonGsm.length > 0 ? "UCS-2" : "GSM-7";
  const sizes = chars.map((char) => (encoding === "GSM-7" ? (GSM_EXTENSION.has(char) ? 2 : 1) : char.length));
  const units = sizes.reduce((sum, size) => sum + size, 0);
  return { encoding, characters: chars.length, units, parts: partsOf(sizes, units, SMS_LIMITS[encoding]), nonGsm };
}

function partsOf(sizes: number[], units: number, limits: { single: number; multi: number }): number {
  if (units === 0) return 0;
  if (units <= limits.single) return 1;
  let parts = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > limits.multi) {
      parts++;
      used = 0;
    }
    used += size;
  }
  return parts;
}

/**
 * Replaces letters outside GSM-7 by their unaccented form when that one is in GSM-7 ("août" → "aout",
 * "ł" stays). For generated text such as dates, where one accent would triple the cost of an SMS.
 */
export function foldToGsm7(text: string): string {
  return Array.from(text, (char) => {
    if (isGsm7(char)) return char;
    const base = char.normalize("NFD").replace(/\p{M}/gu, "");
    return [...base].every((c) => GSM_BASIC.has(c)) && base !== "" ? base : char;
  }).join("");
}

// Typographic characters outside GSM-7 that would switch the whole SMS to UCS-2 (70 characters a part
// instead of 160) for no visible gain. Letters are left alone: a customer's language comes first.
const REPLACEMENTS: [RegExp, string][] = [
  [/[\u2018\u2019\u201A\u201B\u2032]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, "-"],
  [/\u2026/g, "..."],
  [/\s+/g, " "],
];

export function gsmFriendly(text: string): string {
  return REPLACEMENTS.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text).trim();
}

/** "{dealer}: {text}" on one line — the dealer first, because the sender may show only a number. */
export function composeSms(dealerName: string, text: string): string {
  return gsmFriendly([`${dealerName}:`, text].filter(Boolean).join(" "));
}
