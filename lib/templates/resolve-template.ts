import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import { defaultTemplate } from "@/lib/templates/default-templates";
import { compileTemplate, type CompiledTemplate } from "@/lib/templates/template-syntax";
import { templateRules, type TemplateField, type TemplateKind } from "@/lib/templates/template-variables";

/** A dealer's saved wording of one message; a null field is the default wording of that field. */
export type SavedTemplateTexts = Record<TemplateField, string | null>;

export type ResolvedTemplate = Record<TemplateField, CompiledTemplate> & {
  /** Which fields are the dealer's own rather than the default. */
  own: Record<TemplateField, boolean>;
};

/**
 * The templates a message is rendered with: each field the dealer's own where it has one, else the
 * default. A saved field that no longer reads under today's rules (a variable withdrawn since it was
 * saved) falls back to the default rather than stopping the message or showing raw braces.
 */
export function resolveTemplate(kind: TemplateKind, locale: Locale, saved: SavedTemplateTexts | null | undefined): ResolvedTemplate {
  const defaults = defaultTemplate(kind, locale);
  const pick = (field: TemplateField): { template: CompiledTemplate; own: boolean } => {
    const rules = templateRules(kind, field);
    const own = saved?.[field];
    if (own) {
      const compiled = compileTemplate(own, rules);
      if (compiled.ok) return { template: compiled.template, own: true };
      console.warn(`[templates] a saved ${field} of ${kind} (${locale}) no longer reads (${compiled.problem.code}); using the default`);
    }
    const fallback = compileTemplate(defaults[field], rules);
    // The defaults are held to the rules by a test; getting here is a broken catalogue, not bad input.
    if (!fallback.ok) throw new Error(`the default ${field} of ${kind} (${locale}) does not read: ${fallback.problem.code}`);
    return { template: fallback.template, own: false };
  };
  const subject = pick("subject");
  const emailText = pick("emailText");
  const smsText = pick("smsText");
  return {
    subject: subject.template,
    emailText: emailText.template,
    smsText: smsText.template,
    own: { subject: subject.own, emailText: emailText.own, smsText: smsText.own },
  };
}
