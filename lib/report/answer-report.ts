import "server-only";
import { addMonths } from "date-fns";
import { runWithRetry } from "@/lib/appointments/retry";
import { writeAudit, type RequestContext } from "@/lib/audit";
import { now as clockNow } from "@/lib/clock";
import type { Tx } from "@/lib/db";
import type { ReportDecisionValue } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { emitEvent } from "@/lib/webhooks/emit";

/** Whose report it is: from the link's token, never from input. */
export type ReportLink = { dealerId: string; appointmentId: string; context: RequestContext };

/** "Remind me later" for a declined item (seed 004): in 1, 3 or 6 months. */
export const REMIND_MONTHS = [1, 3, 6] as const;
export type RemindMonths = (typeof REMIND_MONTHS)[number];

const customer = (link: ReportLink) => ({
  dealerId: link.dealerId,
  appointmentId: link.appointmentId,
  actor: { type: "CUSTOMER" as const },
  context: link.context,
});

/**
 * The published version the customer is answering, and the item they name in it. The page sends the
 * version it showed: an answer to an older version (the advisor resent a changed quote meanwhile) is a
 * conflict — the customer must see the new prices first. Hidden items, other reports' items and
 * categories that take no decision are "not found", as if they did not exist.
 */
async function publishedItem(tx: Tx, link: ReportLink, version: number, itemKey: string | null) {
  const report = await tx.report.findFirst({
    where: { appointmentId: link.appointmentId, dealerId: link.dealerId },
    select: { id: true, state: true, publishedVersion: true },
  });
  if (!report || report.publishedVersion === null) throw new AppError("not_found");
  if (report.state === "CLOSED") throw new AppError("gone");
  if (report.publishedVersion !== version) throw new AppError("conflict", "stale version");
  if (itemKey === null) return { report, item: null };
  const item = await tx.reportItem.findFirst({
    where: { key: itemKey, visible: true, reportVersion: { reportId: report.id, number: version } },
    select: { key: true, category: true },
  });
  if (!item) throw new AppError("not_found");
  return { report, item };
}

/**
 * Approve (repair), decline (not now / "I don't agree", with an optional reason and a reminder) or
 * "contact me" for a necessary or recommended item. Changing one's mind replaces the answer.
 */
export async function decideReportItem(input: {
  link: ReportLink;
  version: number;
  itemKey: string;
  decision: ReportDecisionValue;
  reason?: string | null;
  remindMonths?: RemindMonths | null;
  now?: Date;
}): Promise<void> {
  const { link } = input;
  const now = input.now ?? clockNow();
  await runWithRetry(async (tx) => {
    const { report, item } = await publishedItem(tx, link, input.version, input.itemKey);
    if (item!.category !== "NECESSARY" && item!.category !== "RECOMMENDED") throw new AppError("not_found");
    const declined = input.decision === "DECLINED";
    const data = {
      decision: input.decision,
      reason: declined ? input.reason?.trim() || null : null,
      decidedAt: now,
      decidedOnVersion: input.version,
      remindAt: declined && input.remindMonths ? addMonths(now, input.remindMonths) : null,
    };
    await tx.reportDecision.upsert({
      where: { reportId_itemKey: { reportId: report.id, itemKey: input.itemKey } },
      create: { reportId: report.id, itemKey: input.itemKey, ...data },
      update: data,
    });
    await recordReportOpened(tx, link, report.id, now);
    await writeAudit(tx, {
      ...customer(link),
      event: { type: "report.item_decided", itemKey: input.itemKey, decision: input.decision, version: input.version },
    });
  });
}

/** A question about one item, for the advisor; it joins the item's thread with the advisor's answers. */
export async function askAboutReportItem(input: { link: ReportLink; version: number; itemKey: string; body: string; now?: Date }) {
  const { link } = input;
  const now = input.now ?? clockNow();
  return runWithRetry(async (tx) => {
    const { report } = await publishedItem(tx, link, input.version, input.itemKey);
    const message = await tx.reportItemMessage.create({
      data: { reportId: report.id, itemKey: input.itemKey, author: "CUSTOMER", body: input.body.trim() },
      select: { id: true },
    });
    await recordReportOpened(tx, link, report.id, now);
    await writeAudit(tx, { ...customer(link), event: { type: "report.question_asked", itemKey: input.itemKey } });
    return message;
  });
}

/**
 * Sends the answers: the report is RESPONDED with the version answered and the final comments; the
 * advisor is notified through the `report.responded` webhook. Sending again (after changing an answer)
 * updates the time and comments; the answers themselves were saved as they were given.
 */
export async function submitReportAnswer(input: { link: ReportLink; version: number; finalComment: string; now?: Date }) {
  const { link } = input;
  const now = input.now ?? clockNow();
  await runWithRetry(async (tx) => {
    const { report } = await publishedItem(tx, link, input.version, null);
    await recordReportOpened(tx, link, report.id, now);
    await tx.report.update({
      where: { id: report.id },
      data: { state: "RESPONDED", respondedAt: now, answeredVersion: input.version, finalComment: input.finalComment.trim() || null },
    });
    await writeAudit(tx, { ...customer(link), event: { type: "report.responded", version: input.version } });
    await emitEvent(tx, {
      dealerId: link.dealerId,
      appointmentId: link.appointmentId,
      type: "report.responded",
      data: { version: input.version },
      now,
    });
  });
}

/**
 * The first real look at the report (beacon or first answer; never a scanner's bare GET): `openedAt`,
 * SENT → OPENED, audit and the `report.opened` webhook, once.
 */
export async function recordReportOpened(tx: Tx, link: ReportLink, reportId: string, now: Date = clockNow()): Promise<boolean> {
  const first = await tx.report.updateMany({ where: { id: reportId, dealerId: link.dealerId, openedAt: null }, data: { openedAt: now } });
  if (first.count === 0) return false;
  await tx.report.updateMany({ where: { id: reportId, state: "SENT" }, data: { state: "OPENED" } });
  await writeAudit(tx, { ...customer(link), event: { type: "report.opened" } });
  await emitEvent(tx, { dealerId: link.dealerId, appointmentId: link.appointmentId, type: "report.opened", data: {}, now });
  return true;
}
