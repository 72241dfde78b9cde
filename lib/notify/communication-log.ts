import "server-only";
import { db } from "@/lib/db";
import type { NotificationChannel, NotificationKind, NotificationStatus } from "@/lib/db/generated/client";

export type CommunicationEntry = {
  id: string;
  appointmentId: string | null;
  externalId: string | null;
  kind: NotificationKind;
  channel: NotificationChannel;
  status: NotificationStatus;
  recipient: string;
  subject: string | null;
  bodyText: string;
  dueAt: Date;
  sentAt: Date | null;
  failedAt: Date | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
};

/**
 * The communication log: every message to customers (not webhooks) of one dealer, newest first,
 * optionally for one appointment. It is the outbox itself, so what it shows is what was (or will be) sent.
 */
export async function listCommunication(input: {
  dealerId: string;
  appointmentId?: string;
  limit?: number;
}): Promise<CommunicationEntry[]> {
  const rows = await db().notification.findMany({
    where: {
      dealerId: input.dealerId,
      channel: { in: ["EMAIL", "SMS"] },
      ...(input.appointmentId ? { appointmentId: input.appointmentId } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: input.limit ?? 100,
    select: {
      id: true,
      appointmentId: true,
      kind: true,
      channel: true,
      status: true,
      recipient: true,
      subject: true,
      bodyText: true,
      dueAt: true,
      sentAt: true,
      failedAt: true,
      attempts: true,
      lastError: true,
      createdAt: true,
    },
  });
  const appointmentIds = [...new Set(rows.map((r) => r.appointmentId).filter((id): id is string => Boolean(id)))];
  const appointments = await db().appointment.findMany({
    where: { dealerId: input.dealerId, id: { in: appointmentIds } },
    select: { id: true, externalId: true },
  });
  const externalIds = new Map(appointments.map((a) => [a.id, a.externalId]));
  return rows.map((row) => ({ ...row, externalId: row.appointmentId ? (externalIds.get(row.appointmentId) ?? null) : null }));
}
