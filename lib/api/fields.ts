import "server-only";
import { z } from "zod";
import { parseDecimalMoney, parseQuantity, parseVatRate } from "@/lib/money";

// Building blocks of the API's body schemas. Every string is bounded, and characters PostgreSQL or a
// customer's page cannot take are refused here: a NUL byte would fail the insert (a 500), a lone
// surrogate cannot be stored as UTF-8, and control characters have no place in names or titles.

const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function cleanString(max: number, multiline: boolean) {
  const control = multiline ? CONTROL_MULTILINE : CONTROL_SINGLE_LINE;
  return z
    .string()
    .max(max)
    .refine((value) => !control.test(value), multiline ? "must not contain control characters" : "must be a single line of text")
    .refine((value) => !LONE_SURROGATE.test(value), "must be valid Unicode text")
    .transform((value) => value.trim());
}

/** Required text, trimmed, 1..max characters. */
export function requiredText(max: number, options: { multiline?: boolean } = {}) {
  return cleanString(max, options.multiline ?? false).refine((value) => value.length > 0, "must not be empty");
}

/** Optional text: absent, null and "" (after trimming) all mean "none" and become null. */
export function optionalText(max: number, options: { multiline?: boolean } = {}) {
  return cleanString(max, options.multiline ?? false)
    .nullish()
    .transform((value) => (value ? value : null));
}

/**
 * For refinements that run although other fields failed (zod's `when`), so that a 422 lists every
 * error at once: their input may then be anything, and is read only through this guard.
 */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parses(parse: (value: string) => number): (value: string) => boolean {
  return (value) => {
    try {
      parse(value);
      return true;
    } catch {
      return false;
    }
  };
}

/** Limits that keep every stored amount inside PostgreSQL's 32-bit integer columns. */
export const MAX_QUANTITY_MILLI = 1_000_000_000;
export const MAX_UNIT_PRICE_MINOR = 1_000_000_000;

/** "1.5": a plain decimal string with up to 3 decimals (never a JSON number, api-v1.md). */
export const quantitySchema = z
  .string()
  .max(20)
  .refine(parses(parseQuantity), 'a decimal string with up to 3 decimals, like "1.5"')
  .refine((value) => !parses(parseQuantity)(value) || parseQuantity(value) <= MAX_QUANTITY_MILLI, "is too large");

/** "21", "5.5": a decimal string percentage between 0 and 100 with up to 2 decimals. */
export const vatRateSchema = z
  .string()
  .max(10)
  .refine(parses(parseVatRate), 'a percentage between 0 and 100 as a decimal string, like "21"');

/**
 * "100.00": the shape of an amount. How many decimals it may have depends on the currency, which the
 * caller checks once it is known (the appointment's currency).
 */
export const moneyStringSchema = z
  .string()
  .max(24)
  .regex(/^\d+(\.\d+)?$/, 'a non-negative decimal string, like "100.00"');

/** Why an amount does not fit its currency (more decimals than it has, too large), or null. */
export function amountProblem(value: string, currency: string): string | null {
  try {
    return parseDecimalMoney(value, currency) > MAX_UNIT_PRICE_MINOR ? "is too large" : null;
  } catch {
    return `has more decimals than ${currency} allows`;
  }
}

/** RFC 3339 with an offset (`Z` included); a time without one is ambiguous and refused. */
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(3000, 0, 1);

export const instantSchema = z
  .string()
  .max(40)
  .transform((value) => value.toUpperCase())
  .pipe(z.iso.datetime({ offset: true, message: "an RFC 3339 time with offset, like 2026-12-01T08:30:00+01:00" }))
  // Stored and answered to the second (responses carry no fractions), so a replay compares equal.
  .transform((value) => new Date(Math.floor(new Date(value).getTime() / 1000) * 1000))
  .refine((date) => date.getTime() >= EARLIEST && date.getTime() < LATEST, "must be between 1970 and 2999");

export const optionalInstantSchema = instantSchema.nullish().transform((value) => value ?? null);
