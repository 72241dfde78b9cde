import "server-only";
import { runWithRetry, StaleVersion } from "@/lib/appointments/retry";
import { writeSnapshot } from "@/lib/appointments/write-snapshot";
import { writeAudit } from "@/lib/audit";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatDecimalMoney, formatQuantity, formatVatRate } from "@/lib/money";
import { emitEvent } from "@/lib/webhooks/emit";

/** A chosen optional service or a remark of the customer's answer. */
export type CheckinItemKind = "selection" | "comment";

/** Who acts on which appointment: the dealer and staff ids come from the session, never from a form. */
export type StaffOnAppointment = { dealerId: string; appointmentId: string; staffUserId: string; now?: Date };

const staffActor = (input: StaffOnAppointment) => ({ type: "STAFF" as const, id: input.staffUserId });

/**
 * The advisor works on the customer's latest confirmed answer only: earlier revisions are history, and an
 * open draft is not an answer yet. Another dealer's appointment has none (not found).
 */
async function latestRevision(tx: Tx, input: StaffOnAppointment): Promise<{ id: string; number: number }> {
  const checkIn = await tx.checkIn.findFirst({
    where: { appointmentId: input.appointmentId, dealerId: input.dealerId },
    select: { id: true, currentRevision: true },
  });
  if (!checkIn || checkIn.currentRevision === 0) throw new AppError("not_found");
  const revision = await tx.checkInRevision.findFirst({
    where: { checkInId: checkIn.id, number: checkIn.currentRevision, submittedAt: { not: null } },
    select: { id: true, number: true },
  });
  if (!revision) throw new AppError("not_found");
  return revision;
}

/** Seed 003 step 4: marks one item handled (or not handled again — toggles can be undone). */
export async function setCheckinItemHandled(
  input: StaffOnAppointment & { item: CheckinItemKind; itemId: string; handled: boolean },
): Promise<{ changed: boolean }> {
  const now = input.now ?? new Date();
  return runWithRetry(async (tx) => {
    const revision = await latestRevision(tx, input);
    const where = { id: input.itemId, revisionId: revision.id };
    const data = { handled: input.handled, handledAt: input.handled ? now : null };
    // Conditional on the other state, so a repeated click (or a replayed post) changes and audits nothing.
    const updated =
      input.item === "selection"
        ? await tx.checkInSelection.updateMany({ where: { ...where, handled: !input.handled }, data })
        : await tx.checkInComment.updateMany({ where: { ...where, handled: !input.handled }, data });
    if (updated.count === 0) {
      const exists = input.item === "selection" ? await tx.checkInSelection.count({ where }) : await tx.checkInComment.count({ where });
      if (exists === 0) throw new AppError("not_found");
      return { changed: false };
    }
    await writeAudit(tx, {
      dealerId: input.dealerId,
      appointmentId: input.appointmentId,
      actor: staffActor(input),
      event: { type: "checkin.item_handled", item: input.item, itemId: input.itemId, handled: input.handled },
    });
    return { changed: true };
  });
}

/** Seed 003 step 3: shares a remark, or one of its photos or videos, with the mechanics (or stops sharing). */
export async function setVisibleToMechanics(
  input: StaffOnAppointment & { item: "comment" | "attachment"; itemId: string; visible: boolean },
): Promise<{ changed: boolean }> {
  return runWithRetry(async (tx) => {
    const revision = await latestRevision(tx, input);
    const data = { visibleToMechanics: input.visible };
    const where =
      input.item === "comment" ? { id: input.itemId, revisionId: revision.id } : { id: input.itemId, comment: { revisionId: revision.id } };
    const updated =
      input.item === "comment"
        ? await tx.checkInComment.updateMany({ where: { ...where, visibleToMechanics: !input.visible }, data })
        : await tx.commentAttachment.updateMany({ where: { ...where, visibleToMechanics: !input.visible }, data });
    if (updated.count === 0) {
      const exists =
        input.item === "comment"
          ? await tx.checkInComment.count({ where: { id: input.itemId, revisionId: revision.id } })
          : await tx.commentAttachment.count({ where: { id: input.itemId, comment: { revisionId: revision.id } } });
      if (exists === 0) throw new AppError("not_found");
      return { changed: false };
    }
    await writeAudit(tx, {
      dealerId: input.dealerId,
      appointmentId: input.appointmentId,
      actor: staffActor(input),
      event: { type: "checkin.mechanic_visibility", item: input.item, itemId: input.itemId, visible: input.visible },
    });
    return { changed: true };
  });
}

type ConvertedLine = { title: string; quantityMilli: number; unitPriceMinor: number; vatRateBp: number };

async function convertibleItem(
  tx: Tx,
  kind: CheckinItemKind,
  where: { id: string; revisionId: string },
  appointmentVatRateBp: number,
): Promise<{ line: ConvertedLine; convertedLineId: string | null } | null> {
  if (kind === "selection") {
    const s = await tx.checkInSelection.findFirst({
      where,
      select: { title: true, quantityMilli: true, unitPriceMinor: true, vatRateBp: true, convertedLineId: true },
    });
    return (
      s && {
        line: { title: s.title, quantityMilli: s.quantityMilli, unitPriceMinor: s.unitPriceMinor, vatRateBp: s.vatRateBp },
        convertedLineId: s.convertedLineId,
      }
    );
  }
  const c = await tx.checkInComment.findFirst({ where, select: { title: true, convertedLineId: true } });
  return (
    c && {
      line: { title: c.title, quantityMilli: 1000, unitPriceMinor: 0, vatRateBp: appointmentVatRateBp },
      convertedLineId: c.convertedLineId,
    }
  );
}

/**
 * Seed 003 step 4, "convert to job": the item becomes a planned-work line (source CHECKIN) of a new
 * appointment version, and the DMS hears of it (`checkin.item_converted`). A service keeps the price and
 * VAT the customer agreed to. A remark becomes a line at price 0 for the advisor to price: its VAT rate is
 * the appointment's own (its first planned-work line's), because dealers keep no default rate and a line
 * at 0 % would be wrong the moment it gets a price; with no line to copy from it is 0. Converting is also
 * handling the item. Converting again changes nothing: the item points at its line once and for all.
 */
export async function convertCheckinItem(
  input: StaffOnAppointment & { item: CheckinItemKind; itemId: string },
): Promise<{ converted: boolean; lineId: string; version: number }> {
  const now = input.now ?? new Date();
  return runWithRetry(async (tx) => {
    const revision = await latestRevision(tx, input);
    const where = { id: input.itemId, revisionId: revision.id };
    const appointment = await tx.appointment.findFirstOrThrow({
      where: { id: input.appointmentId, dealerId: input.dealerId },
      select: {
        version: true,
        status: true,
        currency: true,
        plannedWork: { orderBy: { position: "asc" }, select: { position: true, vatRateBp: true } },
      },
    });
    const item = await convertibleItem(tx, input.item, where, appointment.plannedWork[0]?.vatRateBp ?? 0);
    if (!item) throw new AppError("not_found");
    if (item.convertedLineId) return { converted: false, lineId: item.convertedLineId, version: appointment.version };
    if (appointment.status === "CANCELLED" || appointment.status === "FINALIZED") throw new AppError("conflict");
    const { line } = item;
    const position = Math.max(-1, ...appointment.plannedWork.map((l) => l.position)) + 1;
    const created = await tx.plannedWorkLine.create({
      data: { appointmentId: input.appointmentId, position, source: "CHECKIN", ...line },
      select: { id: true },
    });
    const link = { convertedLineId: created.id, handled: true, handledAt: now };
    // Two clicks racing both got here; only one may link its line, the other starts over and finds it done.
    const linked =
      input.item === "selection"
        ? await tx.checkInSelection.updateMany({ where: { ...where, convertedLineId: null }, data: link })
        : await tx.checkInComment.updateMany({ where: { ...where, convertedLineId: null }, data: link });
    if (linked.count === 0) throw new StaleVersion();
    const version = appointment.version + 1;
    const bumped = await tx.appointment.updateMany({
      where: { id: input.appointmentId, dealerId: input.dealerId, version: appointment.version },
      data: { version },
    });
    if (bumped.count === 0) throw new StaleVersion();
    await writeSnapshot(tx, { dealerId: input.dealerId, appointmentId: input.appointmentId, actor: staffActor(input) });
    await writeAudit(tx, {
      dealerId: input.dealerId,
      appointmentId: input.appointmentId,
      actor: staffActor(input),
      event: { type: "checkin.item_converted", item: input.item, itemId: input.itemId, lineId: created.id, version },
    });
    await emitEvent(tx, {
      dealerId: input.dealerId,
      appointmentId: input.appointmentId,
      type: "checkin.item_converted",
      now,
      data: {
        version,
        revision: revision.number,
        item: { type: input.item === "selection" ? "optionalService" : "comment", id: input.itemId },
        plannedWork: {
          id: created.id,
          title: line.title,
          quantity: formatQuantity(line.quantityMilli),
          unitPrice: formatDecimalMoney(line.unitPriceMinor, appointment.currency),
          vatRate: formatVatRate(line.vatRateBp),
          source: "checkin",
        },
      },
    });
    return { converted: true, lineId: created.id, version };
  });
}
