import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { enqueue } from "@/lib/notify/outbox";

export const webhookEventTypes = [
  "checkin.opened",
  "checkin.submitted",
  "report.opened",
  "report.responded",
  "checkin.item_converted",
  "notification.failed",
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/**
 * Records an event for every active endpoint of the dealer subscribed to it, in the caller's
 * transaction. Each delivery is an outbox row whose payload is the exact body to send (api-v1.md); the
 * signature is computed when it is sent.
 */
export async function emitEvent(
  tx: Tx,
  input: { dealerId: string; type: WebhookEventType; data: Record<string, unknown>; appointmentId?: string | null; now?: Date },
): Promise<number> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { dealerId: input.dealerId, active: true, events: { has: input.type } },
    select: { id: true, url: true },
  });
  if (endpoints.length === 0) return 0;
  const now = input.now ?? new Date();
  // Every event names the DMS's own appointment id (api-v1.md: data.externalId).
  const appointment = input.appointmentId
    ? await tx.appointment.findFirst({ where: { id: input.appointmentId, dealerId: input.dealerId }, select: { externalId: true } })
    : null;
  const data = appointment ? { externalId: appointment.externalId, ...input.data } : input.data;
  const body = { id: randomUUID(), type: input.type, createdAt: now.toISOString(), data };
  for (const endpoint of endpoints) {
    await enqueue(tx, {
      dealerId: input.dealerId,
      appointmentId: input.appointmentId ?? null,
      kind: "WEBHOOK",
      channel: "WEBHOOK",
      recipient: endpoint.url,
      webhookEndpointId: endpoint.id,
      dueAt: now,
      payload: body as Prisma.InputJsonValue,
      maxAttempts: 1000,
    });
  }
  return endpoints.length;
}
