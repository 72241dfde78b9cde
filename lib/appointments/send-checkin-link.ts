import "server-only";
import { findAppointmentId } from "@/lib/appointments/find-appointment";
import type { AuditActor } from "@/lib/audit";
import { sendCheckinNow } from "@/lib/checkin/schedule-checkin";
import { db } from "@/lib/db";

/** api-v1.md `checkin/send`: the check-in link goes out now, in place of the automatic invitation. */
export async function sendCheckinLink(input: {
  dealerId: string;
  externalId: string;
  channel: "EMAIL" | "SMS";
  note: string | null;
  actor: AuditActor;
  now: Date;
}): Promise<{ url: string; notificationId: string }> {
  const { dealerId, actor, now } = input;
  return db().$transaction(async (tx) => {
    const appointmentId = await findAppointmentId(tx, input);
    return sendCheckinNow(tx, { dealerId, appointmentId, channel: input.channel, note: input.note ?? undefined, actor, now });
  });
}
