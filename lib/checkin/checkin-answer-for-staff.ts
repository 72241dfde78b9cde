import "server-only";
import { db } from "@/lib/db";

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
      ip: true,
      correctedEmail: true,
      correctedPhone: true,
      grossMinor: true,
      selections: {
        orderBy: { title: "asc" },
        select: { id: true, optionalServiceId: true, title: true, unitPriceMinor: true, vatRateBp: true, handled: true },
      },
      comments: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          title: true,
          description: true,
          handled: true,
          visibleToMechanics: true,
          attachments: { select: { id: true } },
        },
      },
    },
  });
  const [latest, previous] = revisions;
  if (!latest) return null;
  const terms = latest.termsVersionId
    ? await db().termsVersion.findFirst({ where: { id: latest.termsVersionId, dealerId }, select: { version: true, locale: true } })
    : null;
  const before = new Set(previous?.selections.map((s) => s.optionalServiceId) ?? []);
  const now = new Set(latest.selections.map((s) => s.optionalServiceId));
  return {
    ...latest,
    terms,
    changes: previous
      ? {
          previousNumber: previous.number,
          added: latest.selections.filter((s) => !before.has(s.optionalServiceId)).map((s) => s.title),
          removed: previous.selections.filter((s) => !now.has(s.optionalServiceId)).map((s) => s.title),
        }
      : null,
  };
}

export type CheckinAnswerForStaff = NonNullable<Awaited<ReturnType<typeof getCheckinAnswerForStaff>>>;
