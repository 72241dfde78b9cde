import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { locales, resolveLocale, type Locale } from "@/lib/i18n/locales";
import { templateValues } from "@/lib/notify/render/message-texts";
import { previewMessage, type MessagePreview } from "@/lib/notify/render/preview-message";
import { listDealerTemplates } from "@/lib/templates/dealer-templates";
import { defaultTemplate, type TemplateTexts } from "@/lib/templates/default-templates";
import { versionOf } from "@/lib/templates/template-admin";
import {
  allowedVariables,
  requiredVariables,
  TEMPLATE_FIELDS,
  TEMPLATE_KINDS,
  TEMPLATE_VARIABLES,
  type TemplateField,
  type TemplateKind,
  type TemplateVariable,
} from "@/lib/templates/template-variables";

/** `?kind=&locale=`: which message the editor opens; anything else opens the first one in the dealer's language. */
export const templateQuerySchema = z.object({
  kind: z.enum(TEMPLATE_KINDS).optional().catch(undefined),
  locale: z.enum(locales).optional().catch(undefined),
});

export type VariableHelp = {
  name: TemplateVariable;
  /** The fields of this message that may use it, and those that must. */
  fields: TemplateField[];
  required: TemplateField[];
  /** What it becomes in the preview, in an e-mail and in an SMS (the date differs). */
  sample: { email: string; sms: string };
};

export type TemplateEditor = {
  kind: TemplateKind;
  locale: Locale;
  /** Which messages and languages have the dealer's own wording, for the picker. */
  overview: { kind: TemplateKind; own: Locale[] }[];
  /** What the form starts with: the dealer's own wording where saved, else the default. */
  texts: TemplateTexts;
  defaults: TemplateTexts;
  own: boolean;
  version: string;
  updatedAt: Date | null;
  updatedBy: string | null;
  timeZone: string;
  variables: VariableHelp[];
  /** What the live SMS counter needs to count the SMS as it will be sent. */
  sms: { dealerName: string; values: [TemplateVariable, string][] };
  /** The saved wording with sample data. */
  preview: MessagePreview;
};

/**
 * Everything the template editor shows for one message in one language, for the dealer's first site
 * (its name, phone and time zone fill the samples). Marketing uses this screen: nothing of a customer.
 */
export async function loadTemplateEditor(input: {
  dealerId: string;
  kind?: TemplateKind;
  locale?: Locale;
  now: Date;
}): Promise<TemplateEditor | null> {
  const dealer = await db().dealer.findUnique({
    where: { id: input.dealerId },
    select: {
      defaultLocale: true,
      sites: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 1, select: { id: true, timeZone: true } },
    },
  });
  const site = dealer?.sites[0];
  if (!dealer || !site) return null;
  const kind = input.kind ?? TEMPLATE_KINDS[0];
  const locale = input.locale ?? resolveLocale(dealer.defaultLocale);
  const [saved, preview] = await Promise.all([
    listDealerTemplates(input.dealerId),
    previewMessage({ dealerId: input.dealerId, siteId: site.id, kind, locale, now: input.now }),
  ]);
  if (!preview) return null;
  const stored = saved.get(`${kind}:${locale}`) ?? null;
  const updatedBy = stored?.updatedById
    ? await db().staffUser.findFirst({ where: { id: stored.updatedById, dealerId: input.dealerId }, select: { name: true } })
    : null;
  const defaults = defaultTemplate(kind, locale);
  const emailValues = templateValues(preview.context, "email");
  const smsValues = templateValues(preview.context, "sms");
  return {
    kind,
    locale,
    overview: TEMPLATE_KINDS.map((k) => ({ kind: k, own: locales.filter((l) => saved.has(`${k}:${l}`)) })),
    texts: {
      subject: stored?.subject ?? defaults.subject,
      emailText: stored?.emailText ?? defaults.emailText,
      smsText: stored?.smsText ?? defaults.smsText,
    },
    defaults,
    own: stored !== null,
    version: versionOf(stored),
    updatedAt: stored?.updatedAt ?? null,
    updatedBy: updatedBy?.name ?? null,
    timeZone: site.timeZone,
    variables: TEMPLATE_VARIABLES.flatMap((name): VariableHelp[] => {
      const fields = TEMPLATE_FIELDS.filter((field) => allowedVariables(kind, field).includes(name));
      if (fields.length === 0) return [];
      const required = TEMPLATE_FIELDS.filter((field) => requiredVariables(kind, field).includes(name));
      return [{ name, fields, required, sample: { email: emailValues.get(name) ?? "", sms: smsValues.get(name) ?? "" } }];
    }),
    sms: { dealerName: preview.context.brand.dealerName, values: [...smsValues] },
    preview,
  };
}
