import "server-only";
import { db } from "@/lib/db";
import { signedAssetUrl } from "@/lib/uploads/signed-url";

/**
 * The customer's confirmed check-in as the advisor reads it (seed 003, step 3): the latest revision's
 * choices and remarks, what changed since the revision before, and any corrected contact details.
 * Scoped to the staff member's dealer.
 */
export async function getCheckinAnswerForStaff({ dealerId, appointmentId }: { dealerId: string; appointmentId: string }) {
  const checkIn = await db().checkIn.findFirst({ where: { appointmentId, dealerId }, select: { id: true, currentRevision: true } });
  if (!checkIn || checkIn.currentRevision === 0) return null;
  const revisions = await db().checkInRevision.findMany({
    where: { checkInId: checkIn.id, number: { in: [checkIn.currentRevision, checkIn.currentRevision - 1] }, submittedAt: { not: null } },
    orderBy: { number: "desc" },
    select: {
      number: true,
      submittedAt: true,
      termsVersionId: true,
      termsAcceptedAt: true,
      ip: true,
      correctedEmail: true,
      correctedPhone: true,
      grossMinor: true,
      selections: {
        orderBy: { title: "asc" },
        select: {
          id: true,
          optionalServiceId: true,
          title: true,
          unitPriceMinor: true,
          vatRateBp: true,
          handled: true,
          convertedLineId: true,
        },
      },
      comments: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          title: true,
          description: true,
          handled: true,
          visibleToMechanics: true,
          convertedLineId: true,
          attachments: {
            orderBy: { position: "asc" },
            select: { id: true, assetId: true, visibleToMechanics: true, asset: { select: { kind: true, contentType: true } } },
          },
        },
      },
    },
  });
  const [latest, previous] = revisions;
  if (!latest) return null;
  const terms = latest.termsVersionId
    ? await db().termsVersion.findFirst({
        where: { id: latest.termsVersionId, dealerId },
        select: { version: true, locale: true, title: true },
      })
    : null;
  const before = new Set(previous?.selections.map((s) => s.optionalServiceId) ?? []);
  const now = new Set(latest.selections.map((s) => s.optionalServiceId));
  const remark = (c: { title: string; description: string }) => `${c.title}\n${c.description}`;
  const remarksBefore = previous?.comments.map(remark) ?? [];
  const remarksNow = latest.comments.map(remark);
  return {
    ...latest,
    comments: latest.comments.map((c) => ({ ...c, attachments: c.attachments.map(withUrls) })),
    terms,
    changes: previous
      ? {
          previousNumber: previous.number,
          added: latest.selections.filter((s) => !before.has(s.optionalServiceId)).map((s) => s.title),
          removed: previous.selections.filter((s) => !now.has(s.optionalServiceId)).map((s) => s.title),
          // A remark whose title or text changed reads as one removed and one added: the advisor sees both words.
          addedRemarks: latest.comments.filter((c) => !remarksBefore.includes(remark(c))).map((c) => c.title),
          removedRemarks: previous.comments.filter((c) => !remarksNow.includes(remark(c))).map((c) => c.title),
        }
      : null,
  };
}

/**
 * Short-lived links for the staff page that shows them (same dealer, checked above). Videos have no
 * thumbnail; the player loads only their metadata until played.
 */
function withUrls(a: { id: string; assetId: string; visibleToMechanics: boolean; asset: { kind: string; contentType: string } }) {
  const video = a.asset.kind === "VIDEO";
  return {
    id: a.id,
    visibleToMechanics: a.visibleToMechanics,
    video,
    contentType: a.asset.contentType,
    fullUrl: signedAssetUrl({ assetId: a.assetId, variant: "full" }),
    thumbUrl: video ? null : signedAssetUrl({ assetId: a.assetId, variant: "thumb" }),
  };
}

export type CheckinAnswerForStaff = NonNullable<Awaited<ReturnType<typeof getCheckinAnswerForStaff>>>;
export type StaffAttachment = ReturnType<typeof withUrls>;
