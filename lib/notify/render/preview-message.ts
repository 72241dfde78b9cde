import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import type { CustomerMessageKind, MessageContext } from "@/lib/notify/render/message-context";
import { emailFromContext, type RenderedEmail } from "@/lib/notify/render/render-email";
import { smsFromContext } from "@/lib/notify/render/render-sms";
import { sampleMessageContext } from "@/lib/notify/render/sample-message";
import { findDealerTemplate } from "@/lib/templates/dealer-templates";
import type { SavedTemplateTexts } from "@/lib/templates/resolve-template";
import { compileTemplate, type TemplateProblem } from "@/lib/templates/template-syntax";
import { isTemplateKind, TEMPLATE_FIELDS, TEMPLATE_KINDS, templateRules, type TemplateField } from "@/lib/templates/template-variables";

/** Kinds a customer receives that the preview shows (the test message is only for "send a test"). */
export const PREVIEW_MESSAGE_KINDS = TEMPLATE_KINDS;

/** Wording not saved yet (the editor's draft): any field given replaces the saved or default one. */
export type DraftTemplate = Partial<Record<TemplateField, string>>;

export type MessagePreview = {
  context: MessageContext;
  email: RenderedEmail;
  sms: string;
  /** Draft fields that do not read, by field; those fields are previewed with the saved or default wording. */
  problems: Partial<Record<TemplateField, TemplateProblem>>;
};

/**
 * A dealer's message of one kind and locale as a customer would get it, made with sample data, the
 * dealer's real brand and site and the dealer's saved wording (or a draft of it). Reads only; writes
 * nothing. Null when the site is not this dealer's.
 */
export async function previewMessage(input: {
  dealerId: string;
  siteId: string;
  kind: CustomerMessageKind;
  locale: Locale;
  now: Date;
  draft?: DraftTemplate;
}): Promise<MessagePreview | null> {
  const { kind, locale } = input;
  const saved = isTemplateKind(kind) ? await findDealerTemplate({ dealerId: input.dealerId, kind, locale }) : null;
  const { template, problems } = isTemplateKind(kind) ? withDraft(kind, saved, input.draft) : { template: null, problems: {} };
  const context = await sampleMessageContext({ ...input, template });
  if (!context) return null;
  return { context, email: await emailFromContext(context), sms: smsFromContext(context), problems };
}

function withDraft(
  kind: Parameters<typeof templateRules>[0],
  saved: SavedTemplateTexts | null,
  draft: DraftTemplate | undefined,
): { template: SavedTemplateTexts | null; problems: MessagePreview["problems"] } {
  const problems: MessagePreview["problems"] = {};
  const texts = saved && { subject: saved.subject, emailText: saved.emailText, smsText: saved.smsText };
  if (!draft) return { template: texts, problems };
  const template: SavedTemplateTexts = texts ?? { subject: null, emailText: null, smsText: null };
  for (const field of TEMPLATE_FIELDS) {
    const text = draft[field];
    if (text === undefined) continue;
    const compiled = compileTemplate(text, templateRules(kind, field));
    if (compiled.ok) template[field] = text;
    else problems[field] = compiled.problem;
  }
  return { template, problems };
}
