import "server-only";
import { ROLE_ORDER } from "@/lib/appointments/contact-order";
import type { Tx } from "@/lib/db";
import type { ContactRole, NotificationChannel } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { customerLink, syncCheckinSchedule } from "@/lib/checkin/schedule-checkin";
import { cancelQueued, enqueue } from "@/lib/notify/outbox";
import { seal } from "@/lib/notify/seal";
import { checkinClosesAt, checkinSendInstant } from "@/lib/time";
import { issueToken } from "@/lib/tokens";

async function load(tx: Tx, dealerId: string, appointmentId: string) {
  const appointment = await tx.appointment.findFirst({
    where: { id: appointmentId, dealerId },
    select: {
      id: true,
      status: true,
      startsAt: true,
      site: { select: { timeZone: true, checkinSendTime: true, checkinChannel: true, reminderDaysBefore: true } },
      contacts: { select: { role: true, email: true, phone: true, locale: true } },
    },
  });
  if (!appointment) throw new AppError("not_found");
  return appointment;
}

type Loaded = Awaited<ReturnType<typeof load>>;

/** The first contact reachable on the site's channel (e-mail first when the site allows both). */
function reachable(appointment: Loaded): { role: ContactRole; channel: NotificationChannel; address: string; locale: string } | null {
  for (const role of ROLE_ORDER) {
    const contact = appointment.contacts.find((c) => c.role === role);
    if (!contact) continue;
    const channel = appointment.site.checkinChannel;
    if (channel !== "SMS" && contact.email) return { role, channel: "EMAIL", address: contact.email, locale: contact.locale };
    if (channel !== "EMAIL" && contact.phone) return { role, channel: "SMS", address: contact.phone, locale: contact.locale };
  }
  return null;
}

async function linkFor(tx: Tx, dealerId: string, appointment: Loaded, role: ContactRole): Promise<string> {
  const closesAt = checkinClosesAt({ startsAt: appointment.startsAt, timeZone: appointment.site.timeZone });
  const token = await issueToken(tx, {
    dealerId,
    appointmentId: appointment.id,
    purpose: "CHECKIN",
    recipientRole: role,
    expiresAt: closesAt,
  });
  return customerLink("c", token);
}

/**
 * Everything the appointment sends on its own, kept in step with it after every change (create,
 * reschedule, cancel, finalize), in the caller's transaction: the check-in invitation (seed 003) and the
 * appointment reminder N days before at the site's send time (seed 001: 1–4 days, per site). A reminder
 * whose moment has passed is not sent.
 */
export async function syncAppointmentMessages(tx: Tx, input: { dealerId: string; appointmentId: string; now?: Date }): Promise<void> {
  const now = input.now ?? new Date();
  await syncCheckinSchedule(tx, input);
  const appointment = await load(tx, input.dealerId, input.appointmentId);
  const days = appointment.site.reminderDaysBefore;
  const dueAt =
    appointment.status === "SCHEDULED" && days
      ? checkinSendInstant({
          startsAt: appointment.startsAt,
          timeZone: appointment.site.timeZone,
          windowDays: days,
          sendTime: appointment.site.checkinSendTime,
        })
      : null;
  const to = reachable(appointment);
  const queued = await tx.notification.findMany({
    where: { dealerId: input.dealerId, appointmentId: appointment.id, kind: "APPOINTMENT_REMINDER", status: "QUEUED" },
    select: { dueAt: true, recipient: true },
  });
  const [only] = queued;
  // An unchanged reminder stays as it is; a moved one is replaced.
  if (dueAt && to && queued.length === 1 && only?.dueAt.getTime() === dueAt.getTime() && only?.recipient === to.address) return;
  await cancelQueued(tx, { dealerId: input.dealerId, appointmentId: input.appointmentId, kinds: ["APPOINTMENT_REMINDER"] }, now);
  if (!dueAt || dueAt <= now || !to) return;
  await enqueue(tx, {
    dealerId: input.dealerId,
    appointmentId: appointment.id,
    kind: "APPOINTMENT_REMINDER",
    channel: to.channel,
    recipient: to.address,
    recipientRole: to.role,
    locale: to.locale,
    dueAt,
    payload: { sealedLink: seal(await linkFor(tx, input.dealerId, appointment, to.role)) },
  });
}

/** Seed 001: when the advisor books on the customer's behalf, the customer gets a confirmation with the link. */
export async function sendAppointmentConfirmation(
  tx: Tx,
  input: { dealerId: string; appointmentId: string; now?: Date },
): Promise<string | null> {
  const now = input.now ?? new Date();
  const appointment = await load(tx, input.dealerId, input.appointmentId);
  const to = reachable(appointment);
  if (appointment.status !== "SCHEDULED" || !to) return null;
  const notification = await enqueue(tx, {
    dealerId: input.dealerId,
    appointmentId: appointment.id,
    kind: "APPOINTMENT_CONFIRMATION",
    channel: to.channel,
    recipient: to.address,
    recipientRole: to.role,
    locale: to.locale,
    dueAt: now,
    payload: { sealedLink: seal(await linkFor(tx, input.dealerId, appointment, to.role)) },
  });
  return notification.id;
}
