import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGE_KEYS, messageTranslator } from "@/lib/notify/render/message-catalogue";
import type { TemplateField, TemplateKind } from "@/lib/templates/template-variables";

export type TemplateTexts = Record<TemplateField, string>;

/**
 * The catalogue's arguments written as template variables: formatting a message with these gives the
 * message as a template, so the defaults are today's wording itself, not a copy that could drift.
 */
const AS_VARIABLES = {
  dealer: "{{dealerName}}",
  site: "{{siteName}}",
  phone: "{{sitePhone}}",
  firstName: "{{firstName}}",
  date: "{{appointmentDate}}",
};

/**
 * The wording a dealer gets until it writes its own: the e-mail's subject and body and the SMS sentence
 * from `messages/*.json`. The SMS ends with the link, as messages always did.
 */
export function defaultTemplate(kind: TemplateKind, locale: Locale): TemplateTexts {
  const t = messageTranslator(locale);
  const key = MESSAGE_KEYS[kind];
  return {
    subject: t(`email.${key}.subject`, AS_VARIABLES),
    emailText: t(`email.${key}.body`, AS_VARIABLES),
    smsText: `${t(`sms.${key}`, AS_VARIABLES)} {{link}}`,
  };
}
