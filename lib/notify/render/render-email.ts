import "server-only";
import { createElement } from "react";
import { render } from "@react-email/render";
import { loadMessageContext, type MessageContext } from "@/lib/notify/render/message-context";
import { emailTexts, oneLine, type EmailTexts } from "@/lib/notify/render/message-texts";
import { NotificationEmail } from "@/lib/notify/render/notification-email";
import type { OutboxMessage } from "@/lib/notify/types";

export type RenderedEmail = {
  subject: string;
  text: string;
  html: string;
  /** The dealer's name, for the From header: the customer knows the dealer, not us. */
  senderName: string;
  /** The site's address, so a reply reaches the people who look after the car. */
  replyTo: string;
};

/** The e-mail for an outbox row, from fresh data. Throws DeliveryError for messages that cannot be made. */
export async function renderEmail(message: OutboxMessage): Promise<RenderedEmail> {
  return emailFromContext(await loadMessageContext(message));
}

/** The e-mail for a context, without the database: also for previews with sample data. */
export async function emailFromContext(context: MessageContext): Promise<RenderedEmail> {
  const texts = emailTexts(context);
  const html = await render(createElement(NotificationEmail, { locale: context.locale, texts, brand: context.brand }));
  const { brand } = context;
  return {
    subject: texts.subject,
    text: plainText(texts, context),
    html,
    senderName: oneLine(brand.dealerName),
    replyTo: brand.site.email,
  };
}

/** The text/plain part, written by hand so it reads like a letter rather than flattened HTML. */
function plainText(texts: EmailTexts, { brand }: MessageContext): string {
  const { site } = brand;
  const blocks = [
    texts.greeting,
    texts.body.map((lines) => lines.join("\n")).join("\n\n"),
    texts.note && `${texts.note.label}\n${texts.note.text}`,
    texts.button && `${texts.button.label}\n${texts.button.url}`,
    texts.personalLink,
    texts.questions,
    `${texts.signOff}\n${brand.dealerName}`,
    `--\n${brand.dealerName} · ${site.name}\n${site.addressLine}, ${site.postalCode} ${site.city}\n${site.phone}`,
  ];
  return `${blocks.filter((block): block is string => Boolean(block)).join("\n\n")}\n`;
}
