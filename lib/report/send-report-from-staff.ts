import "server-only";
import { db } from "@/lib/db";
import type { ContactRole } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import type { StaffOnReport } from "@/lib/report/edit-report";
import { sendReport } from "@/lib/report/send-report";

/**
 * The advisor's "Send" (seed 004): the chosen contact's address on the chosen channel, with a note.
 * The same `sendReport` as the API's, so each send publishes the open draft as a version; the sender's
 * name becomes the one the customer's welcome screen shows.
 */
export async function sendReportFromStaff(
  input: StaffOnReport & { staffName: string; contact: ContactRole; channel: "EMAIL" | "SMS"; note: string | null },
) {
  const appointment = await db().appointment.findFirst({
    where: { id: input.appointmentId, dealerId: input.dealerId },
    select: { externalId: true },
  });
  if (!appointment) throw new AppError("not_found");
  const sent = await sendReport({
    dealerId: input.dealerId,
    externalId: appointment.externalId,
    channel: input.channel,
    note: input.note,
    contact: input.contact,
    actor: { type: "STAFF", id: input.staffUserId },
    now: input.now ?? new Date(),
  });
  await db().report.updateMany({
    where: { appointmentId: input.appointmentId, dealerId: input.dealerId },
    data: { advisorName: input.staffName },
  });
  return sent;
}
