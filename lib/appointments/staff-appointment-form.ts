import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { appointmentBodySchema, type AppointmentBody } from "@/lib/api/appointment-schema";
import { sendAppointmentConfirmation } from "@/lib/appointments/appointment-messages";
import { upsertAppointment } from "@/lib/appointments/upsert-appointment";
import type { StaffSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { locales } from "@/lib/i18n/locales";
import { wallClockToInstant } from "@/lib/time";

/** How many planned-work rows the form offers (it must work without JavaScript, so no "add row" button). */
export const WORK_ROWS = 6;

// Messages are keys of `dealer.appointmentForm.errors`: the page translates them.
const text = (max: number) => z.string().trim().max(max, "tooLong");
const optional = (max: number) => text(max).transform((v) => (v === "" ? null : v));
const number = z
  .string()
  .trim()
  .regex(/^\d{0,8}$/, "wholeNumber")
  .transform((v) => (v === "" ? null : Number(v)));
const date = z.union([z.literal(""), z.iso.date("date")]).transform((v) => (v === "" ? null : v));
/** A repeated form field: one value arrives as a string, several as an array, none as nothing. */
const repeated = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(WORK_ROWS + 100));
const time = z.union([z.literal(""), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time")]).transform((v) => (v === "" ? null : v));

export const staffAppointmentFormSchema = z
  .object({
    appointmentId: z.union([z.literal(""), z.uuid()]).default(""),
    version: z.union([z.literal(""), z.string().regex(/^\d+$/)]).default(""),
    siteId: z.uuid("required"),
    status: z.enum(["requested", "scheduled"], "required"),
    serviceType: z.enum(["maintenance", "repair", "both", "other"], "required"),
    date: z.iso.date("date"),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time"),
    dropOffTime: time,
    pickUpTime: time,
    firstName: text(100).min(1, "required"),
    lastName: text(100).min(1, "required"),
    email: z.union([z.literal(""), z.email("email").max(254)]).transform((v) => (v === "" ? null : v.toLowerCase())),
    phone: z.union([z.literal(""), z.string().regex(/^\+[1-9]\d{6,14}$/, "phone")]).transform((v) => (v === "" ? null : v)),
    language: z.enum(locales, "required"),
    make: optional(64),
    model: optional(64),
    modelYear: number,
    registration: optional(32),
    vin: optional(32),
    mileageKm: number,
    workOrderRef: optional(64),
    requestedServiceMileageKm: number,
    lastServiceMileageKm: number,
    lastServiceDate: date,
    preferredDates: text(600),
    dropOffPreference: optional(1000),
    proposalExpiresDate: date,
    sendConfirmation: z.literal("on").optional(),
    workTitle: repeated(text(200)),
    workPrice: repeated(
      z
        .string()
        .trim()
        .regex(/^(\d{1,7}([.,]\d{1,2})?)?$/, "price"),
    ),
    workVat: repeated(
      z
        .string()
        .trim()
        .regex(/^(\d{1,2}([.,]\d{1,2})?)?$/, "vat"),
    ),
  })
  .superRefine((form, ctx) => {
    if (!form.email && !form.phone) ctx.addIssue({ code: "custom", path: ["email"], message: "emailOrPhone" });
    form.workTitle.forEach((title, i) => {
      if (title && !form.workPrice[i]) ctx.addIssue({ code: "custom", path: ["workPrice", i], message: "price" });
    });
    if (form.proposalExpiresDate && form.proposalExpiresDate >= form.date) {
      ctx.addIssue({ code: "custom", path: ["proposalExpiresDate"], message: "proposalAfterAppointment" });
    }
  });

export type StaffAppointmentForm = z.output<typeof staffAppointmentFormSchema>;

function instant(dateText: string, timeText: string, timeZone: string): Date {
  const [year, month, day] = dateText.split("-").map(Number) as [number, number, number];
  const [hours, minutes] = timeText.split(":").map(Number) as [number, number];
  return wallClockToInstant({ year, month, day, hours, minutes }, timeZone);
}

const decimal = (value: string) => value.replace(",", ".");

/** The form as the same appointment body the DMS API takes: one path, one history, one set of rules. */
function toBody(form: StaffAppointmentForm, site: { slug: string; timeZone: string }): AppointmentBody {
  const rfc = (d: Date) => d.toISOString();
  const at = (t: string | null) => (t ? rfc(instant(form.date, t, site.timeZone)) : null);
  const raw = {
    site: site.slug,
    status: form.status,
    serviceType: form.serviceType,
    startsAt: rfc(instant(form.date, form.time, site.timeZone)),
    dropOffAt: at(form.dropOffTime),
    pickUpAt: at(form.pickUpTime),
    currency: "EUR",
    workOrderRef: form.workOrderRef,
    vehicle: {
      make: form.make,
      model: form.model,
      modelYear: form.modelYear,
      registration: form.registration,
      vin: form.vin,
      mileageKm: form.mileageKm,
    },
    contacts: [
      { role: "driver", firstName: form.firstName, lastName: form.lastName, email: form.email, phone: form.phone, language: form.language },
    ],
    plannedWork: form.workTitle
      .map((title, i) => ({ title, unitPrice: decimal(form.workPrice[i] ?? ""), vatRate: decimal(form.workVat[i] || "21") }))
      .filter((line) => line.title !== "")
      .map((line) => ({ ...line, unitPrice: Number(line.unitPrice).toFixed(2), quantity: "1" })),
    intake: {
      requestedServiceMileageKm: form.requestedServiceMileageKm,
      lastServiceMileageKm: form.lastServiceMileageKm,
      lastServiceDate: form.lastServiceDate,
      preferredDates: form.preferredDates
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .slice(0, 5),
      dropOffPreference: form.dropOffPreference,
      // A proposal runs until the end of its last day (site time), which the form checks is before the appointment day.
      proposalExpiresAt: form.proposalExpiresDate
        ? rfc(new Date(instant(form.proposalExpiresDate, "23:59", site.timeZone).getTime() + 59_000))
        : null,
    },
  };
  const parsed = appointmentBodySchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError("validation_failed", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  }
  return parsed.data;
}

/**
 * An advisor creates or edits an appointment on the customer's behalf (seeds 000/001). It goes through
 * the same upsert as the DMS API — same validation, versioning, history snapshot and scheduling — with
 * the form's version as If-Match, so an edit made on a stale page is refused instead of overwriting.
 * A new scheduled appointment (or one moving from requested to scheduled) sends the confirmation.
 */
export async function saveAppointmentByStaff(input: {
  staff: StaffSession;
  form: StaffAppointmentForm;
  now?: Date;
}): Promise<{ id: string }> {
  const { staff, form } = input;
  const now = input.now ?? new Date();
  const site = await db().site.findFirst({ where: { id: form.siteId, dealerId: staff.dealerId }, select: { slug: true, timeZone: true } });
  if (!site) throw new AppError("not_found");
  const existing = form.appointmentId
    ? await db().appointment.findFirst({
        where: { id: form.appointmentId, dealerId: staff.dealerId },
        select: { externalId: true, status: true },
      })
    : null;
  if (form.appointmentId && !existing) throw new AppError("not_found");
  const externalId = existing?.externalId ?? `GL-${randomBytes(5).toString("hex").toUpperCase()}`;
  await upsertAppointment({
    dealerId: staff.dealerId,
    externalId,
    body: toBody(form, site),
    ifMatch: form.version ? { any: false, versions: [Number(form.version)] } : null,
    actor: { type: "STAFF", id: staff.staffUserId },
    now,
  });
  const saved = await db().appointment.findUniqueOrThrow({
    where: { dealerId_externalId: { dealerId: staff.dealerId, externalId } },
    select: { id: true, status: true },
  });
  const becameScheduled = saved.status === "SCHEDULED" && existing?.status !== "SCHEDULED";
  if (becameScheduled && form.sendConfirmation) {
    await db().$transaction((tx) => sendAppointmentConfirmation(tx, { dealerId: staff.dealerId, appointmentId: saved.id, now }));
  }
  return { id: saved.id };
}
