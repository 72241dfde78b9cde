import "server-only";
import { getBrand } from "@/lib/dealers/get-brand";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import type { CustomerMessageKind, MessageContext } from "@/lib/notify/render/message-context";
import { emailFromContext, type RenderedEmail } from "@/lib/notify/render/render-email";
import { smsFromContext } from "@/lib/notify/render/render-sms";
import { findDealerTemplate } from "@/lib/templates/dealer-templates";
import type { SavedTemplateTexts } from "@/lib/templates/resolve-template";
import { compileTemplate, type TemplateProblem } from "@/lib/templates/template-syntax";
import { isTemplateKind, TEMPLATE_FIELDS, TEMPLATE_KINDS, templateRules, type TemplateField } from "@/lib/templates/template-variables";

/** Kinds a customer receives that the preview shows (the test message is only for "send a test"). */
export const PREVIEW_MESSAGE_KINDS = TEMPLATE_KINDS;

/** A fixed sample customer: never a real one, so marketing sees no personal data. */
export const SAMPLE_CUSTOMER = { firstName: "Alex", note: "We will check the brakes while the car is with us." } as const;

/** A sample token as long as a real one (22 characters, lib/tokens.ts), so SMS lengths are true to life. */
const SAMPLE_TOKEN = "preview-sample-link-22";

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
  const [brand, saved] = await Promise.all([
    getBrand({ dealerId: input.dealerId, siteId: input.siteId }),
    isTemplateKind(kind) ? findDealerTemplate({ dealerId: input.dealerId, kind, locale }) : null,
  ]);
  if (!brand) return null;
  const base = env().APP_URL;
  const { template, problems } = isTemplateKind(kind) ? withDraft(kind, saved, input.draft) : { template: null, problems: {} };
  const context: MessageContext = {
    kind,
    locale,
    // Every customer message but the test carries a link: the report its own, the others the check-in's.
    link: kind === "TEST" ? null : new URL(`/${kind === "REPORT" ? "r" : "c"}/${SAMPLE_TOKEN}`, base).toString(),
    note: kind === "REPORT" ? SAMPLE_CUSTOMER.note : null,
    firstName: SAMPLE_CUSTOMER.firstName,
    // Three days ahead at 08:30 UTC: a realistic invitation date, whatever day the preview is opened.
    startsAt: new Date(Date.UTC(input.now.getUTCFullYear(), input.now.getUTCMonth(), input.now.getUTCDate() + 3, 8, 30)),
    brand: {
      dealerName: brand.dealerName,
      primaryColor: brand.primaryColor,
      logoUrl: brand.logoUrl ? new URL(brand.logoUrl, base).toString() : null,
      site: brand.site,
    },
    template,
  };
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
