import "server-only";
import { db } from "@/lib/db";
import type { NotificationChannel, NotificationStatus } from "@/lib/db/generated/client";

export type ReportHistoryEntry =
  | {
      kind: "sent";
      at: Date;
      name: string | null;
      channel: NotificationChannel;
      address: string;
      status: NotificationStatus;
      version: number | null;
      staffName: string | null;
    }
  | { kind: "opened" | "responded" | "question"; at: Date; name: string | null; address: string | null; ip: string | null };

const CUSTOMER_EVENTS = { "report.opened": "opened", "report.responded": "responded", "report.question_asked": "question" } as const;

/**
 * Seed 004's customer communication history: every send (from the outbox, so the address is the one
 * written on the message) and every answer (from the audit log, with the IP it came from), oldest first.
 * The audit row does not say which link was used: an answer is attributed to the recipient of the last
 * send before it, the person the link was in the hands of.
 */
export async function getReportHistory({ dealerId, appointmentId }: { dealerId: string; appointmentId: string }) {
  const [sends, audits, contacts, sentAudits] = await Promise.all([
    db().notification.findMany({
      where: { dealerId, appointmentId, kind: "REPORT" },
      orderBy: { createdAt: "asc" },
      select: { id: true, createdAt: true, channel: true, recipient: true, recipientRole: true, status: true },
    }),
    db().auditEvent.findMany({
      where: { dealerId, appointmentId, type: { in: Object.keys(CUSTOMER_EVENTS) } },
      orderBy: { createdAt: "asc" },
      select: { type: true, createdAt: true, ip: true },
    }),
    db().appointmentContact.findMany({
      where: { appointmentId, appointment: { dealerId } },
      select: { role: true, firstName: true, lastName: true },
    }),
    db().auditEvent.findMany({
      where: { dealerId, appointmentId, type: "report.sent" },
      select: { data: true, actorId: true },
    }),
  ]);
  const staffIds = [...new Set(sentAudits.map((a) => a.actorId).filter((id): id is string => Boolean(id)))];
  const staff = await db().staffUser.findMany({ where: { dealerId, id: { in: staffIds } }, select: { id: true, name: true } });
  const nameOf = (role: string | null) => {
    const contact = contacts.find((c) => c.role === role);
    return contact ? `${contact.firstName} ${contact.lastName}` : null;
  };
  const sendAudit = (notificationId: string) =>
    sentAudits.find(
      (a) => typeof a.data === "object" && a.data !== null && "notificationId" in a.data && a.data.notificationId === notificationId,
    );

  const entries: ReportHistoryEntry[] = sends.map((send) => {
    const audit = sendAudit(send.id);
    const data = audit?.data as { version?: number } | undefined;
    return {
      kind: "sent",
      at: send.createdAt,
      name: nameOf(send.recipientRole),
      channel: send.channel,
      address: send.recipient,
      status: send.status,
      version: data?.version ?? null,
      staffName: staff.find((s) => s.id === audit?.actorId)?.name ?? null,
    };
  });
  for (const audit of audits) {
    const lastSend = sends.filter((s) => s.createdAt <= audit.createdAt).at(-1);
    entries.push({
      kind: CUSTOMER_EVENTS[audit.type as keyof typeof CUSTOMER_EVENTS],
      at: audit.createdAt,
      name: nameOf(lastSend?.recipientRole ?? null),
      address: lastSend?.recipient ?? null,
      ip: audit.ip,
    });
  }
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
