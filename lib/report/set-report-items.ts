import "server-only";
import { amountProblem } from "@/lib/api/fields";
import type { ReportItemsBody } from "@/lib/api/report-schema";
import { runWithRetry } from "@/lib/appointments/retry";
import type { AuditActor } from "@/lib/audit";
import type { ReportCategory } from "@/lib/db/generated/client";
import { AppError, type FieldError } from "@/lib/errors";
import { isExternalId } from "@/lib/api/appointment-schema";
import { parseDecimalMoney, parseQuantity, parseVatRate } from "@/lib/money";
import { itemRecord, sameItems, type ReportItemRecord } from "@/lib/report/api-report-items";
import { currentDraftItems, writeDraft } from "@/lib/report/report-draft";

/** The body's items in database units; amounts must fit the appointment's currency (422 otherwise). */
function itemRecordsFromBody(body: ReportItemsBody, currency: string): ReportItemRecord[] {
  const errors: FieldError[] = [];
  body.items.forEach((item, i) =>
    item.lines.forEach((line, j) => {
      const message = amountProblem(line.unitPrice, currency);
      if (message) errors.push({ path: `items.${i}.lines.${j}.unitPrice`, message });
    }),
  );
  if (errors.length > 0) throw new AppError("validation_failed", "The body has invalid fields.", { errors });
  return body.items.map((item) =>
    itemRecord({
      key: item.key,
      category: item.category.toUpperCase() as ReportCategory,
      title: item.title,
      description: item.description,
      visible: item.visible,
      lines: item.lines.map((line) => ({
        title: line.title,
        quantityMilli: parseQuantity(line.quantity),
        unitPriceMinor: parseDecimalMoney(line.unitPrice, currency),
        vatRateBp: parseVatRate(line.vatRate),
      })),
    }),
  );
}

/**
 * api-v1.md `PUT …/report`: the given items become the report's draft — the open draft is replaced, or
 * a new version number after the published one is started (nothing but the advisor's attachments is
 * copied from earlier versions).
 * The same items again change nothing, so a replayed PUT neither bumps a version nor opens a draft.
 */
export async function setReportItems(input: {
  dealerId: string;
  externalId: string;
  body: ReportItemsBody;
  actor: AuditActor;
}): Promise<{ changed: boolean }> {
  const { dealerId, externalId, actor } = input;
  if (!isExternalId(externalId)) throw new AppError("not_found", "No appointment has this externalId.");
  return runWithRetry(async (tx) => {
    const appointment = await tx.appointment.findUnique({
      where: { dealerId_externalId: { dealerId, externalId } },
      select: { id: true, currency: true, report: { select: { id: true, version: true, draftVersion: true, publishedVersion: true } } },
    });
    if (!appointment) throw new AppError("not_found", "No appointment has this externalId.");
    const items = itemRecordsFromBody(input.body, appointment.currency);
    const report =
      appointment.report ??
      (await tx.report.create({
        data: { dealerId, appointmentId: appointment.id, state: "DRAFT", draftVersion: 1 },
        select: { id: true, version: true, draftVersion: true, publishedVersion: true },
      }));
    const { published, draft, items: before } = await currentDraftItems(tx, report);
    const current = draft ?? published;
    if (current && sameItems(current.items, items)) return { changed: false };
    // The DMS knows nothing of the photos the advisor attached: they stay with their item's key.
    const attachments = new Map(before.map((item) => [item.key, item.attachments]));
    await writeDraft(tx, {
      dealerId,
      appointmentId: appointment.id,
      actor,
      report,
      draftId: draft?.id ?? null,
      items: items.map((item) => ({ ...item, attachments: attachments.get(item.key) ?? [] })),
    });
    return { changed: true };
  });
}
