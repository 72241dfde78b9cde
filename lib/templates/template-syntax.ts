import { isTemplateVariable, TEMPLATE_VARIABLES, type TemplateVariable } from "@/lib/templates/template-variables";

/**
 * The template language: text with `{{variable}}` (spaces inside the braces allowed). Braces are
 * reserved: a lone `{` or `}`, `{{}}` or `{{{x}}}` is refused rather than guessed at. Pure, so the editor
 * in the browser and the server read a template the same way.
 */

export type TemplatePart = { text: string } | { variable: TemplateVariable };
export type CompiledTemplate = readonly TemplatePart[];

export type TemplateProblem =
  /** `near` is a short excerpt around the first bad brace, for the dealer to find it. */
  | { code: "malformedBraces"; near: string }
  /** Not a variable at all (typo, prototype name, markup); `suggestion` when one is close. */
  | { code: "unknownVariable"; names: string[]; suggestion: TemplateVariable | null }
  /** A variable, but not one this message or field has. */
  | { code: "unavailableVariable"; names: string[] }
  | { code: "missingVariable"; names: string[] };

export type TemplateRules = { allowed: readonly TemplateVariable[]; required?: readonly TemplateVariable[] };

type Token = { text: string } | { name: string };

const MAX_NAME_SHOWN = 40;

function excerpt(source: string, index: number): string {
  const start = Math.max(0, index - 12);
  const end = Math.min(source.length, index + 16);
  return `${start > 0 ? "…" : ""}${source.slice(start, end).replace(/\s+/g, " ")}${end < source.length ? "…" : ""}`;
}

function tokenize(source: string): { tokens: Token[] } | { badBraceAt: number } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const brace = source.slice(i).search(/[{}]/);
    if (brace === -1) {
      tokens.push({ text: source.slice(i) });
      break;
    }
    const at = i + brace;
    if (at > i) tokens.push({ text: source.slice(i, at) });
    if (source[at] === "}" || source[at + 1] !== "{") return { badBraceAt: at };
    const end = source.indexOf("}}", at + 2);
    if (end === -1) return { badBraceAt: at };
    const inner = source.slice(at + 2, end);
    if (/[{}]/.test(inner) || inner.trim() === "") return { badBraceAt: at };
    if (source[end + 2] === "}") return { badBraceAt: end + 2 };
    tokens.push({ name: inner.trim() });
    i = end + 2;
  }
  return { tokens };
}

function shown(name: string): string {
  const chars = Array.from(name.replace(/\s+/g, " "));
  return chars.length > MAX_NAME_SHOWN ? `${chars.slice(0, MAX_NAME_SHOWN - 1).join("")}…` : chars.join("");
}

/** Edit distance, for "did you mean": small strings only (names are bounded before this is called). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The variable a dealer probably meant: a near spelling ("fistName", "first name"), else the one
 * variable whose name contains what was typed ("phone" → sitePhone). Nothing when it is a guess.
 */
function suggestionFor(name: string): TemplateVariable | null {
  if (name.length > MAX_NAME_SHOWN) return null;
  const folded = name.toLowerCase().replace(/[\s_-]/g, "");
  const tolerance = Math.min(2, Math.floor(folded.length / 3));
  const close = TEMPLATE_VARIABLES.map((variable) => ({ variable, d: distance(folded, variable.toLowerCase()) }))
    .filter(({ d }) => d <= tolerance)
    .sort((a, b) => a.d - b.d);
  if (close[0]) return close[0].variable;
  const containing = folded.length >= 4 ? TEMPLATE_VARIABLES.filter((variable) => variable.toLowerCase().includes(folded)) : [];
  return containing.length === 1 ? containing[0]! : null;
}

const unique = (names: string[]) => [...new Set(names)];

/**
 * Reads a template against the rules of one message field. The first kind of problem found is
 * reported (braces, then unknown names, then names this field lacks, then missing ones), with every
 * name of that kind, so one correction round fixes it.
 */
export function compileTemplate(
  source: string,
  rules: TemplateRules,
): { ok: true; template: CompiledTemplate } | { ok: false; problem: TemplateProblem } {
  const read = tokenize(source);
  if ("badBraceAt" in read) return { ok: false, problem: { code: "malformedBraces", near: excerpt(source, read.badBraceAt) } };
  const names = read.tokens.flatMap((token) => ("name" in token ? [token.name] : []));
  const unknown = unique(names.filter((name) => !isTemplateVariable(name)));
  if (unknown.length > 0) {
    return { ok: false, problem: { code: "unknownVariable", names: unknown.map(shown), suggestion: suggestionFor(unknown[0]!) } };
  }
  const unavailable = unique(names.filter((name) => !(rules.allowed as readonly string[]).includes(name)));
  if (unavailable.length > 0) return { ok: false, problem: { code: "unavailableVariable", names: unavailable } };
  const missing = (rules.required ?? []).filter((name) => !names.includes(name));
  if (missing.length > 0) return { ok: false, problem: { code: "missingVariable", names: missing } };
  const template = read.tokens.map((token): TemplatePart => {
    if ("text" in token) return token;
    if (!isTemplateVariable(token.name)) throw new Error("unreachable: unknown names were refused above");
    return { variable: token.name };
  });
  return { ok: true, template };
}

/**
 * The text with every variable replaced, in one pass: a value is inserted as it is and never read as a
 * template again, so a first name "{{link}}" stays those eight characters. Escaping for HTML is the
 * renderer's job (React text nodes).
 */
export function renderTemplate(template: CompiledTemplate, values: ReadonlyMap<TemplateVariable, string>): string {
  return template.map((part) => ("text" in part ? part.text : (values.get(part.variable) ?? ""))).join("");
}

export function usesVariable(template: CompiledTemplate, name: TemplateVariable): boolean {
  return template.some((part) => "variable" in part && part.variable === name);
}
