import "server-only";
import { lower, totalsJson, utc } from "@/lib/api/format";
import { isExternalId } from "@/lib/api/appointment-schema";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { reportSummary } from "@/lib/report/report-summary";
import { computeTotals, formatDecimalMoney, formatQuantity, formatVatRate } from "@/lib/money";
import { loadReportVersions, type LoadedVersion } from "@/lib/report/api-report-items";

type Item = LoadedVersion["items"][number];
type Decision = {
  itemKey: string;
  decision: "APPROVED" | "DECLINED" | "CONTACT" | null;
  decidedAt: Date | null;
  decidedOnVersion: number | null;
  authorization: "UP" | "DOWN" | null;
  remindAt: Date | null;
};

function itemJson(item: Item, currency: string) {
  return {
    key: item.key,
    category: lower(item.category),
    title: item.title,
    description: item.description,
    visible: item.visible,
    lines: item.lines.map((l) => ({
      title: l.title,
      quantity: formatQuantity(l.quantityMilli),
      unitPrice: formatDecimalMoney(l.unitPriceMinor, currency),
      vatRate: formatVatRate(l.vatRateBp),
    })),
    totals: totalsJson(computeTotals(item.lines), currency),
  };
}

function answeredItemJson(item: Item, decision: Decision | undefined, currency: string) {
  const { totals, ...rest } = itemJson(item, currency);
  return {
    ...rest,
    decision: lower(decision?.decision ?? null),
    decidedAt: utc(decision?.decidedAt ?? null),
    decidedOnVersion: decision?.decidedOnVersion ?? null,
    authorization: lower(decision?.authorization ?? null),
    remindAt: utc(decision?.remindAt ?? null),
    totals,
  };
}

/**
 * The customer's totals in three parts, as the report page shows them: planned work, extra work they
 * approved, and items they want to be called about. Hidden items never count (the customer never saw them).
 */
function reportTotals(items: Item[], decisions: Map<string, Decision>, currency: string) {
  const summary = reportSummary(
    items
      .filter((item) => item.visible)
      .map((item) => ({ category: item.category, decision: decisions.get(item.key)?.decision ?? null, lines: item.lines })),
  );
  return {
    approved: totalsJson(summary.approved, currency),
    planned: totalsJson(summary.planned, currency),
    contact: totalsJson(summary.contact, currency),
  };
}

/**
 * The report as the DMS reads it (api-v1.md). `items` is the published version — what the customer
 * sees and answers, hidden items included with `visible: false` — or, before the first send, the draft.
 * Changes set since the last send are in `draft` until they are sent.
 */
export async function getReportJson(input: { dealerId: string; externalId: string }) {
  const notFound = new AppError("not_found", "No appointment has this externalId.");
  if (!isExternalId(input.externalId)) throw notFound;
  const appointment = await db().appointment.findUnique({
    where: { dealerId_externalId: { dealerId: input.dealerId, externalId: input.externalId } },
    select: {
      currency: true,
      report: {
        select: {
          id: true,
          state: true,
          draftVersion: true,
          publishedVersion: true,
          answeredVersion: true,
          sentAt: true,
          openedAt: true,
          respondedAt: true,
          finalComment: true,
          decisions: {
            select: { itemKey: true, decision: true, decidedAt: true, decidedOnVersion: true, authorization: true, remindAt: true },
          },
        },
      },
    },
  });
  if (!appointment) throw notFound;
  const { report, currency } = appointment;
  if (!report) throw new AppError("not_found", "This appointment has no report yet.");
  const { published, draft } = await loadReportVersions(db(), report);
  const shown = published ?? draft;
  const items = shown?.items ?? [];
  const decisions = new Map(report.decisions.map((d) => [d.itemKey, d]));
  return {
    version: shown?.number ?? null,
    state: lower(report.state),
    publishedAt: utc(published?.publishedAt ?? null),
    sentAt: utc(report.sentAt),
    openedAt: utc(report.openedAt),
    respondedAt: utc(report.respondedAt),
    answeredVersion: report.answeredVersion,
    finalComment: report.finalComment,
    note: shown?.note ?? null,
    currency,
    items: items.map((item) => answeredItemJson(item, decisions.get(item.key), currency)),
    totals: reportTotals(items, decisions, currency),
    draft: published && draft ? { version: draft.number, items: draft.items.map((item) => itemJson(item, currency)) } : null,
  };
}
