import "server-only";
import type { Tx } from "@/lib/db";

/**
 * When the customer confirms a changed answer, what the advisor already did on the answer before stays
 * done for the items the customer did not change: a selection of the same service, a remark with the same
 * title and text (its mechanics flag too), and an attachment of the same file keeps its mechanics flag.
 * Changed and new items start unhandled, so the appointment is pinned again until they are looked at.
 */
export async function carryOverHandling(tx: Tx, input: { checkInId: string; fromNumber: number; toRevisionId: string }): Promise<void> {
  const previous = await tx.checkInRevision.findUnique({
    where: { checkInId_number: { checkInId: input.checkInId, number: input.fromNumber } },
    select: {
      selections: { select: { optionalServiceId: true, handled: true, handledAt: true, convertedLineId: true } },
      comments: {
        orderBy: { position: "asc" },
        select: {
          title: true,
          description: true,
          handled: true,
          handledAt: true,
          convertedLineId: true,
          visibleToMechanics: true,
          attachments: { select: { assetId: true, visibleToMechanics: true } },
        },
      },
    },
  });
  if (!previous) return;
  for (const s of previous.selections) {
    if (!s.handled && !s.convertedLineId) continue;
    await tx.checkInSelection.updateMany({
      where: { revisionId: input.toRevisionId, optionalServiceId: s.optionalServiceId },
      data: { handled: s.handled, handledAt: s.handledAt, convertedLineId: s.convertedLineId },
    });
  }

  const current = await tx.checkInComment.findMany({
    where: { revisionId: input.toRevisionId },
    orderBy: { position: "asc" },
    select: { id: true, title: true, description: true },
  });
  // Each earlier remark lends its state to at most one remark now (two identical remarks stay two).
  const unclaimed = [...previous.comments];
  for (const comment of current) {
    const index = unclaimed.findIndex((c) => c.title === comment.title && c.description === comment.description);
    if (index === -1) continue;
    const [before] = unclaimed.splice(index, 1);
    if (!before) continue;
    await tx.checkInComment.update({
      where: { id: comment.id },
      data: {
        handled: before.handled,
        handledAt: before.handledAt,
        convertedLineId: before.convertedLineId,
        visibleToMechanics: before.visibleToMechanics,
      },
    });
  }

  const sharedAssets = previous.comments.flatMap((c) => c.attachments.filter((a) => a.visibleToMechanics).map((a) => a.assetId));
  if (sharedAssets.length > 0) {
    await tx.commentAttachment.updateMany({
      where: { assetId: { in: sharedAssets }, comment: { revisionId: input.toRevisionId } },
      data: { visibleToMechanics: true },
    });
  }
}
