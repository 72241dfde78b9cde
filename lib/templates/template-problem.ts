import type { TemplateProblem } from "@/lib/templates/template-syntax";

/**
 * A template refusal travels from the server action to the field as a form error string, like every
 * settings refusal; it carries its arguments (the names typed) so the field can say which variable is
 * wrong in the staff member's language: `unknownVariable:{"names":"{{fistName}}"}`. Pure, shared by
 * the schema (encodes) and the editor's field (decodes).
 */

export type ProblemMessage = { code: string; values: Record<string, string> };

const braces = (names: readonly string[]) => names.map((name) => `{{${name}}}`).join(", ");

export function encodeProblem(problem: TemplateProblem): string {
  const message = ((): ProblemMessage => {
    switch (problem.code) {
      case "malformedBraces":
        return { code: "malformedBraces", values: { near: problem.near } };
      case "unknownVariable":
        return problem.suggestion
          ? { code: "unknownVariableSuggestion", values: { names: braces(problem.names), suggestion: braces([problem.suggestion]) } }
          : { code: "unknownVariable", values: { names: braces(problem.names) } };
      case "unavailableVariable":
        return { code: "unavailableVariable", values: { names: braces(problem.names) } };
      case "missingVariable":
        return { code: "missingVariable", values: { names: braces(problem.names) } };
    }
  })();
  return `${message.code}:${JSON.stringify(message.values)}`;
}

/** The code and arguments of a field error; a plain code (`required`) comes back with no arguments. */
export function decodeProblem(message: string): ProblemMessage {
  const match = /^([A-Za-z]+):(\{[\s\S]*\})$/.exec(message);
  if (!match) return { code: message, values: {} };
  try {
    const parsed: unknown = JSON.parse(match[2]!);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return { code: match[1]!, values: {} };
    const values = Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
    return { code: match[1]!, values };
  } catch {
    return { code: match[1]!, values: {} };
  }
}
