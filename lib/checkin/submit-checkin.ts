import "server-only";
import { writeAudit } from "@/lib/audit";
import { runWithRetry } from "@/lib/appointments/retry";
import type { CustomerLink } from "@/lib/checkin/answer-checkin";
import { carryOverHandling } from "@/lib/checkin/carry-over-handling";
import { withoutConvertedSelections } from "@/lib/checkin/converted-lines";
import { getOrCreateDraft } from "@/lib/checkin/draft";
import { listOfferedServices } from "@/lib/checkin/offered-services";
import { priceDraftSelections } from "@/lib/checkin/price-draft";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { computeTotals } from "@/lib/money";
import { emitEvent } from "@/lib/webhooks/emit";

/** The terms the customer must accept: the latest version in their language, else the dealer's default. */
export async function currentTerms(input: { dealerId: string; locale: string; defaultLocale: string }, tx: Tx = db()) {
  for (const locale of [input.locale, input.defaultLocale]) {
    const terms = await tx.termsVersion.findFirst({
      where: { dealerId: input.dealerId, locale },
      orderBy: { version: "desc" },
      select: { id: true, version: true, title: true, body: true, locale: true },
    });
    if (terms) return terms;
  }
  return null;
}

/**
 * Confirms the customer's answer: the open draft becomes revision N, with the accepted terms version,
 * time and IP, and totals recomputed here (planned work + chosen services at their current price, see
 * price-draft.ts) — whatever the page's script added up.
 * Two confirmations at the same instant make one revision: the draft is frozen by a conditional update
 * and the loser finds it already submitted.
 */
export async function submitCheckin(input: { link: CustomerLink; termsVersionId: string; now?: Date }): Promise<{ revision: number }> {
  const { link } = input;
  const now = input.now ?? new Date();
  return runWithRetry(async (tx) => {
    // A confirmation repeated after the first one went through (double tap, replayed post) changes
    // nothing: with no open draft there is nothing new to confirm.
    const checkIn = await tx.checkIn.findFirst({
      where: { appointmentId: link.appointmentId, dealerId: link.dealerId },
      select: { id: true, currentRevision: true },
    });
    if (!checkIn) throw new AppError("not_found");
    if (checkIn.currentRevision > 0) {
      const open = await tx.checkInRevision.findFirst({ where: { checkInId: checkIn.id, submittedAt: null }, select: { id: true } });
      if (!open) return { revision: checkIn.currentRevision };
    }
    const draft = await getOrCreateDraft(tx, link);
    const appointment = await tx.appointment.findFirstOrThrow({
      where: { id: link.appointmentId, dealerId: link.dealerId },
      select: {
        siteId: true,
        vehicleMake: true,
        vehicleModel: true,
        dealer: { select: { defaultLocale: true } },
        plannedWork: { select: { id: true, source: true, quantityMilli: true, unitPriceMinor: true, vatRateBp: true } },
      },
    });
    const terms = await tx.termsVersion.findFirst({
      where: { id: input.termsVersionId, dealerId: link.dealerId },
      select: { id: true, locale: true, version: true },
    });
    const latest =
      terms &&
      (await tx.termsVersion.findFirst({
        where: { dealerId: link.dealerId, locale: terms.locale },
        orderBy: { version: "desc" },
        select: { id: true },
      }));
    // Only the current version of the dealer's terms can be accepted: a page left open over a new version
    // (or a draft from before it) shows the new text and asks for the tick again.
    if (!terms || latest?.id !== terms.id) {
      throw new AppError("validation_failed", "terms", { errors: [{ path: "termsVersionId", message: "termsChanged" }] });
    }
    const offered = await listOfferedServices(
      {
        dealerId: link.dealerId,
        siteId: appointment.siteId,
        make: appointment.vehicleMake,
        model: appointment.vehicleModel,
        locale: appointment.dealer.defaultLocale,
        defaultLocale: appointment.dealer.defaultLocale,
      },
      tx,
    );
    const selections = await priceDraftSelections(tx, draft.id, offered);
    const planned = await withoutConvertedSelections(tx, { ...link, lines: appointment.plannedWork });
    const totals = computeTotals([...planned, ...selections]);
    const frozen = await tx.checkInRevision.updateMany({
      where: { id: draft.id, submittedAt: null },
      data: {
        submittedAt: now,
        termsVersionId: terms.id,
        termsAcceptedAt: now,
        ip: link.context.ip?.slice(0, 64) ?? null,
        userAgent: link.context.userAgent?.slice(0, 512) ?? null,
        netMinor: totals.netMinor,
        vatMinor: totals.vatMinor,
        grossMinor: totals.grossMinor,
      },
    });
    if (frozen.count === 0) return { revision: draft.number };
    if (checkIn.currentRevision > 0) {
      await carryOverHandling(tx, { checkInId: draft.checkInId, fromNumber: checkIn.currentRevision, toRevisionId: draft.id });
    }
    await tx.checkIn.update({
      where: { id: draft.checkInId },
      data: { currentRevision: draft.number, state: "SUBMITTED", submittedAt: now },
    });
    await writeAudit(tx, {
      dealerId: link.dealerId,
      appointmentId: link.appointmentId,
      actor: { type: "CUSTOMER" },
      context: link.context,
      event: { type: "checkin.submitted", revision: draft.number, termsVersionId: terms.id },
    });
    await emitEvent(tx, {
      dealerId: link.dealerId,
      appointmentId: link.appointmentId,
      type: "checkin.submitted",
      data: { revision: draft.number },
      now,
    });
    return { revision: draft.number };
  });
}
