import "server-only";
import type { Tx } from "@/lib/db";
import type { ContactRole, NotificationChannel, NotificationKind, Prisma } from "@/lib/db/generated/client";
import type { MessagePayload } from "@/lib/notify/types";

export type EnqueueInput = {
  dealerId: string;
  appointmentId?: string | null;
  kind: NotificationKind;
  channel: NotificationChannel;
  recipient: string;
  recipientRole?: ContactRole | null;
  locale?: string | null;
  dueAt: Date;
  payload?: MessagePayload | Prisma.InputJsonValue;
  webhookEndpointId?: string | null;
  maxAttempts?: number;
};

/**
 * Writes a message to the outbox, in the caller's transaction: it exists exactly when the change that
 * causes it is committed. The dispatcher sends it when due.
 */
export async function enqueue(tx: Tx, input: EnqueueInput): Promise<{ id: string }> {
  return tx.notification.create({
    data: {
      dealerId: input.dealerId,
      appointmentId: input.appointmentId ?? null,
      kind: input.kind,
      channel: input.channel,
      recipient: input.recipient,
      recipientRole: input.recipientRole ?? null,
      locale: input.locale ?? null,
      dueAt: input.dueAt,
      payload: (input.payload ?? {}) as Prisma.InputJsonValue,
      webhookEndpointId: input.webhookEndpointId ?? null,
      bodyText: "",
      ...(input.maxAttempts ? { maxAttempts: input.maxAttempts } : {}),
    },
    select: { id: true },
  });
}

/** Cancels queued (not yet sent) messages of an appointment, e.g. on cancellation or rescheduling. */
export async function cancelQueued(
  tx: Tx,
  where: { dealerId: string; appointmentId: string; kinds?: NotificationKind[] },
  now = new Date(),
): Promise<number> {
  const result = await tx.notification.updateMany({
    where: {
      dealerId: where.dealerId,
      appointmentId: where.appointmentId,
      status: "QUEUED",
      channel: { in: ["EMAIL", "SMS"] },
      ...(where.kinds ? { kind: { in: where.kinds } } : {}),
    },
    // Dropping the payload drops the sealed link: a cancelled message keeps no way into the customer's page.
    data: { status: "CANCELLED", cancelledAt: now, payload: {} },
  });
  return result.count;
}
