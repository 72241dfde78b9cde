import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import type { MessageContext } from "@/lib/notify/render/message-context";
import { MESSAGE_KEYS, messageTranslator } from "@/lib/notify/render/message-catalogue";
import { foldToGsm7 } from "@/lib/sms-text";
import { resolveTemplate } from "@/lib/templates/resolve-template";
import { renderTemplate, usesVariable } from "@/lib/templates/template-syntax";
import type { TemplateVariable } from "@/lib/templates/template-variables";

/** The words of one e-mail, in the recipient's language, before any markup. */
export type EmailTexts = {
  subject: string;
  preview: string;
  heading: string;
  greeting: string;
  /** Paragraphs, each a list of lines: as the dealer wrote them, a blank line between paragraphs. */
  body: string[][];
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

function values(context: MessageContext, date: string) {
  const { brand } = context;
  return { dealer: brand.dealerName, site: brand.site.name, phone: brand.site.phone, firstName: context.firstName ?? "", date };
}

function when(context: MessageContext, style: keyof typeof WHEN_FORMATS): string {
  return context.startsAt ? formatWhen(context.startsAt, context.locale, context.brand.site.timeZone, style) : "";
}

/**
 * What a template's variables stand for in one message. The date reads in full in an e-mail and short
 * in an SMS, folded to GSM-7 there: French "août" alone would switch the SMS to UCS-2 and triple its cost.
 */
export function templateValues(context: MessageContext, channel: "email" | "sms"): ReadonlyMap<TemplateVariable, string> {
  const { brand } = context;
  return new Map<TemplateVariable, string>([
    ["firstName", context.firstName ?? ""],
    ["dealerName", brand.dealerName],
    ["siteName", brand.site.name],
    ["sitePhone", brand.site.phone],
    ["appointmentDate", channel === "email" ? when(context, "long") : foldToGsm7(when(context, "short"))],
    ["link", context.link ?? ""],
    ["note", context.note ?? ""],
  ]);
}

/** One line, whatever a dealer typed into its name: a header never carries a line break. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Paragraphs of lines, empty ones dropped; a value's own line breaks (a note's) break lines too. */
function paragraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.split("\n").map((line) => line.trim()))
    .filter((lines) => lines.some((line) => line !== ""));
}

const PREVIEW_CHARS = 140;

/** The inbox's preview line for a dealer's own text: its first paragraph, cut at a word. */
function previewOf(body: string[][]): string {
  const first = oneLine((body[0] ?? []).join(" "));
  if (first.length <= PREVIEW_CHARS) return first;
  const cut = first.slice(0, PREVIEW_CHARS);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : PREVIEW_CHARS)}…`;
}

type Words = Pick<EmailTexts, "subject" | "preview" | "body"> & { noteInBody: boolean };

/**
 * Subject, preview and body: the dealer's template for this message and language, else the default.
 * The preview line stays the catalogue's while the body is the default one, so an untouched message
 * is exactly what was sent before templates existed.
 */
function templateWords(context: MessageContext, kind: Exclude<MessageContext["kind"], "TEST">, preview: () => string): Words {
  const template = resolveTemplate(kind, context.locale, context.template);
  const values = templateValues(context, "email");
  const body = paragraphs(renderTemplate(template.emailText, values));
  return {
    subject: oneLine(renderTemplate(template.subject, values)),
    preview: template.own.emailText ? previewOf(body) : preview(),
    body,
    noteInBody: usesVariable(template.emailText, "note"),
  };
}

export function emailTexts(context: MessageContext): EmailTexts {
  const t = messageTranslator(context.locale);
  const { kind } = context;
  const key = MESSAGE_KEYS[kind];
  const v = values(context, when(context, "long"));
  // The test message keeps its fixed wording: it proves delivery, not a dealer's text.
  const words: Words =
    kind === "TEST"
      ? {
          subject: oneLine(t("email.test.subject", v)),
          preview: t("email.test.preview", v),
          body: [[t("email.test.body", v)]],
          noteInBody: false,
        }
      : templateWords(context, kind, () => t(`email.${key}.preview`, v));
  return {
    subject: words.subject,
    preview: words.preview,
    heading: t(`email.${key}.heading`, v),
    greeting: context.firstName ? t("email.greeting", v) : t("email.greetingNoName"),
    body: words.body,
    // Where the dealer's text carries the note itself, it is not shown a second time below it.
    note: context.note && !words.noteInBody ? { label: t("email.note"), text: context.note } : null,
    button: context.link ? { label: t(`email.${key}.button`), url: context.link } : null,
    personalLink: context.link ? t("email.personalLink") : null,
    signOff: t("email.signOff"),
    questions: t("email.questions", v),
    logoAlt: t("common.dealerLogo", v),
  };
}

/**
 * The SMS text after the dealer's name: the template with its values (the link wherever the template
 * puts it), or the test message's fixed sentence followed by the link if there is one.
 */
export function smsBody(context: MessageContext): string {
  const { kind } = context;
  if (kind === "TEST") {
    const sentence = messageTranslator(context.locale)("sms.test");
    return [sentence, context.link].filter(Boolean).join(" ");
  }
  return renderTemplate(resolveTemplate(kind, context.locale, context.template).smsText, templateValues(context, "sms"));
}
