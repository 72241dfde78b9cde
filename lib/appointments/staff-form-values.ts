import "server-only";
import { db } from "@/lib/db";
import { formatDecimalMoney, formatVatRate } from "@/lib/money";
import { localWallClock } from "@/lib/time";

const pad = (n: number) => String(n).padStart(2, "0");

function localDate(instant: Date, timeZone: string): string {
  const w = localWallClock(instant, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

function localTime(instant: Date | null, timeZone: string): string {
  if (!instant) return "";
  const w = localWallClock(instant, timeZone);
  return `${pad(w.hours)}:${pad(w.minutes)}`;
}

/** The dealer's sites for the form's site picker. */
export function listSites(dealerId: string) {
  return db().site.findMany({ where: { dealerId }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** An existing appointment as the form's values, times in its site's zone. Null when not this dealer's. */
export async function staffFormValues({
  id,
  dealerId,
}: {
  id: string;
  dealerId: string;
}): Promise<Record<string, string | string[]> | null> {
  const a = await db().appointment.findFirst({
    where: { id, dealerId },
    select: {
      id: true,
      version: true,
      siteId: true,
      status: true,
      serviceType: true,
      startsAt: true,
      dropOffAt: true,
      pickUpAt: true,
      currency: true,
      workOrderRef: true,
      vehicleMake: true,
      vehicleModel: true,
      vehicleModelYear: true,
      vehicleRegistration: true,
      vehicleVin: true,
      vehicleMileageKm: true,
      requestedServiceMileageKm: true,
      lastServiceMileageKm: true,
      lastServiceDate: true,
      preferredDates: true,
      dropOffPreference: true,
      proposalExpiresAt: true,
      site: { select: { timeZone: true } },
      contacts: { where: { role: "DRIVER" }, select: { firstName: true, lastName: true, email: true, phone: true, locale: true } },
      plannedWork: {
        where: { source: "DMS" },
        orderBy: { position: "asc" },
        select: { title: true, unitPriceMinor: true, vatRateBp: true },
      },
    },
  });
  if (!a) return null;
  const tz = a.site.timeZone;
  const contact = a.contacts[0];
  const text = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));
  return {
    appointmentId: a.id,
    version: String(a.version),
    siteId: a.siteId,
    status: a.status === "REQUESTED" ? "requested" : "scheduled",
    serviceType: a.serviceType.toLowerCase(),
    date: localDate(a.startsAt, tz),
    time: localTime(a.startsAt, tz),
    dropOffTime: localTime(a.dropOffAt, tz),
    pickUpTime: localTime(a.pickUpAt, tz),
    workOrderRef: text(a.workOrderRef),
    firstName: text(contact?.firstName),
    lastName: text(contact?.lastName),
    email: text(contact?.email),
    phone: text(contact?.phone),
    language: text(contact?.locale) || "en",
    make: text(a.vehicleMake),
    model: text(a.vehicleModel),
    modelYear: text(a.vehicleModelYear),
    registration: text(a.vehicleRegistration),
    vin: text(a.vehicleVin),
    mileageKm: text(a.vehicleMileageKm),
    requestedServiceMileageKm: text(a.requestedServiceMileageKm),
    lastServiceMileageKm: text(a.lastServiceMileageKm),
    lastServiceDate: a.lastServiceDate ? a.lastServiceDate.toISOString().slice(0, 10) : "",
    preferredDates: Array.isArray(a.preferredDates) ? a.preferredDates.map(String).join("\n") : "",
    dropOffPreference: text(a.dropOffPreference),
    proposalExpiresDate: a.proposalExpiresAt ? localDate(a.proposalExpiresAt, tz) : "",
    workTitle: a.plannedWork.map((l) => l.title),
    workPrice: a.plannedWork.map((l) => formatDecimalMoney(l.unitPriceMinor, a.currency)),
    workVat: a.plannedWork.map((l) => formatVatRate(l.vatRateBp)),
  };
}
