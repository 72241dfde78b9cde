import "server-only";
import { cache } from "react";
import { checkinPageQuery, checkinPageRow, type CheckinPageCheckIn } from "@/lib/checkin/checkin-page-query";
import type { CheckinAnswer } from "@/lib/checkin/get-checkin-answer";
import { cachedBrand } from "@/lib/dealers/dealer-cache";
import type { Brand } from "@/lib/dealers/get-brand";
import { withoutConvertedSelections } from "@/lib/checkin/converted-lines";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import type { ContactRole } from "@/lib/db/generated/client";
import { computeTotals, lineNet, lineVat, type MoneyLine } from "@/lib/money";
import { hashToken, isWellFormedToken } from "@/lib/tokens";

export type CheckinClosedReason = "appointment_day" | "cancelled" | "finalized" | "revoked";

export type PlannedWorkView = MoneyLine & {
  id: string;
  title: string;
  remarks: string | null;
  netMinor: number;
  grossMinor: number;
};

export type CheckinView = {
  appointmentId: string;
  dealerId: string;
  siteId: string;
  brand: Brand;
  recipientLocale: string | null;
  recipientRole: ContactRole;
  /** 00:00 of the appointment day in the site's zone: the last moment answers can change. */
  closesAt: Date | null;
  appointment: {
    startsAt: Date;
    dropOffAt: Date | null;
    pickUpAt: Date | null;
    currency: string;
    serviceType: string;
  };
  vehicle: {
    make: string | null;
    model: string | null;
    modelYear: number | null;
    registration: string | null;
    mileageKm: number | null;
  };
  contact: { firstName: string; lastName: string; email: string | null; phone: string | null } | null;
  plannedWork: PlannedWorkView[];
  totals: ReturnType<typeof computeTotals>;
  /** What the customer has answered so far (the open draft, else the last confirmed revision). */
  answer: CheckinAnswer;
};

export type CheckinByToken =
  { status: "unknown" } | { status: "closed"; reason: CheckinClosedReason; view: CheckinView } | { status: "open"; view: CheckinView };

/**
 * Resolves a check-in link to what its page shows, including the customer's answer so far. Cached per
 * request so the layout (theme, language), the metadata and the page share one lookup.
 *
 * Everything of this customer comes from one SQL statement (token, appointment, recipient, planned work,
 * check-in, answer): Prisma's nested select costs a statement per relation (thirteen here), and with the
 * embedded database each is CPU on the thread that renders pages. The dealer's brand comes from the
 * per-dealer cache (lib/dealers/dealer-cache.ts). bench/README.md has the measurements.
 */
export const getCheckinByToken = cache(async (token: string, now: Date = clockNow()): Promise<CheckinByToken> => {
  if (!isWellFormedToken(token)) return { status: "unknown" };
  const [row] = await db().$queryRaw<unknown[]>(checkinPageQuery(hashToken(token)));
  if (!row) return { status: "unknown" };
  const link = checkinPageRow.parse(row);
  const { appointment } = link;
  if (link.purpose !== "CHECKIN" || !appointment) return { status: "unknown" };
  const planned = await withoutConvertedSelections(db(), {
    dealerId: link.dealerId,
    appointmentId: appointment.id,
    lines: appointment.plannedWork,
  });
  const brand = await cachedBrand({ dealerId: link.dealerId, siteId: appointment.siteId });
  if (!brand) return { status: "unknown" };

  const contact = appointment.contact;
  const checkIn = appointment.checkIn;
  const view: CheckinView = {
    appointmentId: appointment.id,
    dealerId: link.dealerId,
    siteId: appointment.siteId,
    brand,
    recipientLocale: contact?.locale ?? null,
    recipientRole: link.recipientRole,
    closesAt: checkIn?.closesAt ?? null,
    appointment: {
      startsAt: appointment.startsAt,
      dropOffAt: appointment.dropOffAt,
      pickUpAt: appointment.pickUpAt,
      currency: appointment.currency,
      serviceType: appointment.serviceType,
    },
    vehicle: {
      make: appointment.vehicleMake,
      model: appointment.vehicleModel,
      modelYear: appointment.vehicleModelYear,
      registration: appointment.vehicleRegistration,
      mileageKm: appointment.vehicleMileageKm,
    },
    contact: contact && { firstName: contact.firstName, lastName: contact.lastName, email: contact.email, phone: contact.phone },
    plannedWork: planned.map(({ source: _source, ...line }) => {
      const net = lineNet(line);
      return { ...line, netMinor: net, grossMinor: net + lineVat(line) };
    }),
    totals: computeTotals(planned),
    answer: toCheckinAnswer(checkIn),
  };

  const closesAt = checkIn?.closesAt ?? link.expiresAt;
  if (appointment.status === "CANCELLED") return { status: "closed", reason: "cancelled", view };
  if (appointment.status === "FINALIZED") return { status: "closed", reason: "finalized", view };
  if (link.revokedAt) return { status: "closed", reason: "revoked", view };
  if (link.expiresAt <= now || now >= closesAt) return { status: "closed", reason: "appointment_day", view };
  return { status: "open", view };
});

function toCheckinAnswer(checkIn: CheckinPageCheckIn | null): CheckinAnswer {
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
  const revision = checkIn.revision;
  if (!revision) return { ...empty, lastConfirmed: checkIn.currentRevision };
  return {
    number: revision.number,
    confirmed: revision.submittedAt !== null,
    submittedAt: revision.submittedAt,
    lastConfirmed: checkIn.currentRevision,
    correctedEmail: revision.correctedEmail,
    correctedPhone: revision.correctedPhone,
    selections: revision.selections,
    comments: revision.comments,
  };
}

/** The last minute the customer can still change their answers: the one before check-in closes. */
export function lastChangeAt(view: CheckinView): Date {
  return new Date((view.closesAt ?? view.appointment.startsAt).getTime() - 60_000);
}
