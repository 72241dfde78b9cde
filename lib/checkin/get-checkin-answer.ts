import "server-only";
import { db } from "@/lib/db";

export type CheckinAnswer = {
  /** The revision shown: the open draft, else the last confirmed one; 0 = nothing chosen yet. */
  number: number;
  confirmed: boolean;
  submittedAt: Date | null;
  lastConfirmed: number;
  correctedEmail: string | null;
  correctedPhone: string | null;
  selections: { optionalServiceId: string; title: string; quantityMilli: number; unitPriceMinor: number; vatRateBp: number }[];
  comments: { id: string; title: string; description: string; attachments: { assetId: string; contentType: string }[] }[];
};

/** What the customer has answered so far, as their page shows it. */
export async function getCheckinAnswer({ dealerId, appointmentId }: { dealerId: string; appointmentId: string }): Promise<CheckinAnswer> {
  const checkIn = await db().checkIn.findFirst({ where: { appointmentId, dealerId }, select: { id: true, currentRevision: true } });
  const empty: CheckinAnswer = {
    number: 0,
    confirmed: false,
    submittedAt: null,
    lastConfirmed: 0,
    correctedEmail: null,
    correctedPhone: null,
    selections: [],
    comments: [],
  };
  if (!checkIn) return empty;
  const revision = await db().checkInRevision.findFirst({
    where: { checkInId: checkIn.id, number: { in: [checkIn.currentRevision, checkIn.currentRevision + 1] } },
    orderBy: { number: "desc" },
    select: {
      number: true,
      submittedAt: true,
      correctedEmail: true,
      correctedPhone: true,
      selections: {
        orderBy: { title: "asc" },
        select: { optionalServiceId: true, title: true, quantityMilli: true, unitPriceMinor: true, vatRateBp: true },
      },
      comments: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          title: true,
          description: true,
          attachments: { orderBy: { position: "asc" }, select: { assetId: true, asset: { select: { contentType: true } } } },
        },
      },
    },
  });
  if (!revision) return { ...empty, lastConfirmed: checkIn.currentRevision };
  return {
    number: revision.number,
    confirmed: revision.submittedAt !== null,
    submittedAt: revision.submittedAt,
    lastConfirmed: checkIn.currentRevision,
    correctedEmail: revision.correctedEmail,
    correctedPhone: revision.correctedPhone,
    selections: revision.selections,
    comments: revision.comments.map((c) => ({
      id: c.id,
      title: c.title,
      description: c.description,
      attachments: c.attachments.map((a) => ({ assetId: a.assetId, contentType: a.asset.contentType })),
    })),
  };
}
