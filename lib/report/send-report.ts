import "server-only";
import { isExternalId } from "@/lib/api/appointment-schema";
import { ROLE_ORDER } from "@/lib/appointments/contact-order";
import { runWithRetry, StaleVersion } from "@/lib/appointments/retry";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { customerLink } from "@/lib/checkin/schedule-checkin";
import type { Tx } from "@/lib/db";
import type { ContactRole } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { enqueue } from "@/lib/notify/outbox";
import { seal } from "@/lib/notify/seal";
import { itemRecord, loadReportVersions, reportItemSelect, sameQuestion, type LoadedVersion } from "@/lib/report/api-report-items";
import { issueToken } from "@/lib/tokens";

/** DESIGN.md: a report link stays open 14 days after sending at most. */
const REPORT_LINK_DAYS = 14;

type Contact = { role: ContactRole; email: string | null; phone: string | null; locale: string };

/** The chosen contact, or the first of driver → owner → contractor reachable on the channel. */
function pickRecipient(contacts: Contact[], channel: "EMAIL" | "SMS", role: ContactRole | null) {
  const address = (c: Contact | undefined) => (channel === "EMAIL" ? c?.email : c?.phone) ?? null;
  const what = channel === "EMAIL" ? "an e-mail address" : "a phone number";
  if (role) {
    const contact = contacts.find((c) => c.role === role);
    const recipient = address(contact);
    if (!contact || !recipient) {
      const message = contact ? `this contact has no ${what.replace(/^an? /, "")}` : "the appointment has no such contact";
      throw new AppError("validation_failed", "The contact cannot be reached.", { errors: [{ path: "contact", message }] });
    }
    return { contact, recipient };
  }
  const contact = ROLE_ORDER.map((r) => contacts.find((c) => c.role === r)).find((c) => address(c));
  const recipient = address(contact);
  if (!contact || !recipient) {
    throw new AppError("validation_failed", `No contact has ${what}.`, {
      errors: [{ path: "channel", message: "no contact is reachable on this channel" }],
    });
  }
  return { contact, recipient };
}

/**
 * Answers to items that changed since they were given no longer hold: a new price or finding is a new
 * question. Answers to unchanged items are kept (api-v1.md), whatever version they were given on.
 */
async function dropStaleDecisions(tx: Tx, reportId: string, publishing: LoadedVersion): Promise<void> {
  const decisions = await tx.reportDecision.findMany({
    where: { reportId, decidedOnVersion: { not: null } },
    select: { id: true, itemKey: true, decidedOnVersion: true },
  });
  if (decisions.length === 0) return;
  const numbers = [...new Set(decisions.map((d) => d.decidedOnVersion as number))];
  const answered = await tx.reportVersion.findMany({
    where: { reportId, number: { in: numbers } },
    select: { number: true, items: { select: reportItemSelect } },
  });
  const stale = decisions.filter((decision) => {
    const before = answered.find((v) => v.number === decision.decidedOnVersion)?.items.find((i) => i.key === decision.itemKey);
    const current = publishing.items.find((i) => i.key === decision.itemKey);
    return !before || !current || !sameQuestion(itemRecord(before), itemRecord(current));
  });
  if (stale.length === 0) return;
  await tx.reportDecision.updateMany({
    where: { id: { in: stale.map((d) => d.id) } },
    data: {
      decision: null,
      reason: null,
      decidedAt: null,
      decidedOnVersion: null,
      remindAt: null,
      authorization: null,
      authorizedAt: null,
      authorizedById: null,
    },
  });
}

/**
 * api-v1.md `POST …/report/send`: publishes the open draft as the new version (or sends the published
 * one again when nothing changed since), and queues the message with a fresh link to the recipient.
 * Refused (409) for a cancelled or finalized appointment, a closed report, or nothing visible to send.
 */
export async function sendReport(input: {
  dealerId: string;
  externalId: string;
  channel: "EMAIL" | "SMS";
  note: string | null;
  contact: ContactRole | null;
  actor: AuditActor;
  now: Date;
}): Promise<{ url: string; version: number; notificationId: string }> {
  const { dealerId, externalId, now, actor } = input;
  if (!isExternalId(externalId)) throw new AppError("not_found", "No appointment has this externalId.");
  return runWithRetry(async (tx) => {
    const appointment = await tx.appointment.findUnique({
      where: { dealerId_externalId: { dealerId, externalId } },
      select: {
        id: true,
        status: true,
        contacts: { select: { role: true, email: true, phone: true, locale: true } },
        report: { select: { id: true, state: true, version: true, draftVersion: true, publishedVersion: true } },
      },
    });
    if (!appointment) throw new AppError("not_found", "No appointment has this externalId.");
    if (appointment.status === "CANCELLED" || appointment.status === "FINALIZED") {
      throw new AppError("conflict", `The appointment is ${appointment.status.toLowerCase()}.`);
    }
    const report = appointment.report;
    if (report?.state === "CLOSED") throw new AppError("conflict", "The report is closed.");
    const { published, draft } = report ? await loadReportVersions(tx, report) : { published: null, draft: null };
    const sending = draft ?? published;
    if (!report || !sending || !sending.items.some((item) => item.visible)) {
      throw new AppError("conflict", "The report has no visible items to send.");
    }
    const { contact, recipient } = pickRecipient(appointment.contacts, input.channel, input.contact);

    if (draft) await dropStaleDecisions(tx, report.id, draft);
    await tx.reportVersion.update({
      where: { id: sending.id },
      data: { ...(draft ? { publishedAt: now } : {}), ...(input.note ? { note: input.note } : {}) },
    });
    // A new version awaits a new answer ("sent" again); sending the same version again keeps how far the
    // customer got with it.
    const updated = await tx.report.updateMany({
      where: { id: report.id, version: report.version },
      data: {
        version: report.version + 1,
        publishedVersion: sending.number,
        draftVersion: sending.number,
        ...(draft || report.state === "DRAFT" ? { state: "SENT" as const } : {}),
      },
    });
    if (updated.count === 0) throw new StaleVersion();

    const token = await issueToken(tx, {
      dealerId,
      appointmentId: appointment.id,
      purpose: "REPORT",
      recipientRole: contact.role,
      expiresAt: new Date(now.getTime() + REPORT_LINK_DAYS * 86_400_000),
    });
    const url = customerLink("r", token);
    const notification = await enqueue(tx, {
      dealerId,
      appointmentId: appointment.id,
      kind: "REPORT",
      channel: input.channel,
      recipient,
      recipientRole: contact.role,
      locale: contact.locale,
      dueAt: now,
      payload: { sealedLink: seal(url), ...(input.note ? { note: input.note } : {}) },
    });
    await writeAudit(tx, {
      dealerId,
      appointmentId: appointment.id,
      actor,
      event: { type: "report.sent", version: sending.number, channel: input.channel, notificationId: notification.id },
    });
    return { url, version: sending.number, notificationId: notification.id };
  });
}
