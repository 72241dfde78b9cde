import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/audit";
import { recordCheckinOpened } from "@/lib/checkin/record-opened";

/**
 * The customer's open answer: one unsubmitted revision per check-in (number = last submitted + 1). It is
 * created from the last submitted answer, so coming back to change something starts from what was sent.
 */
export async function getOrCreateDraft(
  tx: Tx,
  input: { dealerId: string; appointmentId: string; context: RequestContext },
): Promise<{ id: string; checkInId: string; number: number }> {
  const checkIn = await tx.checkIn.findFirst({
    where: { appointmentId: input.appointmentId, dealerId: input.dealerId },
    select: { id: true, currentRevision: true },
  });
  if (!checkIn) throw new AppError("not_found");
  const number = checkIn.currentRevision + 1;
  const existing = await tx.checkInRevision.findUnique({
    where: { checkInId_number: { checkInId: checkIn.id, number } },
    select: { id: true, submittedAt: true },
  });
  if (existing && !existing.submittedAt) return { id: existing.id, checkInId: checkIn.id, number };
  if (existing) throw new AppError("conflict");
  // A first answer is a real visit even when the page's beacon never ran (JavaScript off).
  await recordCheckinOpened(tx, input);

  const previous = checkIn.currentRevision
    ? await tx.checkInRevision.findUnique({
        where: { checkInId_number: { checkInId: checkIn.id, number: checkIn.currentRevision } },
        select: {
          correctedEmail: true,
          correctedPhone: true,
          selections: { select: { optionalServiceId: true, title: true, quantityMilli: true, unitPriceMinor: true, vatRateBp: true } },
          comments: {
            orderBy: { position: "asc" },
            select: { position: true, title: true, description: true, attachments: { select: { assetId: true, position: true } } },
          },
        },
      })
    : null;
  const draft = await tx.checkInRevision.create({
    data: {
      checkInId: checkIn.id,
      number,
      correctedEmail: previous?.correctedEmail ?? null,
      correctedPhone: previous?.correctedPhone ?? null,
      selections: { create: previous?.selections ?? [] },
    },
    select: { id: true },
  });
  for (const comment of previous?.comments ?? []) {
    await tx.checkInComment.create({
      data: {
        revisionId: draft.id,
        position: comment.position,
        title: comment.title,
        description: comment.description,
        attachments: { create: comment.attachments },
      },
    });
  }
  return { id: draft.id, checkInId: checkIn.id, number };
}
