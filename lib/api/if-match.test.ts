import { describe, expect, it } from "vitest";
import { matchesIfMatch, parseIfMatch } from "@/lib/api/if-match";

describe("If-Match", () => {
  it("parses strong tags, lists and *; weak and non-version tags never match", () => {
    expect(parseIfMatch(null)).toBeNull();
    expect(parseIfMatch('"3"')).toEqual({ any: false, versions: [3] });
    expect(parseIfMatch(' "2", "3" ')).toEqual({ any: false, versions: [2, 3] });
    expect(parseIfMatch("*")).toEqual({ any: true });
    expect(parseIfMatch('W/"3"')).toEqual({ any: false, versions: [] });
    expect(parseIfMatch('"abc"')).toEqual({ any: false, versions: [] });
    expect(parseIfMatch('"03"')).toEqual({ any: false, versions: [] });
  });

  it("refuses what is not a list of entity tags (400)", () => {
    for (const header of ["3", '"3', "", '"3",', "W/3", '"a"b"']) {
      expect(() => parseIfMatch(header), header).toThrow(expect.objectContaining({ code: "bad_request" }));
    }
  });

  it("matches only an existing resource at a listed version (or any version for *)", () => {
    expect(matchesIfMatch({ any: false, versions: [3] }, 3)).toBe(true);
    expect(matchesIfMatch({ any: false, versions: [3] }, 4)).toBe(false);
    expect(matchesIfMatch({ any: true }, 4)).toBe(true);
    expect(matchesIfMatch({ any: true }, null)).toBe(false);
  });
});
