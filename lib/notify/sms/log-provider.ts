import "server-only";
import type { SmsProvider } from "@/lib/notify/sms/provider";

/**
 * The demo's provider: sends nothing and prints nothing (a phone number or a message body in a log
 * would be personal data). The outbox row itself, shown in the back-office, is the record.
 */
export const logSmsProvider: SmsProvider = {
  async send({ id }) {
    return { providerMessageId: `logged:${id}` };
  },
};
