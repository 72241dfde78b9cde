import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileTemplate, renderTemplate, type TemplateRules } from "@/lib/templates/template-syntax";
import {
  allowedVariables,
  requiredVariables,
  TEMPLATE_KINDS,
  TEMPLATE_VARIABLES,
  type TemplateVariable,
} from "@/lib/templates/template-variables";

const ALL: TemplateRules = { allowed: TEMPLATE_VARIABLES };

const VALUES: ReadonlyMap<TemplateVariable, string> = new Map<TemplateVariable, string>([
  ["firstName", "Inès"],
  ["dealerName", "Demo Motors"],
  ["siteName", "Ghent"],
  ["sitePhone", "+32 9 123 45 67"],
  ["appointmentDate", "Tue 1 Dec, 08:30"],
  ["link", "https://x.test/c/AbCdEfGhIjKlMnOpQrStUv"],
  ["note", "Bring the key."],
]);

function render(source: string, values = VALUES, rules = ALL): string {
  const compiled = compileTemplate(source, rules);
  if (!compiled.ok) throw new Error(`refused: ${JSON.stringify(compiled.problem)}`);
  return renderTemplate(compiled.template, values);
}

function problemOf(source: string, rules = ALL) {
  const compiled = compileTemplate(source, rules);
  if (compiled.ok) throw new Error(`accepted: ${source}`);
  return compiled.problem;
}

describe("compileTemplate and renderTemplate", () => {
  it("replaces every variable, with or without spaces inside the braces", () => {
    expect(render("Hello {{firstName}}, see you at {{ siteName }} on {{appointmentDate}}: {{link}}")).toBe(
      "Hello Inès, see you at Ghent on Tue 1 Dec, 08:30: https://x.test/c/AbCdEfGhIjKlMnOpQrStUv",
    );
    expect(render("")).toBe("");
    expect(render("No variables at all.")).toBe("No variables at all.");
    expect(render("{{firstName}}{{firstName}}")).toBe("InèsInès");
  });

  it("names an unknown variable, suggests a close one, and lists each unknown once", () => {
    expect(problemOf("Hello {{fistName}}")).toEqual({ code: "unknownVariable", names: ["fistName"], suggestion: "firstName" });
    expect(problemOf("Hello {{FirstName}} {{first name}}")).toEqual({
      code: "unknownVariable",
      names: ["FirstName", "first name"],
      suggestion: "firstName",
    });
    expect(problemOf("{{price}} {{price}} {{vin}}")).toEqual({ code: "unknownVariable", names: ["price", "vin"], suggestion: null });
    expect(problemOf("{{vin}}")).toMatchObject({ suggestion: null });
    expect(problemOf("{{phone}}")).toMatchObject({ suggestion: "sitePhone" });
    expect(problemOf("{{date}}")).toMatchObject({ suggestion: "appointmentDate" });
    // "name" is in three variables: no guess.
    expect(problemOf("{{name}}")).toMatchObject({ suggestion: null });
  });

  it("refuses prototype and built-in names: only the allow-list means anything", () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "prototype", "__defineGetter__"]) {
      expect(problemOf(`x {{${name}}} y`), name).toMatchObject({ code: "unknownVariable", names: [name] });
    }
  });

  it("refuses markup and expressions inside braces as unknown variables, shortened for display", () => {
    expect(problemOf("{{<script>alert(1)</script>}}")).toMatchObject({ code: "unknownVariable", names: ["<script>alert(1)</script>"] });
    expect(problemOf("{{firstName.constructor}}")).toMatchObject({ code: "unknownVariable", names: ["firstName.constructor"] });
    const long = "x".repeat(100);
    expect(problemOf(`{{${long}}}`)).toMatchObject({ code: "unknownVariable", names: [`${"x".repeat(39)}…`] });
  });

  it("refuses malformed braces and says where", () => {
    const cases: [string, string][] = [
      ["Hello {{firstName}", "Hello {{firstName}"],
      ["Hello {firstName}}", "Hello {firstName}}"],
      ["Hello {firstName}", "Hello {firstName}"],
      ["Hello firstName}}", "…lo firstName}}"],
      ["Price {{}} now", "Price {{}} now"],
      ["{{ }}", "{{ }}"],
      ["{{{firstName}}}", "{{{firstName}}}"],
      ["{{firstName}}}", "…{firstName}}}"],
      ["{{first{{name}}", "{{first{{name}}"],
      ["a } b", "a } b"],
      ["{", "{"],
    ];
    for (const [source, near] of cases) expect(problemOf(source), source).toEqual({ code: "malformedBraces", near });
    expect(problemOf(`${"Lorem ipsum dolor sit amet. ".repeat(3)}{{link} and more text after it`)).toEqual({
      code: "malformedBraces",
      near: "…r sit amet. {{link} and more…",
    });
  });

  it("refuses a variable the field does not have, and a missing required one", () => {
    const subject = { allowed: allowedVariables("CHECKIN_INVITATION", "subject") };
    expect(problemOf("Your link {{link}} and {{note}}", subject)).toEqual({ code: "unavailableVariable", names: ["link", "note"] });
    const reportSms = { allowed: allowedVariables("REPORT", "smsText"), required: requiredVariables("REPORT", "smsText") };
    expect(problemOf("Your report is ready on {{appointmentDate}}", reportSms)).toEqual({
      code: "unavailableVariable",
      names: ["appointmentDate"],
    });
    expect(problemOf("Your report is ready.", reportSms)).toEqual({ code: "missingVariable", names: ["link"] });
    expect(render("Ready: {{ link }}", VALUES, reportSms)).toBe("Ready: https://x.test/c/AbCdEfGhIjKlMnOpQrStUv");
  });

  it("substitutes once: a value that looks like a variable or markup stays as it is", () => {
    const values = new Map(VALUES);
    values.set("firstName", "{{link}}");
    values.set("note", "<script>alert(1)</script> {{note}} {{constructor}}");
    expect(render("Hi {{firstName}}! {{note}}", values)).toBe("Hi {{link}}! <script>alert(1)</script> {{note}} {{constructor}}");
  });

  it("treats text typed by the dealer as text, markup included", () => {
    expect(render("<b>Hi</b> <script>alert(1)</script> {{firstName}}")).toBe("<b>Hi</b> <script>alert(1)</script> Inès");
  });

  it("renders a missing value as nothing rather than a variable name", () => {
    expect(render("Hello {{firstName}},", new Map())).toBe("Hello ,");
  });
});

describe("the variables per message", () => {
  it("give every message the link, the note only where an advisor writes one, and no link or note in subjects", () => {
    for (const kind of TEMPLATE_KINDS) {
      expect(allowedVariables(kind, "smsText"), kind).toContain("link");
      expect(allowedVariables(kind, "subject"), kind).not.toContain("link");
      expect(allowedVariables(kind, "subject"), kind).not.toContain("note");
    }
    expect(TEMPLATE_KINDS.filter((kind) => allowedVariables(kind, "emailText").includes("note"))).toEqual(["CHECKIN_INVITATION", "REPORT"]);
    expect(TEMPLATE_KINDS.filter((kind) => requiredVariables(kind, "smsText").includes("link"))).toEqual([
      "CHECKIN_INVITATION",
      "CHECKIN_REMINDER",
      "REPORT",
    ]);
    expect(TEMPLATE_KINDS.flatMap((kind) => [...requiredVariables(kind, "subject"), ...requiredVariables(kind, "emailText")])).toEqual([]);
  });
});

describe("template properties", () => {
  const text = fc.string({ unit: "grapheme", maxLength: 40 }).map((s) => s.replace(/[{}]/g, ""));
  const variable = fc.constantFrom(...TEMPLATE_VARIABLES);
  const template = fc.array(
    fc.oneof(
      text.map((t) => ({ text: t })),
      variable.map((v) => ({ variable: v })),
    ),
    { maxLength: 12 },
  );
  const anyValue = fc.string({ maxLength: 30 });

  it("reads back what it is made of, and renders values verbatim whatever they contain", () => {
    fc.assert(
      fc.property(
        template,
        fc.array(anyValue, { minLength: TEMPLATE_VARIABLES.length, maxLength: TEMPLATE_VARIABLES.length }),
        (parts, raw) => {
          const source = parts.map((p) => ("text" in p ? p.text : `{{${p.variable}}}`)).join("");
          const values = new Map(TEMPLATE_VARIABLES.map((name, i) => [name, raw[i]!] as const));
          const expected = parts.map((p) => ("text" in p ? p.text : values.get(p.variable)!)).join("");
          expect(render(source, values)).toBe(expected);
        },
      ),
    );
  });

  it("never throws, and either compiles or names a problem", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (source) => {
        const result = compileTemplate(source, ALL);
        if (!result.ok)
          expect(["malformedBraces", "unknownVariable", "unavailableVariable", "missingVariable"]).toContain(result.problem.code);
      }),
    );
  });
});
