import "server-only";
import { ROLE_ORDER } from "@/lib/appointments/contact-order";
import type { CheckInState, ContactRole, NotificationChannel, NotifyChannel } from "@/lib/db/generated/client";
import { checkinClosesAt, checkinSendInstant } from "@/lib/time";

export type PlanSite = {
  timeZone: string;
  checkinEnabled: boolean;
  checkinWindowDays: number;
  checkinSendTime: string;
  checkinChannel: NotifyChannel;
};

export type PlanContact = { role: ContactRole; email: string | null; phone: string | null };

export type CheckinPlan = {
  state: Extract<CheckInState, "SCHEDULED" | "NOT_APPLICABLE">;
  sendAt: Date | null;
  closesAt: Date;
  recipientRole: ContactRole | null;
  channel: NotificationChannel | null;
};

/** Seed 003: one recipient only, the first of driver → owner → contractor who can be reached. */

function reachableChannel(site: PlanSite, contact: PlanContact): NotificationChannel | null {
  const email = contact.email ? "EMAIL" : null;
  const sms = contact.phone ? "SMS" : null;
  if (site.checkinChannel === "EMAIL") return email;
  if (site.checkinChannel === "SMS") return sms;
  return email ?? sms;
}

/**
 * When and to whom the check-in invitation goes: at the site's send time, N days before the appointment
 * day (site time zone). An appointment created or moved inside that window gets no automatic invitation
 * (the advisor can still send one by hand): it is "not applicable", as for a disabled site or no
 * reachable contact.
 */
export function planCheckin({
  startsAt,
  site,
  contacts,
  now,
}: {
  startsAt: Date;
  site: PlanSite;
  contacts: PlanContact[];
  now: Date;
}): CheckinPlan {
  const closesAt = checkinClosesAt({ startsAt, timeZone: site.timeZone });
  const notApplicable: CheckinPlan = { state: "NOT_APPLICABLE", sendAt: null, closesAt, recipientRole: null, channel: null };
  if (!site.checkinEnabled) return notApplicable;

  const recipient = ROLE_ORDER.map((role) => contacts.find((c) => c.role === role))
    .filter((c): c is PlanContact => Boolean(c))
    .map((contact) => ({ contact, channel: reachableChannel(site, contact) }))
    .find((candidate) => candidate.channel !== null);
  if (!recipient?.channel) return notApplicable;

  const sendAt = checkinSendInstant({
    startsAt,
    timeZone: site.timeZone,
    windowDays: site.checkinWindowDays,
    sendTime: site.checkinSendTime,
  });
  if (now >= sendAt) return { ...notApplicable, recipientRole: recipient.contact.role, channel: recipient.channel };
  return { state: "SCHEDULED", sendAt, closesAt, recipientRole: recipient.contact.role, channel: recipient.channel };
}
