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
