import { describe, expect, it } from "vitest";
import { parseRange } from "@/lib/uploads/byte-range";

describe("parseRange", () => {
  it("reads the forms browsers send", () => {
    expect(parseRange("bytes=0-1", 1000)).toEqual({ start: 0, end: 1 });
    expect(parseRange("bytes=100-", 1000)).toEqual({ start: 100, end: 999 });
    expect(parseRange("bytes=-100", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange("bytes=900-5000", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange("bytes=-5000", 1000)).toEqual({ start: 0, end: 999 });
  });

  it("answers unsatisfiable ranges with 416", () => {
    expect(parseRange("bytes=1000-", 1000)).toBe("unsatisfiable");
    expect(parseRange("bytes=-0", 1000)).toBe("unsatisfiable");
  });

  it("ignores what it does not serve: no header, other units, several ranges, garbage", () => {
    for (const header of [null, "", "items=0-1", "bytes=0-1,5-9", "bytes=5-1", "bytes=-", "bytes=a-b"]) {
      expect(parseRange(header, 1000)).toBeNull();
    }
  });
});
