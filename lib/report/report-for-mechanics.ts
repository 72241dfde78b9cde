import "server-only";
import { db } from "@/lib/db";
import { signedAssetUrl } from "@/lib/uploads/signed-url";

/**
 * The report as the workshop sees it (seed 004: "the mechanic sees what he is authorised to do"): the
 * items of the version the customer answered that the advisor gave a thumbs up, with their lines' titles
 * and quantities, and the customer's remarks and the photos or videos the advisor marked visible to
 * mechanics. Never a price, a hidden item or a contact detail: those are not even read.
 */
export async function getReportForMechanics({ dealerId, appointmentId }: { dealerId: string; appointmentId: string }) {
  const report = await db().report.findFirst({
    where: { appointmentId, dealerId, publishedVersion: { not: null } },
    select: {
      id: true,
      publishedVersion: true,
      decisions: { where: { authorization: "UP" }, select: { itemKey: true } },
      messages: {
        where: { visibleToMechanics: true, author: "CUSTOMER" },
        orderBy: { createdAt: "asc" },
        select: { id: true, itemKey: true, body: true },
      },
    },
  });
  if (!report) return [];
  const authorised = new Set(report.decisions.map((d) => d.itemKey));
  const items = await db().reportItem.findMany({
    where: { visible: true, reportVersion: { reportId: report.id, number: report.publishedVersion! } },
    orderBy: { position: "asc" },
    select: {
      key: true,
      title: true,
      description: true,
      lines: { orderBy: { position: "asc" }, select: { title: true, quantityMilli: true } },
      attachments: {
        where: { visibleToMechanics: true },
        orderBy: { position: "asc" },
        select: { id: true, assetId: true, asset: { select: { kind: true } } },
      },
    },
  });
  return items
    .map((item) => ({
      key: item.key,
      title: item.title,
      authorised: authorised.has(item.key),
      description: authorised.has(item.key) ? item.description : null,
      lines: authorised.has(item.key) ? item.lines : [],
      remarks: report.messages.filter((m) => m.itemKey === item.key).map((m) => ({ id: m.id, body: m.body })),
      attachments: item.attachments.map((a) => {
        const video = a.asset.kind === "VIDEO";
        return {
          id: a.id,
          video,
          fullUrl: signedAssetUrl({ assetId: a.assetId, variant: "full" }),
          thumbUrl: video ? null : signedAssetUrl({ assetId: a.assetId, variant: "thumb" }),
        };
      }),
    }))
    .filter((item) => item.authorised || item.remarks.length > 0 || item.attachments.length > 0);
}

export type ReportItemForMechanics = Awaited<ReturnType<typeof getReportForMechanics>>[number];
