import "server-only";
import { syncAppointmentMessages } from "@/lib/appointments/appointment-messages";
import type { Tx } from "@/lib/db";
import type { SiteFields } from "@/lib/sites/site-fields";

/** The site fields the check-in invitation and the appointment reminder are planned from (plan-checkin.ts). */
export const PLANNING_FIELDS = [
  "timeZone",
  "checkinEnabled",
  "checkinWindowDays",
  "checkinSendTime",
  "checkinChannel",
  "reminderDaysBefore",
] as const satisfies readonly (keyof SiteFields)[];

/**
 * After a site's timing changed, plans again every message of its upcoming appointments that has not
 * gone out, in the caller's transaction (the settings change and the new plan commit together, or
 * neither does). A queued invitation moves to the new send time, or is cancelled when check-in was
 * turned off or its new moment has passed; invitations already sent keep their link, which only follows
 * the closing time of a new time zone. It is the same `syncAppointmentMessages` the DMS's changes go
 * through, so a site change plans exactly what creating the appointment now would have.
 */
export async function replanSiteMessages(tx: Tx, input: { dealerId: string; siteId: string; now: Date }): Promise<number> {
  const appointments = await tx.appointment.findMany({
    where: { dealerId: input.dealerId, siteId: input.siteId, status: { in: ["REQUESTED", "SCHEDULED"] }, startsAt: { gt: input.now } },
    select: { id: true },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
  for (const appointment of appointments) {
    await syncAppointmentMessages(tx, { dealerId: input.dealerId, appointmentId: appointment.id, now: input.now });
  }
  return appointments.length;
}
