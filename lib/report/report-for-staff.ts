import "server-only";
import { db } from "@/lib/db";
import { computeTotals, formatDecimalMoney, formatQuantity, formatVatRate } from "@/lib/money";
import { loadReportVersions } from "@/lib/report/api-report-items";
import { signedAssetUrl } from "@/lib/uploads/signed-url";

/**
 * The report as the advisor works on it (seed 004): the items being edited (open draft, else what was
 * sent) with their lines as the form shows them, attachments with short-lived links, and per item the
 * customer's answer, the authorisation, follow-up and the thread. Scoped to the staff member's dealer.
 */
export async function getReportForStaff({ dealerId, appointmentId }: { dealerId: string; appointmentId: string }) {
  const report = await db().report.findFirst({
    where: { appointmentId, dealerId },
    select: {
      id: true,
      state: true,
      draftVersion: true,
      publishedVersion: true,
      answeredVersion: true,
      sentAt: true,
      openedAt: true,
      respondedAt: true,
      closedAt: true,
      finalComment: true,
      appointment: { select: { currency: true } },
      decisions: {
        select: {
          itemKey: true,
          decision: true,
          reason: true,
          decidedAt: true,
          remindAt: true,
          authorization: true,
          authorizedAt: true,
          pinned: true,
          snoozedUntil: true,
        },
      },
      messages: {
        orderBy: { createdAt: "asc" },
        select: { id: true, itemKey: true, author: true, body: true, readAt: true, visibleToMechanics: true, createdAt: true },
      },
    },
  });
  if (!report) return null;
  const { published, draft } = await loadReportVersions(db(), report);
  const editing = draft ?? published;
  const attachments = editing
    ? await db().reportItemAttachment.findMany({
        where: { item: { versionId: editing.id } },
        orderBy: { position: "asc" },
        select: { id: true, assetId: true, visibleToMechanics: true, item: { select: { key: true } }, asset: { select: { kind: true } } },
      })
    : [];
  const currency = report.appointment.currency;
  const publishedKeys = new Set(published?.items.filter((i) => i.visible).map((i) => i.key) ?? []);
  const items = (editing?.items ?? []).map((item) => ({
    key: item.key,
    category: item.category,
    title: item.title,
    description: item.description,
    visible: item.visible,
    /** Whether the customer has this item (so answers, authorisation and the thread apply to it). */
    sent: publishedKeys.has(item.key),
    lines: item.lines.map((line) => ({
      title: line.title,
      quantity: formatQuantity(line.quantityMilli),
      unitPrice: formatDecimalMoney(line.unitPriceMinor, currency),
      vatRate: formatVatRate(line.vatRateBp),
    })),
    totals: computeTotals(item.lines),
    attachments: attachments
      .filter((a) => a.item.key === item.key)
      .map((a) => {
        const video = a.asset.kind === "VIDEO";
        return {
          id: a.id,
          assetId: a.assetId,
          video,
          visibleToMechanics: a.visibleToMechanics,
          fullUrl: signedAssetUrl({ assetId: a.assetId, variant: "full" }),
          thumbUrl: video ? null : signedAssetUrl({ assetId: a.assetId, variant: "thumb" }),
        };
      }),
    decision: report.decisions.find((d) => d.itemKey === item.key) ?? null,
    messages: report.messages.filter((m) => m.itemKey === item.key),
  }));
  return {
    state: report.state,
    currency,
    publishedVersion: report.publishedVersion,
    draftVersion: draft?.number ?? null,
    /** Something was changed since the last send: "Send" publishes a new version. */
    hasUnsentChanges: draft !== null,
    note: published?.note ?? null,
    sentAt: published?.publishedAt ?? report.sentAt,
    openedAt: report.openedAt,
    respondedAt: report.respondedAt,
    closedAt: report.closedAt,
    finalComment: report.finalComment,
    items,
  };
}

export type ReportForStaff = NonNullable<Awaited<ReturnType<typeof getReportForStaff>>>;
export type StaffReportItem = ReportForStaff["items"][number];
