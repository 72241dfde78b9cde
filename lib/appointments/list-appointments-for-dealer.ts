import "server-only";
import { db } from "@/lib/db";
import type { AppointmentStatus, CheckInState } from "@/lib/db/generated/client";
import { localDayStart } from "@/lib/time";

export type AppointmentListRow = {
  id: string;
  externalId: string;
  startsAt: Date;
  status: AppointmentStatus;
  customerName: string;
  car: string;
  registration: string | null;
  siteName: string;
  timeZone: string;
  checkinState: CheckInState | null;
  /**
   * The customer's confirmed check-in answer: "open" while a chosen service or remark of the latest
   * revision is not handled, "handled" once all are (or there was nothing to handle), null = none yet.
   */
  checkinAnswer: "open" | "handled" | null;
  /**
   * The customer's report answer (seed 004): "open" while an item they want repaired or want to be called
   * about has no thumbs up/down yet, or an item is pinned — unless snoozed; "handled" after; null = none.
   */
  reportAnswer: "open" | "handled" | null;
};

/**
 * Today's and upcoming appointments of one dealer. "Today" is each site's own local day, so a list
 * spanning Brussels and Stockholm (or anywhere) is right for every site. With `pinAnswers` (the people who
 * handle answers, seed 003 step 3 and seed 004), appointments with check-in items still to handle or a
 * report answer still to authorise are taken out of their day and listed first, in `pinned`, until done.
 */
export async function listAppointmentsForDealer({
  dealerId,
  now = new Date(),
  limit = 200,
  pinAnswers = false,
}: {
  dealerId: string;
  now?: Date;
  limit?: number;
  pinAnswers?: boolean;
}) {
  const rows = await db().appointment.findMany({
    where: { dealerId, startsAt: { gte: new Date(now.getTime() - 36 * 3600_000) } },
    orderBy: { startsAt: "asc" },
    take: limit,
    select: {
      id: true,
      externalId: true,
      startsAt: true,
      status: true,
      vehicleMake: true,
      vehicleModel: true,
      vehicleRegistration: true,
      site: { select: { name: true, timeZone: true } },
      contacts: { select: { role: true, firstName: true, lastName: true } },
      checkIn: {
        select: {
          state: true,
          currentRevision: true,
          revisions: {
            where: { submittedAt: { not: null } },
            orderBy: { number: "desc" },
            take: 1,
            select: { selections: { select: { handled: true } }, comments: { select: { handled: true } } },
          },
        },
      },
      report: {
        select: {
          state: true,
          decisions: { select: { decision: true, authorization: true, pinned: true, snoozedUntil: true } },
        },
      },
    },
  });
  const pinned: AppointmentListRow[] = [];
  const today: AppointmentListRow[] = [];
  const upcoming: AppointmentListRow[] = [];
  for (const row of rows) {
    const todayStart = localDayStart(now, row.site.timeZone);
    const dayStart = localDayStart(row.startsAt, row.site.timeZone);
    if (dayStart < todayStart) continue;
    const contact = ["DRIVER", "OWNER", "CONTRACTOR"].map((role) => row.contacts.find((c) => c.role === role)).find(Boolean);
    const item: AppointmentListRow = {
      id: row.id,
      externalId: row.externalId,
      startsAt: row.startsAt,
      status: row.status,
      customerName: contact ? `${contact.firstName} ${contact.lastName}` : "—",
      car: [row.vehicleMake, row.vehicleModel].filter(Boolean).join(" "),
      registration: row.vehicleRegistration,
      siteName: row.site.name,
      timeZone: row.site.timeZone,
      checkinState: row.checkIn?.state ?? null,
      checkinAnswer: answerState(row.checkIn?.revisions[0]),
      reportAnswer: reportAnswerState(row.report, now),
    };
    if (pinAnswers && (item.checkinAnswer === "open" || item.reportAnswer === "open")) pinned.push(item);
    else (dayStart.getTime() === todayStart.getTime() ? today : upcoming).push(item);
  }
  return { pinned, today, upcoming };
}

function answerState(revision: { selections: { handled: boolean }[]; comments: { handled: boolean }[] } | undefined) {
  if (!revision) return null;
  return [...revision.selections, ...revision.comments].every((item) => item.handled) ? "handled" : "open";
}

type DecisionFollowUp = {
  decision: string | null;
  authorization: string | null;
  pinned: boolean;
  snoozedUntil: Date | null;
};

function reportAnswerState(report: { state: string; decisions: DecisionFollowUp[] } | null, now: Date) {
  if (!report || (report.state !== "RESPONDED" && report.state !== "CLOSED")) return null;
  if (report.state === "CLOSED") return "handled";
  const awake = report.decisions.filter((d) => !d.snoozedUntil || d.snoozedUntil <= now);
  const waiting = awake.some((d) => d.pinned || ((d.decision === "APPROVED" || d.decision === "CONTACT") && d.authorization === null));
  return waiting ? "open" : "handled";
}
