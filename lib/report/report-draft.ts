import "server-only";
import { StaleVersion } from "@/lib/appointments/retry";
import { writeAudit, type AuditActor } from "@/lib/audit";
import type { Tx } from "@/lib/db";
import { draftNumber, itemRecord, loadReportVersions, type ReportItemRecord } from "@/lib/report/api-report-items";

/** A photo or video the advisor attached to an item; `visibleToMechanics` is the workshop's share toggle. */
export type DraftAttachment = { assetId: string; visibleToMechanics: boolean };

/** An item as the builder edits it: the API's record plus its attachments (which the DMS never sends). */
export type DraftItem = ReportItemRecord & { attachments: DraftAttachment[] };

export type ReportHead = { id: string; version: number; draftVersion: number; publishedVersion: number | null };

async function attachmentsByKey(tx: Tx, versionId: string): Promise<Map<string, DraftAttachment[]>> {
  const rows = await tx.reportItemAttachment.findMany({
    where: { item: { versionId } },
    orderBy: { position: "asc" },
    select: { assetId: true, visibleToMechanics: true, item: { select: { key: true } } },
  });
  const byKey = new Map<string, DraftAttachment[]>();
  for (const row of rows) {
    byKey.set(row.item.key, [...(byKey.get(row.item.key) ?? []), { assetId: row.assetId, visibleToMechanics: row.visibleToMechanics }]);
  }
  return byKey;
}

/**
 * What the next draft starts from: the open draft, else the published version (a new draft after a
 * send copies it, so the advisor edits the quote the customer has, not an empty one).
 */
export async function currentDraftItems(tx: Tx, report: ReportHead) {
  const { published, draft } = await loadReportVersions(tx, report);
  const current = draft ?? published;
  const attachments = current ? await attachmentsByKey(tx, current.id) : new Map<string, DraftAttachment[]>();
  const items: DraftItem[] = (current?.items ?? []).map((item) => ({ ...itemRecord(item), attachments: attachments.get(item.key) ?? [] }));
  return { published, draft, items };
}

export function sameDraft(a: readonly DraftItem[], b: readonly DraftItem[]): boolean {
  const plain = (items: readonly DraftItem[]) => items.map((item) => ({ ...itemRecord(item), attachments: item.attachments }));
  return JSON.stringify(plain(a)) === JSON.stringify(plain(b));
}

/**
 * Writes `items` as the report's draft — replacing the open draft's items, or starting the version after
 * the published one — and bumps the report's version (a concurrent edit retries). One code path for the
 * DMS's PUT and the advisor's builder, so both produce the same versions.
 */
export async function writeDraft(
  tx: Tx,
  input: { dealerId: string; appointmentId: string; actor: AuditActor; report: ReportHead; draftId: string | null; items: DraftItem[] },
): Promise<number> {
  const { report } = input;
  const number = draftNumber(report);
  let versionId = input.draftId;
  if (versionId) await tx.reportItem.deleteMany({ where: { versionId } });
  else versionId = (await tx.reportVersion.create({ data: { reportId: report.id, number }, select: { id: true } })).id;
  for (const [position, item] of input.items.entries()) {
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
        attachments: { create: item.attachments.map((a, index) => ({ ...a, position: index })) },
      },
    });
  }
  const updated = await tx.report.updateMany({
    where: { id: report.id, version: report.version },
    data: { draftVersion: number, version: report.version + 1 },
  });
  if (updated.count === 0) throw new StaleVersion();
  await writeAudit(tx, {
    dealerId: input.dealerId,
    appointmentId: input.appointmentId,
    actor: input.actor,
    event: { type: "report.items_set", draftVersion: number },
  });
  return number;
}
