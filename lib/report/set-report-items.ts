import "server-only";
import { amountProblem } from "@/lib/api/fields";
import type { ReportItemsBody } from "@/lib/api/report-schema";
import { runWithRetry, StaleVersion } from "@/lib/appointments/retry";
import { writeAudit, type AuditActor } from "@/lib/audit";
import type { Tx } from "@/lib/db";
import type { ReportCategory } from "@/lib/db/generated/client";
import { AppError, type FieldError } from "@/lib/errors";
import { isExternalId } from "@/lib/api/appointment-schema";
import { parseDecimalMoney, parseQuantity, parseVatRate } from "@/lib/money";
import { draftNumber, itemRecord, loadReportVersions, sameItems, type ReportItemRecord } from "@/lib/report/api-report-items";

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

async function writeItems(tx: Tx, versionId: string, items: ReportItemRecord[]): Promise<void> {
  for (const [position, item] of items.entries()) {
    await tx.reportItem.create({
      data: {
        versionId,
        key: item.key,
        category: item.category,
        title: item.title,
        description: item.description,
        visible: item.visible,
        position,
        lines: { create: item.lines.map((line, linePosition) => ({ ...line, position: linePosition })) },
      },
    });
  }
}

/**
 * api-v1.md `PUT …/report`: the given items become the report's draft — the open draft is replaced, or
 * a new version number after the published one is started (nothing is copied from earlier versions).
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
    const { published, draft } = await loadReportVersions(tx, report);
    const current = draft ?? published;
    if (current && sameItems(current.items, items)) return { changed: false };

    const number = draftNumber(report);
    if (draft) {
      await tx.reportItem.deleteMany({ where: { versionId: draft.id } });
      await writeItems(tx, draft.id, items);
    } else {
      const created = await tx.reportVersion.create({ data: { reportId: report.id, number }, select: { id: true } });
      await writeItems(tx, created.id, items);
    }
    const updated = await tx.report.updateMany({
      where: { id: report.id, version: report.version },
      data: { draftVersion: number, version: report.version + 1 },
    });
    if (updated.count === 0) throw new StaleVersion();
    await writeAudit(tx, { dealerId, appointmentId: appointment.id, actor, event: { type: "report.items_set", draftVersion: number } });
    return { changed: true };
  });
}
