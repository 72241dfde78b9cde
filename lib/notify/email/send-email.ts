import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { senderAddress, smtpDeliveryError, smtpTransport } from "@/lib/notify/email/smtp";
import { renderEmail } from "@/lib/notify/render/render-email";
import { renderStaffInvitationEmail } from "@/lib/notify/render/staff-invitation-email";
import { DeliveryError, type Channel } from "@/lib/notify/types";

const recipientSchema = z.email();

/**
 * The e-mail channel: renders the message from fresh data and sends it over SMTP_URL. Without
 * SMTP_URL (the demo) nothing leaves the machine: the rendered message is only kept in the log.
 * The outbox row id is the Message-ID, so a receiver can spot the duplicate an at-least-once retry
 * may cause.
 */
export const sendEmail: Channel = async (message) => {
  const to = recipientSchema.safeParse(message.recipient.trim());
  if (!to.success) throw new DeliveryError("the recipient is not a valid e-mail address", true);
  // A staff invitation is no customer message: it has its own, separate rendering.
  const email = message.kind === "STAFF_INVITATION" ? await renderStaffInvitationEmail(message) : await renderEmail(message);
  const rendered = { subject: email.subject, bodyText: email.text, bodyHtml: email.html };

  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) return { providerMessageId: `stored:${message.id}`, ...rendered };

  try {
    const info = await smtpTransport(SMTP_URL).sendMail({
      // The dealer's name on our own sending address: the domain stays ours for SPF/DKIM/DMARC.
      from: { name: email.senderName, address: senderAddress(MAIL_FROM) },
      replyTo: email.replyTo,
      to: to.data,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: `<${message.id}@greenlight>`,
      headers: { "X-Greenlight-Notification": message.id, "Auto-Submitted": "auto-generated" },
    });
    return { providerMessageId: info.messageId, ...rendered };
  } catch (error) {
    throw smtpDeliveryError(error);
  }
};
