import { describe, expect, it } from "vitest";
import de from "./de.json";
import en from "./en.json";
import fr from "./fr.json";
import nl from "./nl.json";
import sv from "./sv.json";

/**
 * The UI catalogues must stay in step with English: same keys, no empty strings, the same ICU arguments,
 * and no untranslated copies. Generic over the key structure, so keys added to en.json are covered.
 */
const catalogues: Record<string, unknown> = { en, fr, de, sv, nl };
const translations = ["fr", "de", "sv", "nl"] as const;
/** Share of leaf values a translation may have byte-identical to English ("Greenlight", "—", "{km, number} km", …). */
const MAX_IDENTICAL_SHARE = 0.1;

/** Every leaf of a nested catalogue as dotted path → value (the value is whatever the JSON holds). */
function flatten(node: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (node !== null && typeof node === "object" && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, node);
  }
  return out;
}

/**
 * Names of the ICU arguments of a message (`{name}`, `{n, number}`, `{n, plural, …}`), including the ones
 * nested inside plural/select branches. Throws on malformed syntax (unbalanced braces, a plural without
 * `other`), so a broken translation fails loudly instead of rendering raw braces.
 */
function icuArguments(message: string): Set<string> {
  const names = new Set<string>();
  let i = 0;

  const fail = (why: string): never => {
    throw new Error(`${why} at ${i} in ${JSON.stringify(message)}`);
  };
  const skipSpace = () => {
    while (i < message.length && /\s/.test(message[i]!)) i++;
  };
  const word = (): string => {
    skipSpace();
    const match = /^[^\s{},]+/.exec(message.slice(i));
    if (!match) fail("expected a name");
    i += match![0].length;
    skipSpace();
    return match![0];
  };

  /** Literal text until an unmatched `}` (or the end when at top level); arguments are parsed as met. */
  const text = (nested: boolean, inPlural: boolean) => {
    while (i < message.length) {
      const ch = message[i]!;
      if (ch === "'") {
        const next = message[i + 1];
        if (next === "'") i += 2;
        else if (next === "{" || next === "}" || (inPlural && next === "#")) {
          const end = message.indexOf("'", i + 1);
          i = end === -1 ? message.length : end + 1;
        } else i++;
      } else if (ch === "{") {
        i++;
        argument();
      } else if (ch === "}") {
        if (!nested) fail("unmatched }");
        return;
      } else i++;
    }
    if (nested) fail("unclosed {");
  };

  /** After `{`: name, optional type and style/options, up to and including the closing `}`. */
  const argument = () => {
    names.add(word());
    if (message[i] === "}") {
      i++;
      return;
    }
    if (message[i] !== ",") fail("expected , or }");
    i++;
    const type = word();
    if (type === "plural" || type === "select" || type === "selectordinal") {
      if (message[i] !== ",") fail(`expected options for ${type}`);
      i++;
      const selectors: string[] = [];
      for (;;) {
        skipSpace();
        if (message[i] === "}") break;
        const selector = word();
        if (selector.startsWith("offset:")) continue;
        if (message[i] !== "{") fail(`expected { after ${selector}`);
        i++;
        selectors.push(selector);
        text(true, type !== "select");
        i++; // the branch's closing }
      }
      if (!selectors.includes("other")) fail(`${type} without an "other" branch`);
      i++;
      return;
    }
    // number/date/time with an optional style (may itself contain braces in skeletons): skip to the match.
    let depth = 1;
    while (i < message.length && depth > 0) {
      if (message[i] === "{") depth++;
      else if (message[i] === "}") depth--;
      i++;
    }
    if (depth > 0) fail("unclosed {");
  };

  text(false, false);
  return names;
}

const flat = Object.fromEntries(Object.entries(catalogues).map(([locale, json]) => [locale, flatten(json)]));
const english = flat.en!;

describe("message catalogues", () => {
  it("English has messages", () => {
    expect(english.size).toBeGreaterThan(0);
  });

  it("every locale has exactly the English keys", () => {
    const problems: string[] = [];
    for (const locale of translations) {
      const keys = flat[locale]!;
      const missing = [...english.keys()].filter((k) => !keys.has(k));
      const extra = [...keys.keys()].filter((k) => !english.has(k));
      if (missing.length) problems.push(`${locale}.json is missing: ${missing.join(", ")}`);
      if (extra.length) problems.push(`${locale}.json has extra keys: ${extra.join(", ")}`);
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("every value is a non-empty string", () => {
    const problems: string[] = [];
    for (const [locale, messages] of Object.entries(flat)) {
      for (const [key, value] of messages) {
        if (typeof value !== "string") problems.push(`${locale}: ${key} is ${JSON.stringify(value)}, not a string`);
        else if (value.trim() === "") problems.push(`${locale}: ${key} is empty`);
      }
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("every message is valid ICU and uses the same arguments as English", () => {
    const problems: string[] = [];
    for (const [locale, messages] of Object.entries(flat)) {
      for (const [key, value] of messages) {
        if (typeof value !== "string") continue;
        let names: Set<string>;
        try {
          names = icuArguments(value);
        } catch (error) {
          problems.push(`${locale}: ${key}: ${(error as Error).message}`);
          continue;
        }
        const source = english.get(key);
        if (locale === "en" || typeof source !== "string") continue;
        let expected: Set<string>;
        try {
          expected = icuArguments(source);
        } catch {
          continue; // reported under "en"
        }
        const sorted = (s: Set<string>) => [...s].sort().join(", ");
        if (sorted(names) !== sorted(expected)) {
          problems.push(`${locale}: ${key} has arguments {${sorted(names)}}, English has {${sorted(expected)}}`);
        }
      }
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it.each(translations)("%s is translated (few values identical to English)", (locale) => {
    const messages = flat[locale]!;
    const identical = [...english].filter(([key, value]) => messages.get(key) === value).map(([key]) => key);
    const allowed = Math.floor(english.size * MAX_IDENTICAL_SHARE);
    expect(
      identical.length,
      `${locale}: ${identical.length} of ${english.size} values are identical to English (at most ${allowed}): ${identical.join(", ")}`,
    ).toBeLessThanOrEqual(allowed);
  });
});

describe("icuArguments", () => {
  it("finds simple, formatted and nested plural arguments", () => {
    expect([...icuArguments("Hello {firstName},")]).toEqual(["firstName"]);
    expect([...icuArguments("{km, number} km")]).toEqual(["km"]);
    expect([...icuArguments("Wait {minutes, plural, one {# minute for {name}} other {# minutes}}.")].sort()).toEqual(["minutes", "name"]);
    expect([...icuArguments("No arguments, just text.")]).toEqual([]);
    expect([...icuArguments("Quoted '{literal}' braces")]).toEqual([]);
  });

  it("rejects malformed messages", () => {
    expect(() => icuArguments("Hello {firstName")).toThrow();
    expect(() => icuArguments("Hello firstName}")).toThrow();
    expect(() => icuArguments("{n, plural, one {# item}}")).toThrow(/other/);
  });
});
