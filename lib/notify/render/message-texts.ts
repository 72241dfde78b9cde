import "server-only";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import type { CustomerMessageKind, MessageContext } from "@/lib/notify/render/message-context";
import { foldToGsm7 } from "@/lib/sms-text";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import sv from "@/messages/sv.json";

const catalogues: Record<Locale, typeof en> = { en, fr, de, sv, nl };

const KEYS = {
  CHECKIN_INVITATION: "checkinInvitation",
  CHECKIN_REMINDER: "checkinReminder",
  REPORT: "report",
  APPOINTMENT_CONFIRMATION: "appointmentConfirmation",
  APPOINTMENT_REMINDER: "appointmentReminder",
  TEST: "test",
} as const satisfies Record<CustomerMessageKind, string>;

/** The words of one e-mail, in the recipient's language, before any markup. */
export type EmailTexts = {
  subject: string;
  preview: string;
  heading: string;
  greeting: string;
  body: string;
  note: { label: string; text: string } | null;
  button: { label: string; url: string } | null;
  personalLink: string | null;
  signOff: string;
  questions: string;
  logoAlt: string;
};

// British English writes "Tuesday 1 December"; the other languages' defaults are already European.
const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", fr: "fr", de: "de", sv: "sv", nl: "nl" };

const WHEN_FORMATS = {
  long: { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  short: { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/** "Tuesday 1 December at 08:30" (long) or "Tue 1 Dec, 08:30" (short), on the site's wall clock. */
function formatWhen(startsAt: Date, locale: Locale, timeZone: string, style: keyof typeof WHEN_FORMATS): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...WHEN_FORMATS[style], timeZone }).format(startsAt);
}

function translator(locale: Locale) {
  return createTranslator({
    locale,
    messages: catalogues[locale],
    // A key or argument gone missing must stop the send, never reach a customer as "email.report.subject".
    onError: (error) => {
      throw error;
    },
  });
}

function values(context: MessageContext, date: string) {
  const { brand } = context;
  return { dealer: brand.dealerName, site: brand.site.name, phone: brand.site.phone, firstName: context.firstName ?? "", date };
}

function when(context: MessageContext, style: keyof typeof WHEN_FORMATS): string {
  return context.startsAt ? formatWhen(context.startsAt, context.locale, context.brand.site.timeZone, style) : "";
}

/** One line, whatever a dealer typed into its name: a header never carries a line break. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function emailTexts(context: MessageContext): EmailTexts {
  const t = translator(context.locale);
  const key = KEYS[context.kind];
  const v = values(context, when(context, "long"));
  return {
    subject: oneLine(t(`email.${key}.subject`, v)),
    preview: t(`email.${key}.preview`, v),
    heading: t(`email.${key}.heading`, v),
    greeting: context.firstName ? t("email.greeting", v) : t("email.greetingNoName"),
    body: t(`email.${key}.body`, v),
    note: context.note ? { label: t("email.note"), text: context.note } : null,
    button: context.link ? { label: t(`email.${key}.button`), url: context.link } : null,
    personalLink: context.link ? t("email.personalLink") : null,
    signOff: t("email.signOff"),
    questions: t("email.questions", v),
    logoAlt: t("common.dealerLogo", v),
  };
}

/**
 * The SMS sentence, without the dealer's name and the link around it. The date is folded to GSM-7:
 * French "août" alone would otherwise switch the SMS to UCS-2 and triple its cost.
 */
export function smsSentence(context: MessageContext): string {
  return translator(context.locale)(`sms.${KEYS[context.kind]}`, values(context, foldToGsm7(when(context, "short"))));
}
