import { describe, expect, it } from "vitest";
import { foldToGsm7, normalizePhone, smsSegments } from "@/lib/phone";

describe("normalizePhone", () => {
  it("writes valid numbers as E.164", () => {
    expect(normalizePhone("+32 470 12 34 56")).toBe("+32470123456");
    expect(normalizePhone(" +46 (0)70-123 45 67 ")).toBe("+46701234567");
    expect(normalizePhone("+1 202 555 0100")).toBe("+12025550100");
  });

  it("reads national numbers in the default country", () => {
    expect(normalizePhone("0470 12 34 56", "BE")).toBe("+32470123456");
    expect(normalizePhone("070-123 45 67", "SE")).toBe("+46701234567");
    expect(normalizePhone("0470 12 34 56")).toBeNull();
  });

  it("refuses what no carrier can deliver to", () => {
    for (const input of ["", "12", "+3247012", "+32 499 99 99 99 99", "not a number", "+999 123 456 789"]) {
      expect(normalizePhone(input, "BE"), input).toBeNull();
    }
  });
});

describe("smsSegments", () => {
  it("counts GSM-7 parts: 160 in one, then 153 each", () => {
    expect(smsSegments("")).toEqual({ encoding: "GSM-7", segments: 0, length: 0 });
    expect(smsSegments("a")).toEqual({ encoding: "GSM-7", segments: 1, length: 1 });
    expect(smsSegments("a".repeat(160))).toEqual({ encoding: "GSM-7", segments: 1, length: 160 });
    expect(smsSegments("a".repeat(161))).toEqual({ encoding: "GSM-7", segments: 2, length: 161 });
    expect(smsSegments("a".repeat(306))).toEqual({ encoding: "GSM-7", segments: 2, length: 306 });
    expect(smsSegments("a".repeat(307))).toEqual({ encoding: "GSM-7", segments: 3, length: 307 });
  });

  it("keeps the accented letters of the GSM alphabet in GSM-7", () => {
    expect(smsSegments("Réservé à Göteborg, Ñandu, Ça, ß")).toMatchObject({ encoding: "GSM-7", length: 32 });
    expect(smsSegments("é".repeat(160))).toEqual({ encoding: "GSM-7", segments: 1, length: 160 });
  });

  it("counts extension characters as two septets", () => {
    expect(smsSegments("€")).toEqual({ encoding: "GSM-7", segments: 1, length: 2 });
    expect(smsSegments("^{}\\[~]|€")).toEqual({ encoding: "GSM-7", segments: 1, length: 18 });
    expect(smsSegments("€".repeat(80))).toEqual({ encoding: "GSM-7", segments: 1, length: 160 });
    expect(smsSegments("€".repeat(80) + "a")).toEqual({ encoding: "GSM-7", segments: 2, length: 161 });
  });

  it("switches the whole text to UCS-2 for one character outside GSM-7: 70 in one, then 67 each", () => {
    expect(smsSegments("Łukasz")).toEqual({ encoding: "UCS-2", segments: 1, length: 6 });
    expect(smsSegments("ł" + "a".repeat(69))).toEqual({ encoding: "UCS-2", segments: 1, length: 70 });
    expect(smsSegments("ł" + "a".repeat(70))).toEqual({ encoding: "UCS-2", segments: 2, length: 71 });
    expect(smsSegments("ł" + "a".repeat(133))).toEqual({ encoding: "UCS-2", segments: 2, length: 134 });
    expect(smsSegments("ł" + "a".repeat(134))).toEqual({ encoding: "UCS-2", segments: 3, length: 135 });
    expect(smsSegments("prêt")).toMatchObject({ encoding: "UCS-2" });
    expect(smsSegments("It’s")).toMatchObject({ encoding: "UCS-2" });
  });

  it("counts an emoji as two UTF-16 units", () => {
    expect(smsSegments("🚗")).toEqual({ encoding: "UCS-2", segments: 1, length: 2 });
    expect(smsSegments("🚗".repeat(35))).toEqual({ encoding: "UCS-2", segments: 1, length: 70 });
    expect(smsSegments("🚗".repeat(36))).toEqual({ encoding: "UCS-2", segments: 2, length: 72 });
  });
});

describe("foldToGsm7", () => {
  it("drops accents GSM-7 lacks and keeps the ones it has", () => {
    expect(foldToGsm7("sam. 1 août, 09:30")).toBe("sam. 1 aout, 09:30");
    expect(foldToGsm7("déc. März lör Ç ñ")).toBe("déc. März lör Ç ñ");
    expect(foldToGsm7("ê â ç î ô")).toBe("e a c i o");
  });

  it("leaves what has no GSM-7 form", () => {
    expect(foldToGsm7("Łódź 🚗 €")).toBe("Łodz 🚗 €");
  });
});
