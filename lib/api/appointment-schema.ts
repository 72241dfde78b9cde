import "server-only";
import { z } from "zod";
import { AppError, zodFieldErrors, type FieldError } from "@/lib/errors";
import {
  amountProblem,
  instantSchema,
  isObject,
  moneyStringSchema,
  optionalInstantSchema,
  optionalText,
  quantitySchema,
  requiredText,
  vatRateSchema,
} from "@/lib/api/fields";

/** The DMS's own appointment id (api-v1.md): 1–64 of `[A-Za-z0-9._-]`. */
export const EXTERNAL_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

export function isExternalId(value: string): boolean {
  return EXTERNAL_ID_PATTERN.test(value);
}

const E164 = /^\+[1-9]\d{6,14}$/;

const knownCurrencies = new Set(Intl.supportedValuesOf("currency"));

export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, "an ISO 4217 code in capitals, like EUR")
  .refine((code) => knownCurrencies.has(code), "an ISO 4217 currency this server knows");

export const contactRoles = ["driver", "owner", "contractor"] as const;

const contactSchema = z
  .object({
    role: z.enum(contactRoles),
    firstName: optionalText(100),
    lastName: optionalText(100),
    email: z
      .email()
      .max(254)
      .nullish()
      .transform((value) => value ?? null),
    phone: z
      .string()
      .regex(E164, "an E.164 number, like +32470123456")
      .nullish()
      .transform((value) => value ?? null),
    // Any language tag is accepted: an unsupported one falls back to the dealer's default (api-v1.md).
    language: optionalText(35),
  })
  .superRefine((contact, ctx) => {
    if (!contact.email && !contact.phone) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "an e-mail address or a phone number is required" });
    }
    if (!contact.firstName && !contact.lastName) {
      ctx.addIssue({ code: "custom", path: ["lastName"], message: "a first or last name is required" });
    }
  });

const plannedWorkLineSchema = z.object({
  code: optionalText(40),
  title: requiredText(200),
  remarks: optionalText(2000, { multiline: true }),
  quantity: quantitySchema.default("1"),
  unitPrice: moneyStringSchema,
  vatRate: vatRateSchema,
});

const vehicleSchema = z.object({
  vin: optionalText(32),
  registration: optionalText(32),
  make: optionalText(64),
  model: optionalText(64),
  modelYear: z
    .number()
    .int()
    .min(1886)
    .max(2100)
    .nullish()
    .transform((value) => value ?? null),
  mileageKm: z
    .number()
    .int()
    .min(0)
    .max(10_000_000)
    .nullish()
    .transform((value) => value ?? null),
});

const mileage = z
  .number()
  .int()
  .min(0)
  .max(10_000_000)
  .nullish()
  .transform((value) => value ?? null);

/**
 * What the customer asked for when requesting the appointment (seed 000), filled in by the advisor on
 * the customer's behalf or pushed by a DMS: additive to api-v1, optional. When a body has no `intake`
 * the stored one is kept.
 */
const intakeSchema = z.object({
  requestedServiceMileageKm: mileage,
  lastServiceMileageKm: mileage,
  lastServiceDate: z.iso
    .date()
    .nullish()
    .transform((value) => value ?? null),
  preferredDates: z.array(requiredText(100)).max(5).default([]),
  dropOffPreference: optionalText(1000, { multiline: true }),
  proposalExpiresAt: optionalInstantSchema,
});

const noVehicle = { vin: null, registration: null, make: null, model: null, modelYear: null, mileageKm: null };

/**
 * The body of `PUT /api/v1/appointments/{externalId}`: the whole appointment as the DMS sees it.
 * Unknown fields are ignored (a newer DMS may send more). Defaults are the database's: status
 * "scheduled", service "maintenance", currency "EUR", no planned work.
 */
export const appointmentBodySchema = z
  .object({
    site: z.string().max(64).nullish(),
    status: z.enum(["requested", "scheduled", "cancelled", "finalized"]).default("scheduled"),
    serviceType: z.enum(["maintenance", "repair", "both", "other"]).default("maintenance"),
    startsAt: instantSchema,
    dropOffAt: optionalInstantSchema,
    pickUpAt: optionalInstantSchema,
    currency: currencySchema.default("EUR"),
    workOrderRef: optionalText(64),
    vehicle: vehicleSchema.nullish().transform((value) => value ?? noVehicle),
    contacts: z.array(contactSchema).min(1).max(3),
    plannedWork: z.array(plannedWorkLineSchema).max(100).default([]),
    intake: intakeSchema.optional(),
  })
  .superRefine(
    (body, ctx) => {
      // Runs even when other fields failed (`when`), so that every error is listed at once.
      const raw: unknown = body;
      if (!isObject(raw)) return;
      const contacts: unknown[] = Array.isArray(raw.contacts) ? raw.contacts : [];
      // Seed 000: a proposal must expire before the appointment it proposes.
      if (isObject(raw.intake) && raw.intake.proposalExpiresAt instanceof Date && raw.startsAt instanceof Date) {
        if (raw.intake.proposalExpiresAt >= raw.startsAt) {
          ctx.addIssue({ code: "custom", path: ["intake", "proposalExpiresAt"], message: "must be before the appointment" });
        }
      }
      const seen = new Set<unknown>();
      contacts.forEach((contact, index) => {
        const role = isObject(contact) ? contact.role : undefined;
        if (typeof role !== "string") return;
        if (seen.has(role)) ctx.addIssue({ code: "custom", path: ["contacts", index, "role"], message: "each role at most once" });
        seen.add(role);
      });
      const currency = raw.currency === undefined ? "EUR" : raw.currency;
      if (typeof currency !== "string" || !currencySchema.safeParse(currency).success) return;
      const lines: unknown[] = Array.isArray(raw.plannedWork) ? raw.plannedWork : [];
      lines.forEach((line, index) => {
        const price = isObject(line) ? line.unitPrice : undefined;
        if (typeof price !== "string" || !moneyStringSchema.safeParse(price).success) return;
        const message = amountProblem(price, currency);
        if (message) ctx.addIssue({ code: "custom", path: ["plannedWork", index, "unitPrice"], message });
      });
    },
    { when: (payload) => isObject(payload.value) },
  );

export type AppointmentBody = z.output<typeof appointmentBodySchema>;

/**
 * The externalId from the path and the body, validated together so that one 422 lists every error
 * (the path's included, as `externalId`).
 */
export function parseAppointmentPut(externalId: string, value: unknown): AppointmentBody {
  const errors: FieldError[] = isExternalId(externalId) ? [] : [{ path: "externalId", message: "1–64 of A–Z, a–z, 0–9, '.', '_', '-'" }];
  const parsed = appointmentBodySchema.safeParse(value);
  if (!parsed.success) errors.push(...zodFieldErrors(parsed.error.issues));
  if (errors.length > 0 || !parsed.success) throw new AppError("validation_failed", "The body has invalid fields.", { errors });
  return parsed.data;
}
