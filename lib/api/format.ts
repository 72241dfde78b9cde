import "server-only";
import { formatDecimalMoney, formatVatRate, type MoneyTotals } from "@/lib/money";

/** An instant as the API answers it: UTC, `Z`, whole seconds (`2026-12-01T07:30:00Z`). */
export function utc(date: Date): string;
export function utc(date: Date | null): string | null;
export function utc(date: Date | null): string | null {
  return date ? date.toISOString().replace(/\.\d{3}Z$/, "Z") : null;
}

/** Database enums are upper-case, the API's are lower-case. */
export function lower<T extends string>(value: T): Lowercase<T>;
export function lower<T extends string>(value: T | null): Lowercase<T> | null;
export function lower<T extends string>(value: T | null): Lowercase<T> | null {
  return value === null ? null : (value.toLowerCase() as Lowercase<T>);
}

export type TotalsJson = { net: string; vat: string; gross: string };

export function totalsJson(totals: MoneyTotals, currency: string): TotalsJson {
  return {
    net: formatDecimalMoney(totals.netMinor, currency),
    vat: formatDecimalMoney(totals.vatMinor, currency),
    gross: formatDecimalMoney(totals.grossMinor, currency),
  };
}

export function totalsWithRatesJson(totals: MoneyTotals, currency: string) {
  return {
    ...totalsJson(totals, currency),
    vatByRate: totals.vatByRate.map((r) => ({ rate: formatVatRate(r.rateBp), vat: formatDecimalMoney(r.vatMinor, currency) })),
  };
}
