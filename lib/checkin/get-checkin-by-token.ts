import "server-only";
import { cache } from "react";
import type { Brand } from "@/lib/dealers/get-brand";
import { getBrand } from "@/lib/dealers/get-brand";
import { withoutConvertedSelections } from "@/lib/checkin/converted-lines";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import type { ContactRole } from "@/lib/db/generated/client";
import { computeTotals, lineNet, lineVat, type MoneyLine } from "@/lib/money";
import { lookupToken } from "@/lib/tokens";

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
};

export type CheckinByToken =
  { status: "unknown" } | { status: "closed"; reason: CheckinClosedReason; view: CheckinView } | { status: "open"; view: CheckinView };

/**
 * Resolves a check-in link to what its page shows. Cached per request so the layout (theme, language)
 * and the page share one lookup.
 */
export const getCheckinByToken = cache(async (token: string, now: Date = clockNow()): Promise<CheckinByToken> => {
  const link = await lookupToken(token, "CHECKIN", now);
  if (link.status === "unknown") return { status: "unknown" };

  const appointment = await db().appointment.findFirst({
    where: { id: link.appointmentId, dealerId: link.dealerId },
    select: {
      id: true,
      dealerId: true,
      siteId: true,
      status: true,
      serviceType: true,
      startsAt: true,
      dropOffAt: true,
      pickUpAt: true,
      currency: true,
      vehicleMake: true,
      vehicleModel: true,
      vehicleModelYear: true,
      vehicleRegistration: true,
      vehicleMileageKm: true,
      contacts: {
        where: { role: link.recipientRole },
        select: { firstName: true, lastName: true, email: true, phone: true, locale: true },
      },
      plannedWork: {
        orderBy: { position: "asc" },
        select: { id: true, title: true, remarks: true, quantityMilli: true, unitPriceMinor: true, vatRateBp: true, source: true },
      },
      checkIn: { select: { closesAt: true } },
    },
  });
  if (!appointment) return { status: "unknown" };
  const planned = await withoutConvertedSelections(db(), { ...link, lines: appointment.plannedWork });
  const brand = await getBrand({ dealerId: appointment.dealerId, siteId: appointment.siteId });
  if (!brand) return { status: "unknown" };

  const contact = appointment.contacts[0] ?? null;
  const view: CheckinView = {
    appointmentId: appointment.id,
    dealerId: appointment.dealerId,
    siteId: appointment.siteId,
    brand,
    recipientLocale: contact?.locale ?? null,
    recipientRole: link.recipientRole,
    closesAt: appointment.checkIn?.closesAt ?? null,
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
  };

  const closesAt = appointment.checkIn?.closesAt ?? link.expiresAt;
  if (appointment.status === "CANCELLED") return { status: "closed", reason: "cancelled", view };
  if (appointment.status === "FINALIZED") return { status: "closed", reason: "finalized", view };
  if (link.status === "revoked") return { status: "closed", reason: "revoked", view };
  if (link.status === "expired" || now >= closesAt) return { status: "closed", reason: "appointment_day", view };
  return { status: "open", view };
});

/** The last minute the customer can still change their answers: the one before check-in closes. */
export function lastChangeAt(view: CheckinView): Date {
  return new Date((view.closesAt ?? view.appointment.startsAt).getTime() - 60_000);
}
