import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { DeliveryError, type Channel, type OutboxMessage } from "@/lib/notify/types";
import { BlockedAddressError, privateTargetsAllowed } from "@/lib/webhooks/address-policy";
import { webhookEventTypes } from "@/lib/webhooks/emit";
import { postJson } from "@/lib/webhooks/post";
import { SIGNATURE_HEADER, signWebhook } from "@/lib/webhooks/sign";

/**
 * The webhook channel: one signed POST of an outbox row's stored body to its endpoint. What counts as
 * delivered or as worth retrying is decided here; when to retry (exponential back-off for 24 h) is the
 * dispatcher's job.
 *   2xx → delivered · 410 Gone and other 4xx except 408/429 → permanent (the receiver refuses this event)
 *   3xx, 408, 429, 5xx, network errors, timeouts → retried (a redirect is not followed: re-signing
 *   for another URL is the dealer's decision, and a redirect could lead into our network).
 * A missing or deactivated endpoint, or a URL the SSRF guard refuses, fails permanently.
 */

const storedBodySchema = z.looseObject({
  id: z.string().min(1),
  type: z.enum(webhookEventTypes),
  createdAt: z.string(),
  data: z.record(z.string(), z.unknown()),
});

export type WebhookChannelOptions = { timeoutMs?: number; allowPrivate?: () => boolean };

export function createWebhookChannel(options: WebhookChannelOptions = {}): Channel {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const allowPrivate = options.allowPrivate ?? privateTargetsAllowed;
  return async (message) => {
    const endpoint = await loadEndpoint(message);
    const body = storedBodySchema.safeParse(message.payload);
    if (!body.success) throw new DeliveryError("stored webhook body is malformed", true);
    // Serialised once: these exact bytes are signed, sent and kept in the delivery log.
    const rawBody = JSON.stringify(message.payload);
    const headers = {
      "Content-Type": "application/json",
      "User-Agent": "Greenlight-Webhooks/1",
      [SIGNATURE_HEADER]: signWebhook(endpoint.secret, rawBody, Math.floor(Date.now() / 1000)),
      "Greenlight-Event": body.data.type,
      "Greenlight-Delivery": message.id,
    };
    const response = await postJson(endpoint.url, rawBody, headers, { timeoutMs, allowPrivate: allowPrivate() }).catch((error: unknown) => {
      throw networkFailure(error, timeoutMs);
    });
    const { status } = response;
    if (status >= 200 && status < 300) return { providerMessageId: `http:${status}`, bodyText: rawBody };
    if (status >= 300 && status < 400) throw new DeliveryError(`HTTP ${status} redirect to ${response.location ?? "?"} not followed`);
    const permanent = status >= 400 && status < 500 && status !== 408 && status !== 429;
    throw new DeliveryError(`HTTP ${status}`, permanent);
  };
}

export const deliverWebhook: Channel = createWebhookChannel();

async function loadEndpoint(message: OutboxMessage): Promise<{ url: URL; secret: string }> {
  if (!message.webhookEndpointId) throw new DeliveryError("no webhook endpoint on this message", true);
  // The row's dealer scopes the lookup: an endpoint id of another dealer is "not found" like any other.
  const endpoint = await db().webhookEndpoint.findFirst({
    where: { id: message.webhookEndpointId, dealerId: message.dealerId },
    select: { url: true, secret: true, active: true },
  });
  if (!endpoint) throw new DeliveryError("webhook endpoint not found", true);
  if (!endpoint.active) throw new DeliveryError("webhook endpoint deactivated", true);
  // The endpoint's URL rather than the row's copy in `recipient`: the guard checks what is called now.
  const url = URL.canParse(endpoint.url) ? new URL(endpoint.url) : null;
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) throw new DeliveryError("webhook URL is not http(s)", true);
  return { url, secret: endpoint.secret };
}

function networkFailure(error: unknown, timeoutMs: number): DeliveryError {
  if (error instanceof BlockedAddressError) return new DeliveryError(error.message, true);
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return new DeliveryError(`no answer within ${timeoutMs / 1000} s`);
  }
  const code = error instanceof Error && "code" in error && typeof error.code === "string" ? `${error.code}: ` : "";
  return new DeliveryError(`network error: ${code}${error instanceof Error ? error.message : String(error)}`);
}
