import { describe, expect, it } from "vitest";
import { normalizePhone } from "@/lib/phone";

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
