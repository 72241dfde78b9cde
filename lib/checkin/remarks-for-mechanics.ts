import "server-only";
import { db } from "@/lib/db";
import { signedAssetUrl } from "@/lib/uploads/signed-url";

/**
 * The customer's remarks the advisor shared with the workshop (seed 003 step 3, "visible to mechanics"):
 * only remarks marked visible, and of those only the photos and videos marked visible, of the latest
 * confirmed answer. Nothing else of the answer (chosen services, prices, corrected contact details) is read.
 */
export async function getRemarksForMechanics({ dealerId, appointmentId }: { dealerId: string; appointmentId: string }) {
  const checkIn = await db().checkIn.findFirst({ where: { appointmentId, dealerId }, select: { id: true, currentRevision: true } });
  if (!checkIn || checkIn.currentRevision === 0) return [];
  const comments = await db().checkInComment.findMany({
    where: { visibleToMechanics: true, revision: { checkInId: checkIn.id, number: checkIn.currentRevision, submittedAt: { not: null } } },
    orderBy: { position: "asc" },
    select: {
      id: true,
      title: true,
      description: true,
      attachments: {
        where: { visibleToMechanics: true },
        orderBy: { position: "asc" },
        select: { id: true, assetId: true, asset: { select: { kind: true } } },
      },
    },
  });
  return comments.map((c) => ({
    id: c.id,
    title: c.title,
    description: c.description,
    attachments: c.attachments.map((a) => {
      const video = a.asset.kind === "VIDEO";
      return {
        id: a.id,
        video,
        fullUrl: signedAssetUrl({ assetId: a.assetId, variant: "full" }),
        thumbUrl: video ? null : signedAssetUrl({ assetId: a.assetId, variant: "thumb" }),
      };
    }),
  }));
}

export type RemarkForMechanics = Awaited<ReturnType<typeof getRemarksForMechanics>>[number];
