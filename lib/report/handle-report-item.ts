import "server-only";
import { runWithRetry } from "@/lib/appointments/retry";
import { writeAudit, type AuditEventData } from "@/lib/audit";
import type { Tx } from "@/lib/db";
import type { Authorization, Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import type { StaffOnReport } from "@/lib/report/edit-report";

export const REPLY_MAX = 2000;

const staffActor = (input: StaffOnReport) => ({ type: "STAFF" as const, id: input.staffUserId });

async function audit(tx: Tx, input: StaffOnReport, event: AuditEventData) {
  await writeAudit(tx, { dealerId: input.dealerId, appointmentId: input.appointmentId, actor: staffActor(input), event });
}

/** The appointment's report, this dealer's only (else not found). */
async function staffReport(tx: Tx, input: StaffOnReport) {
  const report = await tx.report.findFirst({
    where: { appointmentId: input.appointmentId, dealerId: input.dealerId },
    select: { id: true, state: true, publishedVersion: true },
  });
  if (!report) throw new AppError("not_found");
  return report;
}

/**
 * The advisor acts on what the customer was sent: an item of the published version that the customer
 * can see. Draft-only and hidden items have no answer to act on (not found).
 */
async function publishedItem(tx: Tx, input: StaffOnReport, itemKey: string) {
  const report = await staffReport(tx, input);
  if (report.publishedVersion === null) throw new AppError("not_found");
  const item = await tx.reportItem.findFirst({
    where: { key: itemKey, visible: true, reportVersion: { reportId: report.id, number: report.publishedVersion } },
    select: { key: true },
  });
  if (!item) throw new AppError("not_found");
  return report;
}

/** The advisor's side of a decision row; the customer's side (decision, reason, reminder) is never touched here. */
type AdvisorFields = Pick<
  Prisma.ReportDecisionUncheckedCreateInput,
  "authorization" | "authorizedAt" | "authorizedById" | "pinned" | "snoozedUntil"
>;

async function updateDecision(tx: Tx, reportId: string, itemKey: string, data: AdvisorFields) {
  await tx.reportDecision.upsert({
    where: { reportId_itemKey: { reportId, itemKey } },
    create: { ...data, reportId, itemKey },
    update: data,
  });
}

/**
 * Seed 004: thumbs up / down — what the mechanic may do. Independent of the customer's own answer (a
 * "call me" becomes a yes on the phone); `null` takes the authorisation back.
 */
export async function authorizeReportItem(
  input: StaffOnReport & { itemKey: string; authorization: Authorization | null },
): Promise<{ changed: boolean }> {
  const now = input.now ?? new Date();
  return runWithRetry(async (tx) => {
    const report = await publishedItem(tx, input, input.itemKey);
    const before = await tx.reportDecision.findUnique({
      where: { reportId_itemKey: { reportId: report.id, itemKey: input.itemKey } },
      select: { authorization: true },
    });
    if ((before?.authorization ?? null) === input.authorization) return { changed: false };
    await updateDecision(tx, report.id, input.itemKey, {
      authorization: input.authorization,
      authorizedAt: input.authorization ? now : null,
      authorizedById: input.authorization ? input.staffUserId : null,
    });
    await audit(tx, input, { type: "report.item_authorized", itemKey: input.itemKey, authorization: input.authorization });
    return { changed: true };
  });
}

/** Pin an item to keep its appointment at the top of the list, or snooze it until a time (null wakes it). */
export async function setReportItemFollowUp(
  input: StaffOnReport & { itemKey: string } & ({ pinned: boolean } | { snoozedUntil: Date | null }),
): Promise<{ changed: boolean }> {
  return runWithRetry(async (tx) => {
    const report = await publishedItem(tx, input, input.itemKey);
    const data = "pinned" in input ? { pinned: input.pinned } : { snoozedUntil: input.snoozedUntil };
    const before = await tx.reportDecision.findUnique({
      where: { reportId_itemKey: { reportId: report.id, itemKey: input.itemKey } },
      select: { pinned: true, snoozedUntil: true },
    });
    const same =
      "pinned" in input
        ? (before?.pinned ?? false) === input.pinned
        : (before?.snoozedUntil?.getTime() ?? null) === (input.snoozedUntil?.getTime() ?? null);
    if (same) return { changed: false };
    await updateDecision(tx, report.id, input.itemKey, data);
    await audit(
      tx,
      input,
      "pinned" in input
        ? { type: "report.item_pinned", itemKey: input.itemKey, pinned: input.pinned }
        : { type: "report.item_snoozed", itemKey: input.itemKey, until: input.snoozedUntil?.toISOString() ?? null },
    );
    return { changed: true };
  });
}

/** The message, of this report only: a customer's remark or an advisor's reply. */
async function reportMessage(tx: Tx, input: StaffOnReport, messageId: string) {
  const report = await staffReport(tx, input);
  const message = await tx.reportItemMessage.findFirst({
    where: { id: messageId, reportId: report.id },
    select: { id: true, author: true, readAt: true, visibleToMechanics: true, itemKey: true },
  });
  if (!message) throw new AppError("not_found");
  return message;
}

/** Seed 004, "click the cross": the customer's remark has been read (or unread again). */
export async function markReportMessageRead(input: StaffOnReport & { messageId: string; read: boolean }): Promise<{ changed: boolean }> {
  const now = input.now ?? new Date();
  return runWithRetry(async (tx) => {
    const message = await reportMessage(tx, input, input.messageId);
    if (message.author !== "CUSTOMER") throw new AppError("not_found");
    if ((message.readAt !== null) === input.read) return { changed: false };
    await tx.reportItemMessage.update({ where: { id: message.id }, data: { readAt: input.read ? now : null } });
    await audit(tx, input, { type: "report.message_read", messageId: message.id, read: input.read });
    return { changed: true };
  });
}

/** The advisor's answer in an item's thread; the customer reads it under the item on their page. */
export async function replyToReportItem(input: StaffOnReport & { itemKey: string; body: string }): Promise<{ id: string }> {
  const body = input.body.trim();
  if (body.length === 0 || body.length > REPLY_MAX) {
    throw new AppError("validation_failed", "The reply is empty or too long.", { errors: [{ path: "body", message: "invalid" }] });
  }
  return runWithRetry(async (tx) => {
    const report = await publishedItem(tx, input, input.itemKey);
    if (report.state === "CLOSED") throw new AppError("conflict");
    const message = await tx.reportItemMessage.create({
      data: { reportId: report.id, itemKey: input.itemKey, author: "STAFF", staffUserId: input.staffUserId, body },
      select: { id: true },
    });
    await audit(tx, input, { type: "report.reply_sent", itemKey: input.itemKey, messageId: message.id });
    return message;
  });
}

/**
 * Seed 004, "visible to mechanics": a customer's remark, or a photo or video of an item, shown in the
 * workshop view. Attachments are toggled on every version that holds the file, so a resent quote keeps it.
 */
export async function setReportMechanicVisibility(
  input: StaffOnReport & { item: "message" | "attachment"; id: string; visible: boolean },
): Promise<{ changed: boolean }> {
  return runWithRetry(async (tx) => {
    if (input.item === "message") {
      const message = await reportMessage(tx, input, input.id);
      if (message.author !== "CUSTOMER") throw new AppError("not_found");
      if (message.visibleToMechanics === input.visible) return { changed: false };
      await tx.reportItemMessage.update({ where: { id: message.id }, data: { visibleToMechanics: input.visible } });
    } else {
      const report = await staffReport(tx, input);
      const attachment = await tx.reportItemAttachment.findFirst({
        where: { id: input.id, item: { reportVersion: { reportId: report.id } } },
        select: { assetId: true, visibleToMechanics: true },
      });
      if (!attachment) throw new AppError("not_found");
      if (attachment.visibleToMechanics === input.visible) return { changed: false };
      await tx.reportItemAttachment.updateMany({
        where: { assetId: attachment.assetId, item: { reportVersion: { reportId: report.id } } },
        data: { visibleToMechanics: input.visible },
      });
    }
    await audit(tx, input, { type: "report.mechanic_visibility", item: input.item, id: input.id, visible: input.visible });
    return { changed: true };
  });
}
