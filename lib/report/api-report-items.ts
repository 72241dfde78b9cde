import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma, ReportCategory } from "@/lib/db/generated/client";

/**
 * A report item in database units, built the same way from a request body and from stored rows so that
 * an unchanged item list (a replayed PUT) and an unchanged item (a kept answer) can be recognised.
 */
export type ReportItemRecord = {
  key: string;
  category: ReportCategory;
  title: string;
  description: string | null;
  visible: boolean;
  lines: ReportLineRecord[];
};

export type ReportLineRecord = { title: string; quantityMilli: number; unitPriceMinor: number; vatRateBp: number };

export const reportItemSelect = {
  key: true,
  category: true,
  title: true,
  description: true,
  visible: true,
  lines: { orderBy: { position: "asc" }, select: { title: true, quantityMilli: true, unitPriceMinor: true, vatRateBp: true } },
} satisfies Prisma.ReportItemSelect;

type ReportItemRow = Prisma.ReportItemGetPayload<{ select: typeof reportItemSelect }>;

export function itemRecord(item: ReportItemRow | ReportItemRecord): ReportItemRecord {
  return {
    key: item.key,
    category: item.category,
    title: item.title,
    description: item.description,
    visible: item.visible,
    lines: item.lines.map((l) => ({
      title: l.title,
      quantityMilli: l.quantityMilli,
      unitPriceMinor: l.unitPriceMinor,
      vatRateBp: l.vatRateBp,
    })),
  };
}

export function sameItems(a: readonly ReportItemRecord[], b: readonly ReportItemRecord[]): boolean {
  return JSON.stringify(a.map(itemRecord)) === JSON.stringify(b.map(itemRecord));
}

/** Whether the customer would be answering a different question: anything but the eye toggle changed. */
export function sameQuestion(a: ReportItemRecord, b: ReportItemRecord): boolean {
  return sameItems([{ ...a, visible: true }], [{ ...b, visible: true }]);
}

/**
 * The number the next draft gets: the open draft's, or the one after the published version (a send
 * leaves draftVersion equal to publishedVersion, so the next PUT starts a new number).
 */
export function draftNumber(report: { draftVersion: number; publishedVersion: number | null }): number {
  return Math.max(report.draftVersion, (report.publishedVersion ?? 0) + 1);
}

/** The published version and the open (unpublished) draft of a report, with their items in order. */
export async function loadReportVersions(tx: Tx, report: { id: string; draftVersion: number; publishedVersion: number | null }) {
  const numbers = [draftNumber(report), ...(report.publishedVersion ? [report.publishedVersion] : [])];
  const versions = await tx.reportVersion.findMany({
    where: { reportId: report.id, number: { in: numbers } },
    select: {
      id: true,
      number: true,
      note: true,
      publishedAt: true,
      items: { orderBy: { position: "asc" }, select: reportItemSelect },
    },
  });
  return {
    published: versions.find((v) => v.number === report.publishedVersion) ?? null,
    draft: versions.find((v) => v.number === draftNumber(report) && v.publishedAt === null) ?? null,
  };
}

export type LoadedVersion = NonNullable<Awaited<ReturnType<typeof loadReportVersions>>["published"]>;
