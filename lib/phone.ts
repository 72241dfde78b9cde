import "server-only";
import type { CountryCode } from "libphonenumber-js";
// The full metadata checks each number against its country's real numbering plan; the default ("min")
// one only checks lengths and would pass numbers no carrier will ever deliver to.
import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/**
 * A phone number as E.164 ("+32470123456"), or null when it is not a valid number. Numbers written
 * without a country prefix ("0470 12 34 56") are read in `defaultCountry`, e.g. the site's country.
 */
export function normalizePhone(input: string, defaultCountry?: CountryCode): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry);
  return parsed?.isValid() ? parsed.number : null;
}

export type SmsEncoding = "GSM-7" | "UCS-2";

export type SmsSegments = {
  encoding: SmsEncoding;
  /** Parts the message is sent in; 0 for an empty text. */
  segments: number;
  /** In encoding units: GSM-7 septets (extension characters count 2) or UTF-16 code units. */
  length: number;
};

// GSM 03.38 default alphabet (without the escape code itself) and its extension table, whose characters
// are sent as escape + character and so take two septets.
const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const GSM_EXTENSION = new Set("\f^{}\\[~]|€");

/** Single-part limits, and per-part limits once a message is split (the rest carries the join header). */
const LIMITS: Record<SmsEncoding, { single: number; multi: number }> = {
  "GSM-7": { single: 160, multi: 153 },
  "UCS-2": { single: 70, multi: 67 },
};

/**
 * How an SMS text is encoded and how many parts it costs. One character outside GSM-7 (an emoji, "ł",
 * "ê") switches the whole message to UCS-2. Counting is by units; real splitting never cuts an escape
 * pair or a surrogate pair, which can cost a part more in rare edge cases.
 */
export function smsSegments(text: string): SmsSegments {
  let septets = 0;
  for (const char of text) {
    if (GSM_BASIC.has(char)) septets += 1;
    else if (GSM_EXTENSION.has(char)) septets += 2;
    else return count("UCS-2", text.length);
  }
  return count("GSM-7", septets);
}

/**
 * Replaces letters outside GSM-7 by their unaccented form when that one is in GSM-7 ("août" → "aout",
 * "ł" stays). For generated text such as dates, where one accent would triple the cost of an SMS.
 */
export function foldToGsm7(text: string): string {
  return Array.from(text, (char) => {
    if (GSM_BASIC.has(char) || GSM_EXTENSION.has(char)) return char;
    const base = char.normalize("NFD").replace(/\p{M}/gu, "");
    return [...base].every((c) => GSM_BASIC.has(c)) && base !== "" ? base : char;
  }).join("");
}

function count(encoding: SmsEncoding, length: number): SmsSegments {
  const { single, multi } = LIMITS[encoding];
  const segments = length === 0 ? 0 : length <= single ? 1 : Math.ceil(length / multi);
  return { encoding, segments, length };
}
