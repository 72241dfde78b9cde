import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import type { NotificationStatus } from "@/lib/db/generated/client";
import { ipLiteral, isPrivateAddress, privateTargetsAllowed } from "@/lib/webhooks/address-policy";
import { webhookEventTypes, type WebhookEventType } from "@/lib/webhooks/emit";

/** A dealer's webhook endpoints: registered with a one-time secret, listed, deactivated; and their delivery log. */

const webhookUrlSchema = z
  // abort: the refinement below parses the URL, which throws for what z.url refused.
  .url({ protocol: /^https?$/, abort: true })
  .max(2048)
  .superRefine((value, ctx) => {
    const url = new URL(value);
    // Plain http or a private address only where the SSRF guard is off (development, tests, on-premises).
    const local = privateTargetsAllowed();
    if (url.protocol === "http:" && !local) ctx.addIssue({ code: "custom", message: "use an https:// URL" });
    const literal = ipLiteral(url);
    if (!local && (url.hostname === "localhost" || (literal && isPrivateAddress(literal)))) {
      ctx.addIssue({ code: "custom", message: "a loopback or private address cannot receive webhooks" });
    }
    // The signature authenticates deliveries; credentials in a URL would end up in logs.
    if (url.username || url.password) ctx.addIssue({ code: "custom", message: "remove the credentials from the URL" });
  });

export const createWebhookEndpointSchema = z.object({
  url: webhookUrlSchema,
  events: z
    .array(z.enum(webhookEventTypes))
    .min(1, "choose at least one event")
    .transform((events) => webhookEventTypes.filter((type) => events.includes(type))),
});

/** `whsec_` + 32 random bytes, base64url. Stored in clear because signing needs it; shown to the admin once. */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

export async function createWebhookEndpoint(
  tx: Tx,
  input: { dealerId: string; url: string; events: readonly string[]; actor: AuditActor },
): Promise<{ id: string; secret: string; url: string; events: WebhookEventType[] }> {
  const { url, events } = createWebhookEndpointSchema.parse({ url: input.url, events: input.events });
  const secret = newSecret();
  const row = await tx.webhookEndpoint.create({ data: { dealerId: input.dealerId, url, secret, events }, select: { id: true } });
  await writeAudit(tx, {
    dealerId: input.dealerId,
    actor: input.actor,
    event: { type: "webhook_endpoint.created", endpointId: row.id, events },
  });
  return { id: row.id, secret, url, events };
}

export type WebhookEndpointSummary = { id: string; url: string; events: string[]; active: boolean; createdAt: Date };

export async function listWebhookEndpoints(input: { dealerId: string }): Promise<WebhookEndpointSummary[]> {
  return db().webhookEndpoint.findMany({
    where: { dealerId: input.dealerId },
    select: { id: true, url: true, events: true, active: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/**
 * Stops deliveries to an endpoint: it receives no new events, and what is still queued for it is
 * cancelled (an attempt already in flight finishes; a retry of it would fail as "deactivated").
 */
export async function deactivateWebhookEndpoint(tx: Tx, input: { dealerId: string; id: string; actor: AuditActor }): Promise<boolean> {
  const updated = await tx.webhookEndpoint.updateMany({
    where: { id: input.id, dealerId: input.dealerId, active: true },
    data: { active: false },
  });
  if (updated.count === 0) return false;
  await tx.notification.updateMany({
    where: { dealerId: input.dealerId, webhookEndpointId: input.id, channel: "WEBHOOK", status: "QUEUED" },
    data: { status: "CANCELLED", cancelledAt: new Date() },
  });
  await writeAudit(tx, {
    dealerId: input.dealerId,
    actor: input.actor,
    event: { type: "webhook_endpoint.deactivated", endpointId: input.id },
  });
  return true;
}

export type WebhookDelivery = {
  id: string;
  eventId: string | null;
  type: string | null;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  /** `http:<status>` of the accepted attempt. */
  response: string | null;
  createdAt: Date;
  /** When the next attempt is due, while one is pending. */
  nextAttemptAt: Date | null;
  sentAt: Date | null;
  failedAt: Date | null;
};

const eventRefSchema = z.object({ id: z.string(), type: z.string() });

/** The delivery log of one endpoint, newest first: the outbox rows of channel WEBHOOK sent to it. */
export async function listDeliveries(input: { dealerId: string; endpointId: string; limit?: number }): Promise<WebhookDelivery[]> {
  const rows = await db().notification.findMany({
    where: { dealerId: input.dealerId, webhookEndpointId: input.endpointId, channel: "WEBHOOK" },
    select: {
      id: true,
      payload: true,
      status: true,
      attempts: true,
      lastError: true,
      providerMessageId: true,
      createdAt: true,
      dueAt: true,
      sentAt: true,
      failedAt: true,
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(Math.trunc(input.limit ?? 50), 1), 200),
  });
  return rows.map(({ payload, providerMessageId, dueAt, ...row }) => {
    const event = eventRefSchema.safeParse(payload);
    return {
      ...row,
      eventId: event.success ? event.data.id : null,
      type: event.success ? event.data.type : null,
      response: providerMessageId,
      nextAttemptAt: row.status === "QUEUED" || row.status === "SENDING" ? dueAt : null,
    };
  });
}

export type WebhookUrlRefusal = "url" | "httpsRequired" | "privateAddress" | "credentials";

/**
 * Why a typed webhook URL would be refused, as a code a form can put in words next to the field (the
 * schema above answers in English sentences, for the API and logs). Same rules, same order; anything
 * the schema still refuses beyond these is "url".
 */
export function webhookUrlRefusal(value: string): WebhookUrlRefusal | null {
  if (!URL.canParse(value)) return "url";
  const url = new URL(value);
  const local = privateTargetsAllowed();
  if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) return "httpsRequired";
  const literal = ipLiteral(url);
  if (!local && (url.hostname === "localhost" || (literal && isPrivateAddress(literal)))) return "privateAddress";
  if (url.username || url.password) return "credentials";
  return webhookUrlSchema.safeParse(value).success ? null : "url";
}
