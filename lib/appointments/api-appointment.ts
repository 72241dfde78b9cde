import "server-only";
import { lower, totalsWithRatesJson, utc } from "@/lib/api/format";
import { ROLE_ORDER } from "@/lib/appointments/contact-order";
import { checkinJson, checkinSelect } from "@/lib/appointments/api-checkin";
import { isExternalId } from "@/lib/api/appointment-schema";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { computeTotals, formatDecimalMoney, formatQuantity, formatVatRate } from "@/lib/money";

const appointmentSelect = {
  id: true,
  externalId: true,
  status: true,
  version: true,
  serviceType: true,
  startsAt: true,
  dropOffAt: true,
  pickUpAt: true,
  currency: true,
  workOrderRef: true,
  vehicleVin: true,
  vehicleRegistration: true,
  vehicleMake: true,
  vehicleModel: true,
  vehicleModelYear: true,
  vehicleMileageKm: true,
  cancelledAt: true,
  finalizedAt: true,
  requestedServiceMileageKm: true,
  lastServiceMileageKm: true,
  lastServiceDate: true,
  preferredDates: true,
  dropOffPreference: true,
  proposalExpiresAt: true,
  site: { select: { slug: true, timeZone: true } },
  contacts: { select: { role: true, firstName: true, lastName: true, email: true, phone: true, locale: true } },
  plannedWork: {
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { code: true, title: true, remarks: true, quantityMilli: true, unitPriceMinor: true, vatRateBp: true, source: true },
  },
  checkIn: { select: checkinSelect },
  report: { select: { state: true, publishedVersion: true, sentAt: true, openedAt: true, respondedAt: true } },
} satisfies Prisma.AppointmentSelect;

type AppointmentRow = Prisma.AppointmentGetPayload<{ select: typeof appointmentSelect }>;

function plannedWorkJson(row: AppointmentRow) {
  return row.plannedWork.map((line) => ({
    code: line.code,
    title: line.title,
    remarks: line.remarks,
    quantity: formatQuantity(line.quantityMilli),
    unitPrice: formatDecimalMoney(line.unitPriceMinor, row.currency),
    vatRate: formatVatRate(line.vatRateBp),
    source: lower(line.source),
  }));
}

function reportSummaryJson(report: AppointmentRow["report"]) {
  if (!report) return null;
  return {
    state: lower(report.state),
    version: report.publishedVersion,
    sentAt: utc(report.sentAt),
    openedAt: utc(report.openedAt),
    respondedAt: utc(report.respondedAt),
  };
}

/**
 * The appointment representation of api-v1.md (GET, and the body of PUT and cancel answers), with the
 * additive fields a DMS needs to check what it sent: vehicle, contacts, planned work and its totals.
 * Another dealer's appointment is "not found", exactly like a missing one.
 */
export async function getAppointmentJson(input: { dealerId: string; externalId: string; now: Date }) {
  if (!isExternalId(input.externalId)) throw new AppError("not_found", "No appointment has this externalId.");
  const row = await db().appointment.findUnique({
    where: { dealerId_externalId: { dealerId: input.dealerId, externalId: input.externalId } },
    select: appointmentSelect,
  });
  if (!row) throw new AppError("not_found", "No appointment has this externalId.");
  const contacts = [...row.contacts].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
  return {
    id: row.id,
    externalId: row.externalId,
    site: row.site.slug,
    status: lower(row.status),
    version: row.version,
    serviceType: lower(row.serviceType),
    startsAt: utc(row.startsAt),
    dropOffAt: utc(row.dropOffAt),
    pickUpAt: utc(row.pickUpAt),
    currency: row.currency,
    workOrderRef: row.workOrderRef,
    vehicle: {
      vin: row.vehicleVin,
      registration: row.vehicleRegistration,
      make: row.vehicleMake,
      model: row.vehicleModel,
      modelYear: row.vehicleModelYear,
      mileageKm: row.vehicleMileageKm,
    },
    contacts: contacts.map((c) => ({
      role: lower(c.role),
      firstName: c.firstName,
      lastName: c.lastName,
      email: c.email,
      phone: c.phone,
      language: c.locale,
    })),
    plannedWork: plannedWorkJson(row),
    plannedWorkTotals: totalsWithRatesJson(computeTotals(row.plannedWork), row.currency),
    intake: {
      requestedServiceMileageKm: row.requestedServiceMileageKm,
      lastServiceMileageKm: row.lastServiceMileageKm,
      lastServiceDate: row.lastServiceDate ? row.lastServiceDate.toISOString().slice(0, 10) : null,
      preferredDates: Array.isArray(row.preferredDates) ? row.preferredDates : [],
      dropOffPreference: row.dropOffPreference,
      proposalExpiresAt: utc(row.proposalExpiresAt),
    },
    cancelledAt: utc(row.cancelledAt),
    finalizedAt: utc(row.finalizedAt),
    checkin: await checkinJson(db(), {
      dealerId: input.dealerId,
      row: row.checkIn,
      startsAt: row.startsAt,
      timeZone: row.site.timeZone,
      currency: row.currency,
      now: input.now,
    }),
    report: reportSummaryJson(row.report),
  };
}

export type AppointmentJson = Awaited<ReturnType<typeof getAppointmentJson>>;
