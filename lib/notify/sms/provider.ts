import "server-only";
import { logSmsProvider } from "@/lib/notify/sms/log-provider";
import { parseSmsConfig } from "@/lib/notify/sms/sms-config";
import { twilioSmsProvider } from "@/lib/notify/sms/twilio-provider";

/** Sends one SMS. `to` is E.164; `id` is the outbox row's. Throws DeliveryError when it cannot. */
export type SmsProvider = {
  send(message: { to: string; body: string; id: string }): Promise<{ providerMessageId: string | null }>;
};

let cached: SmsProvider | undefined;

/**
 * The provider SMS_PROVIDER names, built once. An invalid configuration throws a plain Error on every
 * send: the messages wait (retried with back-off) instead of failing while an operator fixes it.
 */
export function smsProvider(): SmsProvider {
  if (!cached) {
    const config = parseSmsConfig(process.env);
    cached = config.provider === "twilio" ? twilioSmsProvider(config) : logSmsProvider;
  }
  return cached;
}

/** For tests that change the SMS_* variables between cases. */
export function resetSmsProvider(): void {
  cached = undefined;
}
