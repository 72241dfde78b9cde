import "server-only";
import type { NotificationChannel } from "@/lib/db/generated/client";
import { sendEmail } from "@/lib/notify/email/send-email";
import { sendSms } from "@/lib/notify/sms/send-sms";
import type { Channel } from "@/lib/notify/types";
import { deliverWebhook } from "@/lib/webhooks/deliver";

/** The real channels: SMTP (or store-only without SMTP_URL), the configured SMS provider, signed webhooks. */
export function defaultChannels(): Record<NotificationChannel, Channel> {
  return { EMAIL: sendEmail, SMS: sendSms, WEBHOOK: deliverWebhook };
}
