import "server-only";
import { z } from "zod";

/**
 * The SMS_* variables, parsed here rather than in lib/env so the SMS channel owns its configuration.
 * Unset (or empty) SMS_PROVIDER means "log": the demo sends nothing.
 */
const smsEnvSchema = z.discriminatedUnion("SMS_PROVIDER", [
  z.object({ SMS_PROVIDER: z.literal("log") }),
  z.object({
    SMS_PROVIDER: z.literal("twilio"),
    /** Any Twilio-compatible Messages API. */
    SMS_API_URL: z.url({ protocol: /^https?$/ }).default("https://api.twilio.com"),
    SMS_ACCOUNT_SID: z.string().min(1),
    SMS_AUTH_TOKEN: z.string().min(1),
    /** An E.164 number, an alphanumeric sender id, or a Messaging Service sid (MG…). */
    SMS_FROM: z.string().min(1),
  }),
]);

export type SmsConfig = { provider: "log" } | { provider: "twilio"; apiUrl: string; accountSid: string; authToken: string; from: string };

export function parseSmsConfig(source: Record<string, string | undefined>): SmsConfig {
  const present = Object.fromEntries(Object.entries(source).filter(([key, value]) => key.startsWith("SMS_") && value !== ""));
  const parsed = smsEnvSchema.safeParse({ SMS_PROVIDER: "log", ...present });
  if (!parsed.success) {
    // Paths and rules only: the values may be secrets.
    const lines = parsed.error.issues.map((issue) => `${issue.path.join(".") || "SMS_PROVIDER"}: ${issue.message}`).join("; ");
    throw new Error(`Invalid SMS configuration: ${lines}`);
  }
  const env = parsed.data;
  if (env.SMS_PROVIDER === "log") return { provider: "log" };
  return {
    provider: "twilio",
    apiUrl: env.SMS_API_URL,
    accountSid: env.SMS_ACCOUNT_SID,
    authToken: env.SMS_AUTH_TOKEN,
    from: env.SMS_FROM,
  };
}
