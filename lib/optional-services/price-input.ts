/**
 * Amounts and rates as a dealer types them in the settings: "25", "25.5", "25,50" (a comma is how most
 * of our dealers write decimals), optionally negative so that a minus sign can be refused in words.
 * No zod and no server-only: the schema and the form's live price preview read them the same way.
 */
const AMOUNT = /^(-?)(\d{1,12})(?:[.,](\d{1,2}))?$/;

/** The typed text in hundredths (25,5 → 2550; 21 % → 2100 basis points), or null if it is not a number. */
export function parseHundredths(text: string): number | null {
  const match = AMOUNT.exec(text.trim());
  if (!match) return null;
  const [, sign, whole = "0", fraction = ""] = match;
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return sign ? -value : value;
}
