import "server-only";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { firstReachable } from "@/lib/appointments/contact-order";
import type { Tx } from "@/lib/db";
import type { CheckInState, NotificationChannel } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { planCheckin, type PlanContact } from "@/lib/checkin/plan-checkin";
import { cancelQueued, enqueue } from "@/lib/notify/outbox";
import { seal } from "@/lib/notify/seal";
import { checkinClosesAt } from "@/lib/time";
import { issueToken, revokeTokens } from "@/lib/tokens";

const INVITED: readonly CheckInState[] = ["SENT", "OPENED", "SUBMITTED"];

async function loadForSchedule(tx: Tx, dealerId: string, appointmentId: string) {
  const appointment = await tx.appointment.findFirst({
    where: { id: appointmentId, dealerId },
    select: {
      id: true,
      status: true,
      startsAt: true,
      site: { select: { timeZone: true, checkinEnabled: true, checkinWindowDays: true, checkinSendTime: true, checkinChannel: true } },
      contacts: { select: { role: true, email: true, phone: true, locale: true } },
      checkIn: { select: { id: true, state: true } },
    },
  });
  if (!appointment) throw new AppError("not_found");
  return appointment;
}

function recipientAddress(contact: PlanContact | undefined, channel: NotificationChannel | null): string | null {
  if (!contact || !channel) return null;
  return channel === "EMAIL" ? contact.email : contact.phone;
}

export function customerLink(kind: "c" | "r", token: string): string {
  return new URL(`/${kind}/${token}`, env().APP_URL).toString();
}

/**
 * Keeps the check-in invitation in step with the appointment (seed 003), in the caller's transaction:
 * - not yet invited: (re)plans it — the queued invitation is replaced, so a rescheduled appointment is
 *   invited at its new time, and one moved inside the window is not;
 * - already invited: only the closing time follows the appointment day (the link stays the same);
 * - cancelled or finalized: everything queued is cancelled and every link closes at once.
 */
export async function syncCheckinSchedule(tx: Tx, input: { dealerId: string; appointmentId: string; now?: Date }): Promise<CheckInState> {
  const now = input.now ?? new Date();
  const appointment = await loadForSchedule(tx, input.dealerId, input.appointmentId);
  const { dealerId } = input;
  const closesAt = checkinClosesAt({ startsAt: appointment.startsAt, timeZone: appointment.site.timeZone });

  if (appointment.status === "CANCELLED" || appointment.status === "FINALIZED") {
    await cancelQueued(tx, { dealerId, appointmentId: appointment.id }, now);
    await revokeTokens(tx, { dealerId, appointmentId: appointment.id }, now);
    await tx.checkIn.upsert({
      where: { appointmentId: appointment.id },
      create: { dealerId, appointmentId: appointment.id, state: "CLOSED", closesAt },
      update: { state: "CLOSED", closesAt },
    });
    return "CLOSED";
  }

  if (appointment.checkIn && INVITED.includes(appointment.checkIn.state)) {
    await tx.checkIn.update({ where: { id: appointment.checkIn.id }, data: { closesAt } });
    await tx.accessToken.updateMany({
      where: { appointmentId: appointment.id, purpose: "CHECKIN", revokedAt: null },
      data: { expiresAt: closesAt },
    });
    return appointment.checkIn.state;
  }

  const plan = planCheckin({ startsAt: appointment.startsAt, site: appointment.site, contacts: appointment.contacts, now });
  await tx.accessToken.updateMany({
    where: { appointmentId: appointment.id, purpose: "CHECKIN", revokedAt: null },
    data: { expiresAt: closesAt },
  });
  const contact = appointment.contacts.find((c) => c.role === plan.recipientRole);
  const recipient = recipientAddress(contact, plan.channel);
  const queued = await tx.notification.findMany({
    where: { dealerId, appointmentId: appointment.id, kind: "CHECKIN_INVITATION", status: "QUEUED" },
    select: { dueAt: true, recipient: true, channel: true },
  });
  const [only] = queued;
  // A change that does not touch the invitation (say the work-order reference) leaves it as it is.
  if (
    plan.state === "SCHEDULED" &&
    queued.length === 1 &&
    only?.dueAt.getTime() === plan.sendAt?.getTime() &&
    only?.recipient === recipient &&
    only?.channel === plan.channel
  ) {
    return plan.state;
  }
  // Otherwise the invitation not sent yet is replaced (its sealed link goes with it); links already
  // handed out (a confirmation, a reminder) stay valid and follow the new closing time.
  await cancelQueued(tx, { dealerId, appointmentId: appointment.id, kinds: ["CHECKIN_INVITATION"] }, now);
  await tx.checkIn.upsert({
    where: { appointmentId: appointment.id },
    create: {
      dealerId,
      appointmentId: appointment.id,
      state: plan.state,
      sendAt: plan.sendAt,
      closesAt,
      recipientRole: plan.recipientRole,
      channel: plan.channel,
    },
    update: { state: plan.state, sendAt: plan.sendAt, closesAt, recipientRole: plan.recipientRole, channel: plan.channel },
  });
  if (plan.state === "SCHEDULED" && plan.sendAt && plan.recipientRole && plan.channel) {
    if (recipient) {
      const token = await issueToken(tx, {
        dealerId,
        appointmentId: appointment.id,
        purpose: "CHECKIN",
        recipientRole: plan.recipientRole,
        expiresAt: closesAt,
      });
      await enqueue(tx, {
        dealerId,
        appointmentId: appointment.id,
        kind: "CHECKIN_INVITATION",
        channel: plan.channel,
        recipient,
        recipientRole: plan.recipientRole,
        locale: contact?.locale,
        dueAt: plan.sendAt,
        payload: { sealedLink: seal(customerLink("c", token)) },
      });
    }
  }
  return plan.state;
}

/**
 * The advisor's or the DMS's "send the check-in link now" (api-v1.md `checkin/send`): refused once the
 * appointment is cancelled or its day has come; to the first contact reachable on the chosen channel.
 * Returns the link (shown to the caller once) and the queued message's id.
 */
export async function sendCheckinNow(
  tx: Tx,
  input: { dealerId: string; appointmentId: string; channel: "EMAIL" | "SMS"; note?: string; actor: AuditActor; now?: Date },
): Promise<{ url: string; notificationId: string }> {
  const now = input.now ?? new Date();
  const appointment = await loadForSchedule(tx, input.dealerId, input.appointmentId);
  if (appointment.status === "CANCELLED" || appointment.status === "FINALIZED") {
    throw new AppError("conflict", `The appointment is ${appointment.status.toLowerCase()}.`);
  }
  const closesAt = checkinClosesAt({ startsAt: appointment.startsAt, timeZone: appointment.site.timeZone });
  if (now >= closesAt) throw new AppError("conflict", "Check-in has closed: the appointment day has come.");
  const reachable = firstReachable(appointment.contacts, input.channel);
  if (!reachable) {
    throw new AppError("validation_failed", `No contact has ${input.channel === "EMAIL" ? "an e-mail address" : "a phone number"}.`, {
      errors: [{ path: "channel", message: "no contact is reachable on this channel" }],
    });
  }
  const { contact, address: recipient } = reachable;
  const token = await issueToken(tx, {
    dealerId: input.dealerId,
    appointmentId: appointment.id,
    purpose: "CHECKIN",
    recipientRole: contact.role,
    expiresAt: closesAt,
  });
  const url = customerLink("c", token);
  // A manual send replaces the automatic invitation that has not gone out yet.
  await cancelQueued(tx, { dealerId: input.dealerId, appointmentId: appointment.id, kinds: ["CHECKIN_INVITATION"] }, now);
  const notification = await enqueue(tx, {
    dealerId: input.dealerId,
    appointmentId: appointment.id,
    kind: "CHECKIN_INVITATION",
    channel: input.channel,
    recipient,
    recipientRole: contact.role,
    locale: contact.locale,
    dueAt: now,
    payload: { sealedLink: seal(url), ...(input.note ? { note: input.note } : {}) },
  });
  const state = appointment.checkIn?.state;
  await tx.checkIn.upsert({
    where: { appointmentId: appointment.id },
    create: {
      dealerId: input.dealerId,
      appointmentId: appointment.id,
      state: "SENT",
      closesAt,
      recipientRole: contact.role,
      channel: input.channel,
    },
    update: {
      closesAt,
      recipientRole: contact.role,
      channel: input.channel,
      ...(state === "OPENED" || state === "SUBMITTED" ? {} : { state: "SENT" as const }),
    },
  });
  // Every send, by an advisor or by the DMS, is in the audit trail.
  await writeAudit(tx, {
    dealerId: input.dealerId,
    appointmentId: appointment.id,
    actor: input.actor,
    event: { type: "checkin.link_sent", channel: input.channel, notificationId: notification.id },
  });
  return { url, notificationId: notification.id };
}
