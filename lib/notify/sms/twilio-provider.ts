import "server-only";
import { z } from "zod";
import type { SmsProvider } from "@/lib/notify/sms/provider";
import type { SmsConfig } from "@/lib/notify/sms/sms-config";
import { DeliveryError } from "@/lib/notify/types";

type TwilioConfig = Extract<SmsConfig, { provider: "twilio" }>;

const MESSAGING_SERVICE_SID = /^MG[0-9a-f]{32}$/i;
const successSchema = z.object({ sid: z.string().min(1) });
const errorSchema = z.object({ code: z.number().optional(), message: z.string().optional() });

/**
 * 4xx answers that are about our account or the moment, not about this message: wrong credentials
 * or account (401/403/404) would otherwise fail every message for good while an operator fixes them.
 */
const RETRYABLE_CLIENT_ERRORS = new Set([401, 403, 404, 408, 409, 425, 429]);

/**
 * Twilio's Messages API, or anything that speaks it: POST form-encoded To/From/Body with Basic auth,
 * 201 with the message `sid`. A timeout is retried, so a message the provider accepted just before
 * it may go out twice (at-least-once, as everywhere in the outbox).
 */
export function twilioSmsProvider(config: TwilioConfig, { timeoutMs = 10_000 } = {}): SmsProvider {
  const endpoint = `${config.apiUrl.replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString("base64")}`;
  const sender = MESSAGING_SERVICE_SID.test(config.from) ? "MessagingServiceSid" : "From";

  return {
    async send({ to, body }) {
      let response: Response;
      try {
        response = await fetch(endpoint, {
          method: "POST",
          headers: { authorization, accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ To: to, [sender]: config.from, Body: body }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        throw new DeliveryError(`SMS provider unreachable (${reason})`);
      }
      const json: unknown = await response.json().catch(() => null);
      if (response.ok) {
        // Accepted: without a sid the SMS is still on its way, and failing it would only send it again.
        return { providerMessageId: successSchema.safeParse(json).data?.sid ?? null };
      }
      throw providerError(response.status, json);
    },
  };
}

function providerError(status: number, json: unknown): DeliveryError {
  const parsed = errorSchema.safeParse(json);
  const detail = parsed.success ? [parsed.data.code, parsed.data.message].filter((part) => part !== undefined).join(" ") : "";
  const permanent = status >= 400 && status < 500 && !RETRYABLE_CLIENT_ERRORS.has(status);
  // The provider's text often quotes the number; the log shows the recipient already, nothing else should.
  const message = `SMS provider HTTP ${status}${detail ? `: ${detail}` : ""}`.replace(/\+?\d[\d ().-]{5,}\d/g, "•••");
  return new DeliveryError(message.slice(0, 300), permanent);
}
