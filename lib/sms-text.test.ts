import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { composeSms, countSms, foldToGsm7, gsmFriendly, isGsm7, SMS_LIMITS } from "@/lib/sms-text";

const count = (text: string) => {
  const { encoding, units, parts } = countSms(text);
  return { encoding, units, parts };
};

describe("countSms", () => {
  it("counts GSM-7 parts: 160 in one, then 153 each", () => {
    expect(count("")).toEqual({ encoding: "GSM-7", units: 0, parts: 0 });
    expect(count("a")).toEqual({ encoding: "GSM-7", units: 1, parts: 1 });
    expect(count("a".repeat(160))).toEqual({ encoding: "GSM-7", units: 160, parts: 1 });
    expect(count("a".repeat(161))).toEqual({ encoding: "GSM-7", units: 161, parts: 2 });
    expect(count("a".repeat(153 * 2))).toEqual({ encoding: "GSM-7", units: 306, parts: 2 });
    expect(count("a".repeat(153 * 2 + 1))).toEqual({ encoding: "GSM-7", units: 307, parts: 3 });
    expect(count("a".repeat(153 * 3))).toEqual({ encoding: "GSM-7", units: 459, parts: 3 });
  });

  it("keeps the accented letters of the GSM alphabet in GSM-7", () => {
    expect(countSms("Réservé à Göteborg, Ñandu, Ça, ß")).toMatchObject({ encoding: "GSM-7", units: 32, nonGsm: [] });
    expect(count("é".repeat(160))).toEqual({ encoding: "GSM-7", units: 160, parts: 1 });
  });

  it("counts the extension table and form feed as two septets", () => {
    expect(count("€")).toEqual({ encoding: "GSM-7", units: 2, parts: 1 });
    expect(countSms("^{}\\[~]|€\f")).toMatchObject({ encoding: "GSM-7", characters: 10, units: 20, parts: 1 });
    expect(count("€".repeat(80))).toEqual({ encoding: "GSM-7", units: 160, parts: 1 });
    expect(count("€".repeat(80) + "a")).toEqual({ encoding: "GSM-7", units: 161, parts: 2 });
    expect(count("a".repeat(159) + "€")).toEqual({ encoding: "GSM-7", units: 161, parts: 2 });
  });

  it("never cuts an escape pair: one that would straddle two parts moves whole to the next", () => {
    // 152 septets, then € (2): the first part can take only 1 more septet, so € opens part two.
    expect(count("a".repeat(152) + "€" + "a".repeat(152))).toEqual({ encoding: "GSM-7", units: 306, parts: 3 });
    expect(count("a".repeat(151) + "€" + "a".repeat(153))).toEqual({ encoding: "GSM-7", units: 306, parts: 2 });
  });

  it("switches the whole text to UCS-2 for one character outside GSM-7: 70 in one, then 67 each", () => {
    expect(countSms("Łukasz")).toEqual({ encoding: "UCS-2", characters: 6, units: 6, parts: 1, nonGsm: ["Ł"] });
    expect(count("ą" + "a".repeat(69))).toEqual({ encoding: "UCS-2", units: 70, parts: 1 });
    expect(count("ą" + "a".repeat(70))).toEqual({ encoding: "UCS-2", units: 71, parts: 2 });
    expect(count("ą" + "a".repeat(133))).toEqual({ encoding: "UCS-2", units: 134, parts: 2 });
    expect(count("ą" + "a".repeat(134))).toEqual({ encoding: "UCS-2", units: 135, parts: 3 });
    expect(countSms("prêt")).toMatchObject({ encoding: "UCS-2", nonGsm: ["ê"] });
    expect(countSms("It’s")).toMatchObject({ encoding: "UCS-2", nonGsm: ["’"] });
    // An extension character costs one unit like any other once the text is UCS-2.
    expect(count("€ł")).toEqual({ encoding: "UCS-2", units: 2, parts: 1 });
  });

  it("counts a character outside the BMP as two UTF-16 units, and never splits it", () => {
    expect(countSms("🚗")).toEqual({ encoding: "UCS-2", characters: 1, units: 2, parts: 1, nonGsm: ["🚗"] });
    expect(count("🚗".repeat(35))).toEqual({ encoding: "UCS-2", units: 70, parts: 1 });
    expect(count("🚗".repeat(36))).toEqual({ encoding: "UCS-2", units: 72, parts: 2 });
    // 66 units then an emoji: it cannot start in the last unit of part one.
    expect(count("ł" + "a".repeat(65) + "🚗" + "a".repeat(66))).toEqual({ encoding: "UCS-2", units: 134, parts: 3 });
  });

  it("names each character that forced UCS-2 once, in order", () => {
    expect(countSms("Hej 😀 prêt 😀 ą ê").nonGsm).toEqual(["😀", "ê", "ą"]);
  });
});

const gsmBasicChar = fc.constantFrom(..."abcXYZ019 .,:;!?@£$éèÄÖÑÜß\n");
const gsmExtensionChar = fc.constantFrom(..."^{}\\[~]|€\f");
const gsmChar = fc.oneof(gsmBasicChar, gsmExtensionChar);
const otherChar = fc.constantFrom("ą", "ł", "ê", "’", "😀", "🚗", "ő", "中");

describe("countSms properties", () => {
  it("a text of only basic GSM-7 letters costs 1 part up to 160, then ⌈n / 153⌉", () => {
    fc.assert(
      fc.property(fc.array(gsmBasicChar, { maxLength: 800 }), (chars) => {
        const n = chars.length;
        const expected = n === 0 ? 0 : n <= 160 ? 1 : Math.ceil(n / 153);
        expect(count(chars.join(""))).toEqual({ encoding: "GSM-7", units: n, parts: expected });
      }),
    );
  });

  it("GSM-7 septets are characters plus one per extension character", () => {
    fc.assert(
      fc.property(fc.array(gsmChar, { maxLength: 400 }), (chars) => {
        const extensions = chars.filter((c) => "^{}\\[~]|€\f".includes(c)).length;
        expect(countSms(chars.join(""))).toMatchObject({ encoding: "GSM-7", characters: chars.length, units: chars.length + extensions });
      }),
    );
  });

  it("one character outside GSM-7 anywhere makes the whole text UCS-2, counted in UTF-16 units", () => {
    fc.assert(
      fc.property(fc.array(gsmChar, { maxLength: 300 }), otherChar, fc.nat(), (chars, other, at) => {
        const position = at % (chars.length + 1);
        const text = [...chars.slice(0, position), other, ...chars.slice(position)].join("");
        const result = countSms(text);
        expect(result.encoding).toBe("UCS-2");
        expect(result.units).toBe(text.length);
        expect(result.nonGsm).toContain(other);
      }),
    );
  });

  it("parts fit the units: at least ⌈units / per part⌉, and never more than packing one unit short per part", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(gsmChar, otherChar), { maxLength: 600 }), (chars) => {
        const result = countSms(chars.join(""));
        const { single, multi } = SMS_LIMITS[result.encoding];
        if (result.units === 0) expect(result.parts).toBe(0);
        else if (result.units <= single) expect(result.parts).toBe(1);
        else {
          expect(result.parts).toBeGreaterThanOrEqual(Math.ceil(result.units / multi));
          expect(result.parts).toBeLessThanOrEqual(Math.ceil(result.units / (multi - 1)));
        }
      }),
    );
  });

  it("adding text never makes a message cheaper", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(gsmChar, otherChar), { maxLength: 300 }),
        fc.array(fc.oneof(gsmChar, otherChar), { maxLength: 60 }),
        (a, b) => {
          expect(countSms(a.join("") + b.join("")).parts).toBeGreaterThanOrEqual(countSms(a.join("")).parts);
        },
      ),
    );
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

describe("gsmFriendly and composeSms", () => {
  it("replaces typographic punctuation that would force UCS-2 and puts everything on one line", () => {
    expect(gsmFriendly("L’atelier “Demo” – ouvert…\u00a0à\u202f08:30\n")).toBe('L\'atelier "Demo" - ouvert... à 08:30');
  });

  it("is idempotent and leaves only GSM-7 where the input had only GSM-7 and typographic punctuation", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(gsmChar, fc.constantFrom("’", "“", "–", "…", "\u00a0")), { maxLength: 200 }), (chars) => {
        const once = gsmFriendly(chars.join(""));
        expect(gsmFriendly(once)).toBe(once);
        expect(Array.from(once).every(isGsm7)).toBe(true);
      }),
    );
  });

  it("puts the dealer's name first", () => {
    expect(composeSms("Garage d’Anvers", "Votre rapport :\nhttps://x.test/r/abc")).toBe(
      "Garage d'Anvers: Votre rapport : https://x.test/r/abc",
    );
    expect(composeSms("Demo", "")).toBe("Demo:");
  });
});
