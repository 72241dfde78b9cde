// The one place that computes money. Shared by server code and the live-total client island, so it
// stays dependency-free and must not import "server-only".
//
// Conventions (see prisma/schema.prisma):
// - amounts are integers in the currency's minor unit (cents for EUR, yen for JPY),
// - VAT rates are integer basis points (21 % = 2100, 5.5 % = 550),
// - quantities are integer thousandths (1.5 = 1500).
//
// Rule from the API contract: line net = quantity × unit price, rounded half away from zero to the
// minor unit; line VAT = (rounded) line net × rate, rounded the same way; totals are sums of lines.
// All intermediate arithmetic is BigInt so that no product is ever rounded by floating point.

export type MoneyLine = {
  /** Quantity in thousandths: 1.5 → 1500. */
  quantityMilli: number;
  /** Unit price in minor units: 35.50 EUR → 3550. Negative values (discounts) are allowed. */
  unitPriceMinor: number;
  /** VAT rate in basis points, 0..10000: 21 % → 2100. */
  vatRateBp: number;
};

export type VatByRate = { rateBp: number; vatMinor: number };

export type MoneyTotals = {
  netMinor: number;
  vatMinor: number;
  grossMinor: number;
  /** VAT summed per rate, ascending by rate, only rates that occur in the lines. */
  vatByRate: VatByRate[];
};

const QUANTITY_SCALE = 1000n; // thousandths
const BP_SCALE = 10_000n; // basis points per unit (100 % = 10000)
const QUANTITY_DIGITS = 3;
const VAT_RATE_DIGITS = 2;
const MAX_VAT_RATE_BP = 10_000;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

// ---------------------------------------------------------------------------------------------
// Arithmetic core
// ---------------------------------------------------------------------------------------------

/** n / d rounded half away from zero (d > 0). BigInt division truncates toward zero. */
function divRoundHalfAwayFromZero(n: bigint, d: bigint): bigint {
  const quotient = n / d;
  const remainder = n % d; // carries the sign of n
  const absRemainder = remainder < 0n ? -remainder : remainder;
  if (absRemainder * 2n < d) return quotient;
  return n < 0n ? quotient - 1n : quotient + 1n;
}

/** Converts back to a number, refusing anything a JS number (and the DB) cannot hold exactly. */
function toSafeNumber(value: bigint, what: string): number {
  if (value > MAX_SAFE || value < MIN_SAFE) {
    throw new RangeError(`${what} is outside the safe integer range`);
  }
  return Number(value);
}

function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer, got ${String(value)}`);
  }
}

function assertVatRateBp(rateBp: number): void {
  assertSafeInteger(rateBp, "VAT rate");
  if (rateBp < 0 || rateBp > MAX_VAT_RATE_BP) {
    throw new RangeError(`VAT rate must be between 0 and ${MAX_VAT_RATE_BP} basis points, got ${rateBp}`);
  }
}

function assertLine(line: MoneyLine): void {
  assertSafeInteger(line.quantityMilli, "Quantity");
  assertSafeInteger(line.unitPriceMinor, "Unit price");
  assertVatRateBp(line.vatRateBp);
}

function lineNetBig(line: MoneyLine): bigint {
  return divRoundHalfAwayFromZero(BigInt(line.quantityMilli) * BigInt(line.unitPriceMinor), QUANTITY_SCALE);
}

// VAT is computed from the already-rounded net, never from the unrounded product: that is what an
// invoice line shows, so VAT must be reproducible from the printed net.
function lineVatBig(netMinor: bigint, vatRateBp: number): bigint {
  return divRoundHalfAwayFromZero(netMinor * BigInt(vatRateBp), BP_SCALE);
}

/** Net of one line in minor units: quantity × unit price, rounded half away from zero. */
export function lineNet(line: MoneyLine): number {
  assertLine(line);
  return toSafeNumber(lineNetBig(line), "Line net");
}

/** VAT of one line in minor units: rounded line net × rate, rounded half away from zero. */
export function lineVat(line: MoneyLine): number {
  assertLine(line);
  return toSafeNumber(lineVatBig(lineNetBig(line), line.vatRateBp), "Line VAT");
}

/** Totals are sums of per-line rounded amounts (not a rounding of summed products). */
export function computeTotals(lines: readonly MoneyLine[]): MoneyTotals {
  let net = 0n;
  let vat = 0n;
  const vatPerRate = new Map<number, bigint>();

  for (const line of lines) {
    assertLine(line);
    const lineNetMinor = lineNetBig(line);
    const lineVatMinor = lineVatBig(lineNetMinor, line.vatRateBp);
    // Each line must itself be representable, even if later lines would bring the sum back.
    toSafeNumber(lineNetMinor, "Line net");
    toSafeNumber(lineVatMinor, "Line VAT");
    net += lineNetMinor;
    vat += lineVatMinor;
    vatPerRate.set(line.vatRateBp, (vatPerRate.get(line.vatRateBp) ?? 0n) + lineVatMinor);
  }

  const vatByRate = [...vatPerRate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([rateBp, vatMinor]) => ({ rateBp, vatMinor: toSafeNumber(vatMinor, "VAT per rate") }));

  return {
    netMinor: toSafeNumber(net, "Net total"),
    vatMinor: toSafeNumber(vat, "VAT total"),
    grossMinor: toSafeNumber(net + vat, "Gross total"),
    vatByRate,
  };
}

// ---------------------------------------------------------------------------------------------
// Currency
// ---------------------------------------------------------------------------------------------

const minorDigitsCache = new Map<string, number>();

/**
 * Number of minor-unit digits of an ISO 4217 currency as the runtime's Intl data defines it
 * (EUR → 2, JPY → 0, KWD → 3). Throws RangeError for a malformed currency code.
 */
export function currencyMinorDigits(currency: string): number {
  const key = currency.toUpperCase();
  const cached = minorDigitsCache.get(key);
  if (cached !== undefined) return cached;
  // Intl throws a RangeError itself for malformed codes; well-formed unknown codes get 2 digits.
  const digits = new Intl.NumberFormat("en", { style: "currency", currency: key }).resolvedOptions().maximumFractionDigits;
  if (digits === undefined) throw new RangeError(`No minor unit known for currency ${currency}`);
  minorDigitsCache.set(key, digits);
  return digits;
}

// ---------------------------------------------------------------------------------------------
// Scaled decimal strings (shared by money, quantity and VAT rate)
// ---------------------------------------------------------------------------------------------

// Plain non-negative decimal: digits, optionally "." and at least one digit. No sign, exponent,
// whitespace, thousands separators, or bare "." forms like "1." / ".5".
const PLAIN_DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** "12.5" with 2 digits → 1250n. Rejects anything that is not a plain decimal with ≤ digits. */
function parseScaled(value: string, digits: number, what: string): bigint {
  const match = PLAIN_DECIMAL.exec(value);
  if (!match) {
    throw new RangeError(`${what} must be a plain non-negative decimal like "12.34", got ${JSON.stringify(value)}`);
  }
  const whole = match[1] ?? "0";
  const fraction = match[2] ?? "";
  if (fraction.length > digits) {
    throw new RangeError(`${what} allows at most ${digits} decimal(s), got ${JSON.stringify(value)}`);
  }
  return BigInt(whole + fraction.padEnd(digits, "0"));
}

/** 1250 with 2 digits → "12.50" (or "12.5" when trimming trailing zeros). */
function formatScaled(value: number, digits: number, trimTrailingZeros: boolean): string {
  const sign = value < 0 ? "-" : "";
  const abs = (value < 0 ? -BigInt(value) : BigInt(value)).toString().padStart(digits + 1, "0");
  const whole = abs.slice(0, abs.length - digits);
  let fraction = abs.slice(abs.length - digits);
  if (trimTrailingZeros) fraction = fraction.replace(/0+$/, "");
  return fraction === "" ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

// ---------------------------------------------------------------------------------------------
// Money strings
// ---------------------------------------------------------------------------------------------

/**
 * "100.00" (EUR) → 10000. Accepts fewer decimals than the currency has ("100" → 10000); rejects
 * more decimals than the currency allows, negatives, exponents, whitespace and separators.
 */
export function parseDecimalMoney(value: string, currency: string): number {
  return toSafeNumber(parseScaled(value, currencyMinorDigits(currency), "Amount"), "Amount");
}

/** 10000 (EUR) → "100.00", 500 (JPY) → "500". Machine format for the API, not for display. */
export function formatDecimalMoney(minor: number, currency: string): string {
  assertSafeInteger(minor, "Amount");
  return formatScaled(minor, currencyMinorDigits(currency), false);
}

/** Localised display string, e.g. formatMoney(1234550, "EUR", "nl-BE") → "€ 12.345,50". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  // Format the exact decimal string rather than minor / 10^n: a float division could be off in
  // the last digit for very large amounts. Intl treats the string as an exact decimal.
  const decimal = formatDecimalMoney(minor, currency) as `${number}`;
  return moneyFormat(locale, currency).format(decimal);
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * Building an Intl.NumberFormat costs far more than formatting with it (locale data lookup), and a
 * check-in page formats a few dozen amounts in one locale and currency: keep one per pair. Pairs are
 * few (locales × the dealers' currencies); the cap only guards against a caller passing unchecked input.
 */
function moneyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale} ${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "currency", currency });
    if (moneyFormats.size >= 256) moneyFormats.clear();
    moneyFormats.set(key, format);
  }
  return format;
}

// ---------------------------------------------------------------------------------------------
// Quantity and VAT rate strings
// ---------------------------------------------------------------------------------------------

/** "1.5" → 1500. Up to 3 decimals; 0 is allowed, negatives are not. */
export function parseQuantity(value: string): number {
  return toSafeNumber(parseScaled(value, QUANTITY_DIGITS, "Quantity"), "Quantity");
}

/** 1500 → "1.5", 1000 → "1", 1333 → "1.333". */
export function formatQuantity(quantityMilli: number): string {
  assertSafeInteger(quantityMilli, "Quantity");
  return formatScaled(quantityMilli, QUANTITY_DIGITS, true);
}

/** "21" → 2100, "5.5" → 550. Up to 2 decimals, 0..100 %. */
export function parseVatRate(value: string): number {
  const bp = parseScaled(value, VAT_RATE_DIGITS, "VAT rate");
  if (bp > BigInt(MAX_VAT_RATE_BP)) {
    throw new RangeError(`VAT rate must be between 0 and 100, got ${JSON.stringify(value)}`);
  }
  return Number(bp);
}

/** 2100 → "21", 550 → "5.5", 1225 → "12.25". */
export function formatVatRate(rateBp: number): string {
  assertVatRateBp(rateBp);
  return formatScaled(rateBp, VAT_RATE_DIGITS, true);
}

// ---------------------------------------------------------------------------------------------
// From the customer's price back to the unit price
// ---------------------------------------------------------------------------------------------

/** What one unit costs the customer: its net plus its VAT, each rounded as on every line. */
export function unitGross(unitPriceMinor: number, vatRateBp: number): number {
  const line = { quantityMilli: 1000, unitPriceMinor, vatRateBp };
  return lineNet(line) + lineVat(line);
}

/**
 * The unit price excl. VAT whose customer price (one unit, VAT rounded as on every line) is exactly
 * `grossMinor`, or null when none is: with whole minor units and VAT rounded per line, some customer
 * prices fall between two nets (at 21 %, about one in six). The customer price rises by at least one
 * minor unit with every unit of net, so there is never more than one answer, and it lies within one of
 * gross ÷ (1 + rate).
 */
export function unitNetForGross(grossMinor: number, vatRateBp: number): number | null {
  assertSafeInteger(grossMinor, "Amount");
  assertVatRateBp(vatRateBp);
  if (grossMinor < 0) throw new RangeError(`Amount must not be negative, got ${grossMinor}`);
  const estimate = Number(divRoundHalfAwayFromZero(BigInt(grossMinor) * BP_SCALE, BP_SCALE + BigInt(vatRateBp)));
  for (const net of [estimate, estimate + 1, estimate - 1]) {
    if (net >= 0 && unitGross(net, vatRateBp) === grossMinor) return net;
  }
  return null;
}
