import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { z } from "zod";
import { DeliveryError } from "@/lib/notify/types";

let cached: { url: string; transport: Transporter<SMTPTransport.SentMessageInfo> } | undefined;

/**
 * One SMTP transport per process for the configured URL (a new one only when the URL changes). Not
 * pooled: each message opens its own connection, so a dispatcher holds no idle sockets between ticks,
 * and a failure concerns exactly one message. Timeouts are far below the dispatcher's lease.
 */
export function smtpTransport(url: string): Transporter<SMTPTransport.SentMessageInfo> {
  if (cached?.url !== url) {
    cached?.transport.close();
    cached = {
      url,
      transport: nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }),
    };
  }
  return cached.transport;
}

const smtpErrorSchema = z.object({
  message: z.string(),
  code: z.string().optional(),
  responseCode: z.number().optional(),
});

/**
 * Whether retrying can help. A 5xx reply refuses this message for good (unknown mailbox, rejected
 * address, too large), except a failed login: that is our configuration, and retries succeed once it
 * is fixed. 4xx replies, timeouts and refused connections are transient.
 */
export function smtpDeliveryError(error: unknown): DeliveryError {
  const parsed = smtpErrorSchema.safeParse(error);
  if (!parsed.success) return new DeliveryError(`SMTP: ${String(error)}`);
  const { message, code, responseCode } = parsed.data;
  const permanent =
    code !== "EAUTH" && ((responseCode !== undefined && responseCode >= 500) || (code === "EENVELOPE" && responseCode === undefined));
  return new DeliveryError(`SMTP${code ? ` ${code}` : ""}: ${message}`, permanent);
}

/** The address of MAIL_FROM ("Greenlight <no-reply@example.com>" → "no-reply@example.com"). */
export function senderAddress(mailFrom: string): string {
  return /<([^<>]+)>\s*$/.exec(mailFrom)?.[1]?.trim() ?? mailFrom.trim();
}
