import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeTotals,
  currencyMinorDigits,
  formatDecimalMoney,
  formatMoney,
  formatQuantity,
  formatVatRate,
  lineNet,
  lineVat,
  parseDecimalMoney,
  parseQuantity,
  parseVatRate,
  unitGross,
  unitNetForGross,
  type MoneyLine,
} from "./money";

const line = (quantityMilli: number, unitPriceMinor: number, vatRateBp: number): MoneyLine => ({
  quantityMilli,
  unitPriceMinor,
  vatRateBp,
});

describe("contract test vector", () => {
  const lines = [line(1000, 10000, 2100), line(1000, 3550, 2100), line(1000, 1999, 2100)];

  it("computes per-line VAT from the rounded net", () => {
    expect(lines.map(lineVat)).toEqual([2100, 746, 420]);
  });

  it("computes net 155.49, VAT 32.66, gross 188.15", () => {
    expect(computeTotals(lines)).toEqual({
      netMinor: 15549,
      vatMinor: 3266,
      grossMinor: 18815,
      vatByRate: [{ rateBp: 2100, vatMinor: 3266 }],
    });
  });
});

describe("lineNet", () => {
  it("multiplies fractional quantities exactly", () => {
    expect(lineNet(line(800, 9500, 2100))).toBe(7600); // 0.8 × 95.00 = 76.00 (float gives 75.99999…)
    expect(lineNet(line(1333, 10, 2100))).toBe(13); // 1.333 × 0.10 = 0.1333 → 0.13
    expect(lineNet(line(1500, 3333, 0))).toBe(5000); // 1.5 × 33.33 = 49.995 → 50.00
    expect(lineNet(line(0, 9999, 2100))).toBe(0);
  });

  it("rounds half away from zero", () => {
    expect(lineNet(line(500, 1, 0))).toBe(1); // 0.5 × 0.01 = 0.005 → 0.01
    expect(lineNet(line(500, 3, 0))).toBe(2); // 0.015 → 0.02
    expect(lineNet(line(500, 5, 0))).toBe(3); // 0.025 → 0.03 (banker's would give 0.02)
    expect(lineNet(line(499, 1, 0))).toBe(0); // 0.00499 → 0.00
    expect(lineNet(line(500, -1, 0))).toBe(-1); // discount: −0.005 → −0.01
    expect(lineNet(line(500, -5, 0))).toBe(-3);
    expect(lineNet(line(499, -1, 0))).toBe(0);
  });

  it("rejects non-integer or unsafe inputs", () => {
    expect(() => lineNet(line(1.5, 100, 2100))).toThrow(RangeError);
    expect(() => lineNet(line(1000, 0.5, 2100))).toThrow(RangeError);
    expect(() => lineNet(line(1000, Number.NaN, 2100))).toThrow(RangeError);
    expect(() => lineNet(line(1000, Number.MAX_SAFE_INTEGER + 1, 2100))).toThrow(RangeError);
  });

  it("throws when the result leaves the safe integer range", () => {
    expect(() => lineNet(line(2000, Number.MAX_SAFE_INTEGER, 0))).toThrow(RangeError);
    expect(lineNet(line(1000, Number.MAX_SAFE_INTEGER, 0))).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe("lineVat", () => {
  it("rounds half away from zero", () => {
    expect(lineVat(line(1000, 50, 2100))).toBe(11); // 0.50 × 21 % = 0.105 → 0.11
    expect(lineVat(line(1000, -50, 2100))).toBe(-11);
    expect(lineVat(line(1000, 10, 2100))).toBe(2); // 0.021 → 0.02
    expect(lineVat(line(1000, 10000, 550))).toBe(550); // 5.5 % of 100.00
    expect(lineVat(line(1000, 999, 550))).toBe(55); // 0.54945 → 0.55
    expect(lineVat(line(1000, 10000, 0))).toBe(0);
    expect(lineVat(line(1000, 10000, 10000))).toBe(10000);
  });

  it("uses the rounded net, not the unrounded product", () => {
    // 1.5 × 0.33 = 0.495 → net 0.50; 21 % of 0.50 = 0.105 → 0.11, whereas VAT of the unrounded
    // product would be 0.10395 → 0.10.
    expect(lineNet(line(1500, 33, 2100))).toBe(50);
    expect(lineVat(line(1500, 33, 2100))).toBe(11);
  });

  it("rejects VAT rates outside 0..100 %", () => {
    expect(() => lineVat(line(1000, 100, -1))).toThrow(RangeError);
    expect(() => lineVat(line(1000, 100, 10001))).toThrow(RangeError);
    expect(() => lineVat(line(1000, 100, 21.5))).toThrow(RangeError);
  });
});

describe("computeTotals", () => {
  it("returns zeros for no lines", () => {
    expect(computeTotals([])).toEqual({ netMinor: 0, vatMinor: 0, grossMinor: 0, vatByRate: [] });
  });

  it("groups VAT per rate, ascending, only rates present", () => {
    const totals = computeTotals([
      line(1000, 10000, 2100),
      line(2000, 1000, 600),
      line(1000, 5000, 0),
      line(1000, 999, 550),
      line(1000, 3550, 2100),
    ]);
    expect(totals.vatByRate).toEqual([
      { rateBp: 0, vatMinor: 0 },
      { rateBp: 550, vatMinor: 55 },
      { rateBp: 600, vatMinor: 120 },
      { rateBp: 2100, vatMinor: 2846 },
    ]);
    expect(totals.netMinor).toBe(10000 + 2000 + 5000 + 999 + 3550);
    expect(totals.vatMinor).toBe(0 + 55 + 120 + 2846);
    expect(totals.grossMinor).toBe(totals.netMinor + totals.vatMinor);
  });

  it("sums rounded lines (per-line rounding, not rounding of the sum)", () => {
    // Three lines of 0.5 × 0.01: each rounds to 0.01, so the total is 0.03 (not 0.015 → 0.02).
    expect(computeTotals([line(500, 1, 0), line(500, 1, 0), line(500, 1, 0)]).netMinor).toBe(3);
  });

  it("throws RangeError when a total leaves the safe integer range", () => {
    const big = line(1000, Number.MAX_SAFE_INTEGER, 0);
    expect(() => computeTotals([big, big])).toThrow(RangeError);
    expect(() => computeTotals([line(1000, Number.MAX_SAFE_INTEGER, 2100)])).toThrow(RangeError); // gross
  });

  it("rejects an invalid line", () => {
    expect(() => computeTotals([line(1000, 100, 2100), line(-0.5, 100, 2100)])).toThrow(RangeError);
  });
});

describe("currencyMinorDigits", () => {
  it("follows Intl", () => {
    expect(currencyMinorDigits("EUR")).toBe(2);
    expect(currencyMinorDigits("SEK")).toBe(2);
    expect(currencyMinorDigits("JPY")).toBe(0);
    expect(currencyMinorDigits("KWD")).toBe(
      new Intl.NumberFormat("en", { style: "currency", currency: "KWD" }).resolvedOptions().maximumFractionDigits,
    );
    expect(currencyMinorDigits("eur")).toBe(2);
  });

  it("throws RangeError for malformed codes", () => {
    expect(() => currencyMinorDigits("EURO")).toThrow(RangeError);
    expect(() => currencyMinorDigits("")).toThrow(RangeError);
    expect(() => currencyMinorDigits("E1R")).toThrow(RangeError);
  });
});

describe("parseDecimalMoney / formatDecimalMoney", () => {
  it("parses plain decimals in minor units", () => {
    expect(parseDecimalMoney("100.00", "EUR")).toBe(10000);
    expect(parseDecimalMoney("100", "EUR")).toBe(10000);
    expect(parseDecimalMoney("100.5", "EUR")).toBe(10050);
    expect(parseDecimalMoney("0.01", "EUR")).toBe(1);
    expect(parseDecimalMoney("0", "EUR")).toBe(0);
    expect(parseDecimalMoney("19.99", "EUR")).toBe(1999);
    expect(parseDecimalMoney("500", "JPY")).toBe(500);
    expect(parseDecimalMoney("1.234", "KWD")).toBe(1234);
  });

  it.each([
    ["100.001", "EUR"],
    ["500.0", "JPY"],
    ["500.5", "JPY"],
    ["-1.00", "EUR"],
    ["+1.00", "EUR"],
    ["1e3", "EUR"],
    ["1E3", "EUR"],
    [" 1.00", "EUR"],
    ["1.00 ", "EUR"],
    ["1 000.00", "EUR"],
    ["1,000.00", "EUR"],
    ["1,50", "EUR"],
    ["1.", "EUR"],
    [".5", "EUR"],
    ["", "EUR"],
    ["abc", "EUR"],
    ["0x10", "EUR"],
    ["Infinity", "EUR"],
    ["NaN", "EUR"],
    ["١٠٠", "EUR"], // Arabic-Indic digits are not ASCII decimals
  ])("rejects %j (%s) with a RangeError", (value, currency) => {
    expect(() => parseDecimalMoney(value, currency)).toThrow(RangeError);
  });

  it("explains the rejection", () => {
    expect(() => parseDecimalMoney("1.001", "EUR")).toThrow(/at most 2 decimal/);
    expect(() => parseDecimalMoney("-1", "EUR")).toThrow(/plain non-negative decimal/);
  });

  it("rejects amounts beyond the safe integer range", () => {
    expect(parseDecimalMoney("90071992547409.91", "EUR")).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => parseDecimalMoney("90071992547409.92", "EUR")).toThrow(RangeError);
    expect(() => parseDecimalMoney("9".repeat(40), "EUR")).toThrow(RangeError);
  });

  it("formats minor units as plain decimals", () => {
    expect(formatDecimalMoney(10000, "EUR")).toBe("100.00");
    expect(formatDecimalMoney(1, "EUR")).toBe("0.01");
    expect(formatDecimalMoney(0, "EUR")).toBe("0.00");
    expect(formatDecimalMoney(-5, "EUR")).toBe("-0.05");
    expect(formatDecimalMoney(-12345, "EUR")).toBe("-123.45");
    expect(formatDecimalMoney(500, "JPY")).toBe("500");
    expect(formatDecimalMoney(1234, "KWD")).toBe("1.234");
    expect(formatDecimalMoney(Number.MAX_SAFE_INTEGER, "EUR")).toBe("90071992547409.91");
    expect(() => formatDecimalMoney(1.5, "EUR")).toThrow(RangeError);
  });
});

describe("formatMoney", () => {
  // Intl inserts (narrow) no-break spaces; normalise them so the assertions stay readable.
  const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

  it("formats for display via Intl", () => {
    expect(formatMoney(18815, "EUR", "en")).toBe("€188.15");
    expect(plain(formatMoney(1234550, "EUR", "nl-BE"))).toBe("€ 12.345,50");
    expect(plain(formatMoney(1234550, "EUR", "fr-BE"))).toBe("12 345,50 €");
    expect(formatMoney(500, "JPY", "en")).toBe("¥500");
    expect(formatMoney(-5, "EUR", "en")).toBe("-€0.05");
  });

  it("keeps every digit of very large amounts", () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, "EUR", "en")).toBe("€90,071,992,547,409.91");
  });
});

describe("quantity", () => {
  it("parses up to three decimals", () => {
    expect(parseQuantity("1.5")).toBe(1500);
    expect(parseQuantity("1")).toBe(1000);
    expect(parseQuantity("0.8")).toBe(800);
    expect(parseQuantity("1.333")).toBe(1333);
    expect(parseQuantity("0")).toBe(0);
    expect(parseQuantity("0.001")).toBe(1);
  });

  it.each(["1.0005", "-1", "1e2", " 1", "1,5", "", "."])("rejects %j", (value) => {
    expect(() => parseQuantity(value)).toThrow(RangeError);
  });

  it("formats without trailing zeros", () => {
    expect(formatQuantity(1500)).toBe("1.5");
    expect(formatQuantity(1000)).toBe("1");
    expect(formatQuantity(1333)).toBe("1.333");
    expect(formatQuantity(1)).toBe("0.001");
    expect(formatQuantity(10)).toBe("0.01");
    expect(formatQuantity(0)).toBe("0");
    expect(formatQuantity(20000)).toBe("20");
  });
});

describe("VAT rate", () => {
  it("parses percentages into basis points", () => {
    expect(parseVatRate("21")).toBe(2100);
    expect(parseVatRate("5.5")).toBe(550);
    expect(parseVatRate("12.25")).toBe(1225);
    expect(parseVatRate("0")).toBe(0);
    expect(parseVatRate("100")).toBe(10000);
    expect(parseVatRate("100.00")).toBe(10000);
  });

  it.each(["100.01", "101", "-1", "5.555", "21%", "2e1", " 21", ""])("rejects %j", (value) => {
    expect(() => parseVatRate(value)).toThrow(RangeError);
  });

  it("formats without trailing zeros", () => {
    expect(formatVatRate(2100)).toBe("21");
    expect(formatVatRate(550)).toBe("5.5");
    expect(formatVatRate(1225)).toBe("12.25");
    expect(formatVatRate(0)).toBe("0");
    expect(formatVatRate(10000)).toBe("100");
    expect(() => formatVatRate(10001)).toThrow(RangeError);
  });
});

describe("properties", () => {
  // Realistic bounds keep sums far from the safe-integer limit, so the properties test the
  // arithmetic rather than the overflow guard.
  const lineArb = fc.record({
    quantityMilli: fc.integer({ min: 0, max: 1_000_000 }),
    unitPriceMinor: fc.integer({ min: -10_000_000, max: 10_000_000 }),
    vatRateBp: fc.oneof(fc.constantFrom(0, 550, 600, 900, 1200, 2100, 2500), fc.integer({ min: 0, max: 10_000 })),
  });
  const linesArb = fc.array(lineArb, { maxLength: 30 });

  it("totals equal the sum of the lines", () => {
    fc.assert(
      fc.property(linesArb, (lines) => {
        const totals = computeTotals(lines);
        expect(totals.netMinor).toBe(lines.reduce((sum, l) => sum + lineNet(l), 0));
        expect(totals.vatMinor).toBe(lines.reduce((sum, l) => sum + lineVat(l), 0));
      }),
    );
  });

  it("gross = net + VAT and vatByRate sums to VAT", () => {
    fc.assert(
      fc.property(linesArb, (lines) => {
        const totals = computeTotals(lines);
        expect(totals.grossMinor).toBe(totals.netMinor + totals.vatMinor);
        expect(totals.vatByRate.reduce((sum, r) => sum + r.vatMinor, 0)).toBe(totals.vatMinor);
        const rates = totals.vatByRate.map((r) => r.rateBp);
        expect(rates).toEqual([...new Set(lines.map((l) => l.vatRateBp))].sort((a, b) => a - b));
      }),
    );
  });

  it("line amounts are within half a minor unit of the exact value", () => {
    fc.assert(
      fc.property(lineArb, (l) => {
        const exactNetTimes1000 = BigInt(l.quantityMilli) * BigInt(l.unitPriceMinor);
        const error = BigInt(lineNet(l)) * 1000n - exactNetTimes1000;
        expect(error <= 500n && error >= -500n).toBe(true);
        const exactVatTimes10000 = BigInt(lineNet(l)) * BigInt(l.vatRateBp);
        const vatError = BigInt(lineVat(l)) * 10000n - exactVatTimes10000;
        expect(vatError <= 5000n && vatError >= -5000n).toBe(true);
      }),
    );
  });

  it("rounding is symmetric around zero", () => {
    fc.assert(
      fc.property(lineArb, (l) => {
        const negated = { ...l, unitPriceMinor: -l.unitPriceMinor };
        expect(lineNet(negated)).toBe(-lineNet(l) || 0);
        expect(lineVat(negated)).toBe(-lineVat(l) || 0);
      }),
    );
  });

  it("money parse/format round-trips", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom("EUR", "JPY", "KWD", "SEK", "CHF"),
        (minor, currency) => {
          expect(parseDecimalMoney(formatDecimalMoney(minor, currency), currency)).toBe(minor);
        },
      ),
    );
  });

  it("quantity and VAT rate parse/format round-trip", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (q) => {
        expect(parseQuantity(formatQuantity(q))).toBe(q);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (bp) => {
        expect(parseVatRate(formatVatRate(bp))).toBe(bp);
      }),
    );
  });

  it("parsing a decimal string and formatting it back is canonical", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const text = `${whole}.${String(cents).padStart(2, "0")}`;
        expect(formatDecimalMoney(parseDecimalMoney(text, "EUR"), "EUR")).toBe(text);
      }),
    );
  });
});

describe("unitNetForGross", () => {
  it("finds the net of a customer price, and says when no whole net reaches it", () => {
    expect(unitNetForGross(2500, 2100)).toBe(2066);
    expect(unitGross(2066, 2100)).toBe(2500);
    expect(unitNetForGross(1990, 600)).toBe(1877);
    expect(unitNetForGross(0, 2100)).toBe(0);
    expect(unitNetForGross(1234, 0)).toBe(1234);
    // 0.21 × 2 = 0.42 → 0 and 0.21 × 3 = 0.63 → 1: net 2 costs 2, net 3 costs 4, so 3 cannot be charged.
    expect(unitNetForGross(3, 2100)).toBeNull();
    expect(() => unitNetForGross(-1, 2100)).toThrow(RangeError);
    expect(() => unitNetForGross(100, 10_001)).toThrow(RangeError);
  });

  it("round-trips every net, and whatever it finds costs exactly the price asked", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000 }), (net, rate) => {
        expect(unitNetForGross(unitGross(net, rate), rate)).toBe(net);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000 }), (gross, rate) => {
        const net = unitNetForGross(gross, rate);
        if (net !== null) expect(unitGross(net, rate)).toBe(gross);
        // VAT per unit of net rises by at most one minor unit, so a price out of reach has a neighbour within it.
        else expect([gross - 1, gross + 1].some((g) => g >= 0 && unitNetForGross(g, rate) !== null)).toBe(true);
      }),
    );
  });
});
