import "server-only";
import { byRole } from "@/lib/appointments/contact-order";
import type { AppointmentBody } from "@/lib/api/appointment-schema";
import type { AppointmentStatus, ContactRole, Prisma, ServiceType, WorkLineSource } from "@/lib/db/generated/client";
import { resolveLocale } from "@/lib/i18n/locales";
import { parseDecimalMoney, parseQuantity, parseVatRate } from "@/lib/money";

/**
 * An appointment as the DMS owns it, in database units (minor units, basis points, thousandths,
 * upper-case enums). Built the same way from a request body and from the stored rows, so that a replayed
 * PUT can be recognised by comparing the two — the key order is fixed by construction here.
 */
export type AppointmentRecord = {
  siteId: string;
  status: AppointmentStatus;
  serviceType: ServiceType;
  startsAt: string;
  dropOffAt: string | null;
  pickUpAt: string | null;
  currency: string;
  workOrderRef: string | null;
  vehicle: {
    vin: string | null;
    registration: string | null;
    make: string | null;
    model: string | null;
    modelYear: number | null;
    mileageKm: number | null;
  };
  contacts: ContactRecord[];
  plannedWork: WorkLineRecord[];
  /** Present when the change carries it (staff intake, a DMS that sends it); absent = keep what is stored. */
  intake?: IntakeRecord;
};

export type IntakeRecord = {
  requestedServiceMileageKm: number | null;
  lastServiceMileageKm: number | null;
  lastServiceDate: string | null;
  preferredDates: string[];
  dropOffPreference: string | null;
  proposalExpiresAt: string | null;
};

export const emptyIntake: IntakeRecord = {
  requestedServiceMileageKm: null,
  lastServiceMileageKm: null,
  lastServiceDate: null,
  preferredDates: [],
  dropOffPreference: null,
  proposalExpiresAt: null,
};

export type ContactRecord = {
  role: ContactRole;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  locale: string;
};

export type WorkLineRecord = {
  code: string | null;
  title: string;
  remarks: string | null;
  quantityMilli: number;
  unitPriceMinor: number;
  vatRateBp: number;
};

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function contactRecord(c: ContactRecord): ContactRecord {
  return { role: c.role, firstName: c.firstName, lastName: c.lastName, email: c.email, phone: c.phone, locale: c.locale };
}

function lineRecord(l: WorkLineRecord): WorkLineRecord {
  return {
    code: l.code,
    title: l.title,
    remarks: l.remarks,
    quantityMilli: l.quantityMilli,
    unitPriceMinor: l.unitPriceMinor,
    vatRateBp: l.vatRateBp,
  };
}

/** The validated body in database units. The schema has checked every value, so nothing here throws. */
export function recordFromBody(body: AppointmentBody, context: { siteId: string; defaultLocale: string }): AppointmentRecord {
  return {
    siteId: context.siteId,
    status: body.status.toUpperCase() as AppointmentStatus,
    serviceType: body.serviceType.toUpperCase() as ServiceType,
    startsAt: body.startsAt.toISOString(),
    dropOffAt: iso(body.dropOffAt),
    pickUpAt: iso(body.pickUpAt),
    currency: body.currency,
    workOrderRef: body.workOrderRef,
    vehicle: {
      vin: body.vehicle.vin,
      registration: body.vehicle.registration,
      make: body.vehicle.make,
      model: body.vehicle.model,
      modelYear: body.vehicle.modelYear,
      mileageKm: body.vehicle.mileageKm,
    },
    contacts: body.contacts
      .map((c) =>
        contactRecord({
          role: c.role.toUpperCase() as ContactRole,
          firstName: c.firstName ?? "",
          lastName: c.lastName ?? "",
          email: c.email,
          phone: c.phone,
          locale: resolveLocale(c.language, context.defaultLocale),
        }),
      )
      .sort(byRole),
    plannedWork: body.plannedWork.map((line) =>
      lineRecord({
        code: line.code,
        title: line.title,
        remarks: line.remarks,
        quantityMilli: parseQuantity(line.quantity),
        unitPriceMinor: parseDecimalMoney(line.unitPrice, body.currency),
        vatRateBp: parseVatRate(line.vatRate),
      }),
    ),
    ...(body.intake
      ? {
          intake: {
            requestedServiceMileageKm: body.intake.requestedServiceMileageKm,
            lastServiceMileageKm: body.intake.lastServiceMileageKm,
            lastServiceDate: body.intake.lastServiceDate,
            preferredDates: body.intake.preferredDates,
            dropOffPreference: body.intake.dropOffPreference,
            proposalExpiresAt: iso(body.intake.proposalExpiresAt),
          },
        }
      : {}),
  };
}

/** What to read to rebuild a record (and a snapshot) from the database. */
export const recordSelect = {
  siteId: true,
  status: true,
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
  requestedServiceMileageKm: true,
  lastServiceMileageKm: true,
  lastServiceDate: true,
  preferredDates: true,
  dropOffPreference: true,
  proposalExpiresAt: true,
  contacts: { select: { role: true, firstName: true, lastName: true, email: true, phone: true, locale: true } },
  plannedWork: {
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { code: true, title: true, remarks: true, quantityMilli: true, unitPriceMinor: true, vatRateBp: true, source: true },
  },
} satisfies Prisma.AppointmentSelect;

export type RecordRow = Prisma.AppointmentGetPayload<{ select: typeof recordSelect }>;

/**
 * The stored appointment as a record. Only the DMS's own planned-work lines belong to it: lines added in
 * Greenlight (by staff, or converted from a check-in or report answer) are not the DMS's to replace.
 */
export function intakeFromRow(row: RecordRow): IntakeRecord {
  const preferred = Array.isArray(row.preferredDates) ? row.preferredDates.filter((d): d is string => typeof d === "string") : [];
  return {
    requestedServiceMileageKm: row.requestedServiceMileageKm,
    lastServiceMileageKm: row.lastServiceMileageKm,
    lastServiceDate: row.lastServiceDate ? row.lastServiceDate.toISOString().slice(0, 10) : null,
    preferredDates: preferred,
    dropOffPreference: row.dropOffPreference,
    proposalExpiresAt: iso(row.proposalExpiresAt),
  };
}

/** `withIntake`: compare the intake too (only when the incoming change carries one). */
export function recordFromRow(row: RecordRow, options: { withIntake?: boolean } = {}): AppointmentRecord {
  return {
    siteId: row.siteId,
    status: row.status,
    serviceType: row.serviceType,
    startsAt: row.startsAt.toISOString(),
    dropOffAt: iso(row.dropOffAt),
    pickUpAt: iso(row.pickUpAt),
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
    contacts: row.contacts.map(contactRecord).sort(byRole),
    plannedWork: row.plannedWork.filter((line) => line.source === "DMS").map(lineRecord),
    ...(options.withIntake ? { intake: intakeFromRow(row) } : {}),
  };
}

/** The appointment as it is now, every line included (with its source), for AppointmentSnapshot.data. */
export function snapshotData(input: {
  externalId: string;
  version: number;
  record: AppointmentRecord;
  lines: (WorkLineRecord & { source: WorkLineSource })[];
}): Prisma.InputJsonObject {
  const { externalId, version, record, lines } = input;
  return { externalId, version, ...record, plannedWork: lines.map((line) => ({ ...lineRecord(line), source: line.source })) };
}

export function snapshotFromRow(row: RecordRow & { externalId: string; version: number }): Prisma.InputJsonObject {
  return snapshotData({
    externalId: row.externalId,
    version: row.version,
    record: recordFromRow(row, { withIntake: true }),
    lines: row.plannedWork,
  });
}

export function sameRecord(a: AppointmentRecord, b: AppointmentRecord): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The appointment's own columns for a create or an update. */
export function appointmentColumns(record: AppointmentRecord) {
  return {
    siteId: record.siteId,
    status: record.status,
    serviceType: record.serviceType,
    startsAt: new Date(record.startsAt),
    dropOffAt: record.dropOffAt ? new Date(record.dropOffAt) : null,
    pickUpAt: record.pickUpAt ? new Date(record.pickUpAt) : null,
    currency: record.currency,
    workOrderRef: record.workOrderRef,
    vehicleVin: record.vehicle.vin,
    vehicleRegistration: record.vehicle.registration,
    vehicleMake: record.vehicle.make,
    vehicleModel: record.vehicle.model,
    vehicleModelYear: record.vehicle.modelYear,
    vehicleMileageKm: record.vehicle.mileageKm,
    ...(record.intake
      ? {
          requestedServiceMileageKm: record.intake.requestedServiceMileageKm,
          lastServiceMileageKm: record.intake.lastServiceMileageKm,
          lastServiceDate: record.intake.lastServiceDate ? new Date(`${record.intake.lastServiceDate}T00:00:00Z`) : null,
          preferredDates: record.intake.preferredDates,
          dropOffPreference: record.intake.dropOffPreference,
          proposalExpiresAt: record.intake.proposalExpiresAt ? new Date(record.intake.proposalExpiresAt) : null,
        }
      : {}),
  };
}

export function lineRows(record: AppointmentRecord, appointmentId: string): Prisma.PlannedWorkLineCreateManyInput[] {
  return record.plannedWork.map((line, position) => ({ appointmentId, position, source: "DMS", ...line }));
}

export function contactRows(record: AppointmentRecord, appointmentId: string): Prisma.AppointmentContactCreateManyInput[] {
  return record.contacts.map((contact) => ({ appointmentId, ...contact }));
}
