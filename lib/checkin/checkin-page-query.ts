import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/db/generated/client";
import { AppointmentStatus, ContactRole, ServiceType } from "@/lib/db/generated/enums";
import { jsonTimestamp } from "@/lib/db/json-timestamp";

/**
 * One statement for everything of one customer that the check-in page shows: the token (by its hash),
 * its appointment (scoped to the token's dealer), the recipient's contact, the planned work, the check-in
 * and the answer shown — the open draft, else the last confirmed revision — with its selections, remarks
 * and their attachments. Orders match what getCheckinAnswer and the page's former Prisma selects used.
 */
export function checkinPageQuery(tokenHash: string): Prisma.Sql {
  return Prisma.sql`
SELECT json_build_object(
  'purpose', t."purpose",
  'dealerId', t."dealerId",
  'recipientRole', t."recipientRole",
  'expiresAt', t."expiresAt",
  'revokedAt', t."revokedAt",
  'appointment', (
    SELECT json_build_object(
      'id', a."id", 'siteId', a."siteId", 'status', a."status", 'serviceType', a."serviceType",
      'startsAt', a."startsAt", 'dropOffAt', a."dropOffAt", 'pickUpAt', a."pickUpAt", 'currency', a."currency",
      'vehicleMake', a."vehicleMake", 'vehicleModel', a."vehicleModel", 'vehicleModelYear', a."vehicleModelYear",
      'vehicleRegistration', a."vehicleRegistration", 'vehicleMileageKm', a."vehicleMileageKm",
      'contact', (
        SELECT json_build_object('firstName', c."firstName", 'lastName', c."lastName", 'email', c."email", 'phone', c."phone", 'locale', c."locale")
          FROM "AppointmentContact" c
         WHERE c."appointmentId" = a."id" AND c."role" = t."recipientRole"),
      'plannedWork', (
        SELECT coalesce(json_agg(json_build_object(
                 'id', w."id", 'title', w."title", 'remarks', w."remarks",
                 'quantityMilli', w."quantityMilli", 'unitPriceMinor', w."unitPriceMinor", 'vatRateBp', w."vatRateBp",
                 'source', w."source")
               ORDER BY w."position"), '[]')
          FROM "PlannedWorkLine" w
         WHERE w."appointmentId" = a."id"),
      'checkIn', (
        SELECT json_build_object(
          'closesAt', ci."closesAt",
          'currentRevision', ci."currentRevision",
          'revision', (
            SELECT json_build_object(
              'number', r."number", 'submittedAt', r."submittedAt",
              'correctedEmail', r."correctedEmail", 'correctedPhone', r."correctedPhone",
              'selections', (
                SELECT coalesce(json_agg(json_build_object(
                         'optionalServiceId', s."optionalServiceId", 'title', s."title", 'quantityMilli', s."quantityMilli",
                         'unitPriceMinor', s."unitPriceMinor", 'vatRateBp', s."vatRateBp")
                       ORDER BY s."title"), '[]')
                  FROM "CheckInSelection" s
                 WHERE s."revisionId" = r."id"),
              'comments', (
                SELECT coalesce(json_agg(json_build_object(
                         'id', m."id", 'title', m."title", 'description', m."description",
                         'attachments', (
                           SELECT coalesce(json_agg(json_build_object('assetId', x."assetId", 'contentType', f."contentType")
                                  ORDER BY x."position"), '[]')
                             FROM "CommentAttachment" x
                             JOIN "Asset" f ON f."id" = x."assetId"
                            WHERE x."commentId" = m."id"))
                       ORDER BY m."position"), '[]')
                  FROM "CheckInComment" m
                 WHERE m."revisionId" = r."id"))
              FROM "CheckInRevision" r
             WHERE r."checkInId" = ci."id" AND r."number" IN (ci."currentRevision", ci."currentRevision" + 1)
             ORDER BY r."number" DESC
             LIMIT 1))
          FROM "CheckIn" ci
         WHERE ci."appointmentId" = a."id" AND ci."dealerId" = a."dealerId")
    )
      FROM "Appointment" a
     WHERE a."id" = t."appointmentId" AND a."dealerId" = t."dealerId")
) AS "link"
  FROM "AccessToken" t
 WHERE t."tokenHash" = ${tokenHash}`;
}

const revision = z.object({
  number: z.number().int(),
  submittedAt: jsonTimestamp.nullable(),
  correctedEmail: z.string().nullable(),
  correctedPhone: z.string().nullable(),
  selections: z.array(
    z.object({
      optionalServiceId: z.string(),
      title: z.string(),
      quantityMilli: z.number().int(),
      unitPriceMinor: z.number().int(),
      vatRateBp: z.number().int(),
    }),
  ),
  comments: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      attachments: z.array(z.object({ assetId: z.string(), contentType: z.string() })),
    }),
  ),
});

const checkIn = z.object({ closesAt: jsonTimestamp, currentRevision: z.number().int(), revision: revision.nullable() });

/** The statement's one column, checked: a raw statement has no generated types to lean on. */
export const checkinPageRow = z
  .object({
    link: z.object({
      purpose: z.string(),
      dealerId: z.string(),
      recipientRole: z.enum(ContactRole),
      expiresAt: jsonTimestamp,
      revokedAt: jsonTimestamp.nullable(),
      appointment: z
        .object({
          id: z.string(),
          siteId: z.string(),
          status: z.enum(AppointmentStatus),
          serviceType: z.enum(ServiceType),
          startsAt: jsonTimestamp,
          dropOffAt: jsonTimestamp.nullable(),
          pickUpAt: jsonTimestamp.nullable(),
          currency: z.string(),
          vehicleMake: z.string().nullable(),
          vehicleModel: z.string().nullable(),
          vehicleModelYear: z.number().int().nullable(),
          vehicleRegistration: z.string().nullable(),
          vehicleMileageKm: z.number().int().nullable(),
          contact: z
            .object({
              firstName: z.string(),
              lastName: z.string(),
              email: z.string().nullable(),
              phone: z.string().nullable(),
              locale: z.string(),
            })
            .nullable(),
          plannedWork: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              remarks: z.string().nullable(),
              quantityMilli: z.number().int(),
              unitPriceMinor: z.number().int(),
              vatRateBp: z.number().int(),
              source: z.string(),
            }),
          ),
          checkIn: checkIn.nullable(),
        })
        .nullable(),
    }),
  })
  .transform((row) => row.link);

export type CheckinPageRow = z.output<typeof checkinPageRow>;
export type CheckinPageCheckIn = z.output<typeof checkIn>;
