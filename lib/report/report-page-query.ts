import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/db/generated/client";
import { AppointmentStatus, MessageAuthor, ReportCategory, ReportDecisionValue, ReportState } from "@/lib/db/generated/enums";
import { jsonTimestamp } from "@/lib/db/json-timestamp";

/**
 * One statement for everything of one customer that the report page shows: the token (by its hash), its
 * appointment (scoped to the token's dealer), the recipient's contact, the report with its decisions and
 * messages, and the visible items — with lines and attachments — of the published version and of the
 * version the customer answered (only those two: the others are never shown). Orders match the former
 * Prisma selects of getReportByToken.
 */
export function reportPageQuery(tokenHash: string): Prisma.Sql {
  return Prisma.sql`
SELECT json_build_object(
  'purpose', t."purpose",
  'dealerId', t."dealerId",
  'appointmentId', t."appointmentId",
  'expiresAt', t."expiresAt",
  'revokedAt', t."revokedAt",
  'appointment', (
    SELECT json_build_object(
      'siteId', a."siteId", 'status', a."status", 'currency', a."currency",
      'vehicleMake', a."vehicleMake", 'vehicleModel', a."vehicleModel", 'vehicleRegistration', a."vehicleRegistration",
      'contact', (
        SELECT json_build_object('firstName', c."firstName", 'locale', c."locale")
          FROM "AppointmentContact" c
         WHERE c."appointmentId" = a."id" AND c."role" = t."recipientRole"
         LIMIT 1),
      'report', (
        SELECT json_build_object(
          'state', r."state", 'publishedVersion', r."publishedVersion", 'answeredVersion', r."answeredVersion",
          'respondedAt', r."respondedAt", 'finalComment', r."finalComment", 'advisorName', r."advisorName",
          'decisions', (
            SELECT coalesce(json_agg(json_build_object(
                     'itemKey', d."itemKey", 'decision', d."decision", 'reason', d."reason", 'remindAt', d."remindAt")), '[]')
              FROM "ReportDecision" d
             WHERE d."reportId" = r."id"),
          'messages', (
            SELECT coalesce(json_agg(json_build_object(
                     'id', m."id", 'itemKey', m."itemKey", 'author', m."author", 'body', m."body", 'createdAt', m."createdAt")
                   ORDER BY m."createdAt"), '[]')
              FROM "ReportItemMessage" m
             WHERE m."reportId" = r."id"),
          'versions', (
            SELECT coalesce(json_agg(json_build_object(
                     'number', v."number", 'note', v."note",
                     'items', (
                       SELECT coalesce(json_agg(json_build_object(
                                'key', i."key", 'category', i."category", 'title', i."title", 'description', i."description",
                                'lines', (
                                  SELECT coalesce(json_agg(json_build_object(
                                           'title', l."title", 'quantityMilli', l."quantityMilli",
                                           'unitPriceMinor', l."unitPriceMinor", 'vatRateBp', l."vatRateBp")
                                         ORDER BY l."position"), '[]')
                                    FROM "ReportLine" l
                                   WHERE l."itemId" = i."id"),
                                'attachments', (
                                  SELECT coalesce(json_agg(json_build_object('assetId', x."assetId", 'contentType', f."contentType")
                                         ORDER BY x."position"), '[]')
                                    FROM "ReportItemAttachment" x
                                    JOIN "Asset" f ON f."id" = x."assetId"
                                   WHERE x."itemId" = i."id"))
                              ORDER BY i."position"), '[]')
                         FROM "ReportItem" i
                        WHERE i."versionId" = v."id" AND i."visible")
                   )), '[]')
              FROM "ReportVersion" v
             WHERE v."reportId" = r."id" AND v."number" IN (r."publishedVersion", r."answeredVersion"))
        )
          FROM "Report" r
         WHERE r."appointmentId" = a."id")
    )
      FROM "Appointment" a
     WHERE a."id" = t."appointmentId" AND a."dealerId" = t."dealerId")
) AS "link"
  FROM "AccessToken" t
 WHERE t."tokenHash" = ${tokenHash}`;
}

const version = z.object({
  number: z.number().int(),
  note: z.string().nullable(),
  items: z.array(
    z.object({
      key: z.string(),
      category: z.enum(ReportCategory),
      title: z.string(),
      description: z.string().nullable(),
      lines: z.array(
        z.object({ title: z.string(), quantityMilli: z.number().int(), unitPriceMinor: z.number().int(), vatRateBp: z.number().int() }),
      ),
      attachments: z.array(z.object({ assetId: z.string(), contentType: z.string() })),
    }),
  ),
});

const report = z.object({
  state: z.enum(ReportState),
  publishedVersion: z.number().int().nullable(),
  answeredVersion: z.number().int().nullable(),
  respondedAt: jsonTimestamp.nullable(),
  finalComment: z.string().nullable(),
  advisorName: z.string().nullable(),
  decisions: z.array(
    z.object({
      itemKey: z.string(),
      decision: z.enum(ReportDecisionValue).nullable(),
      reason: z.string().nullable(),
      remindAt: jsonTimestamp.nullable(),
    }),
  ),
  messages: z.array(
    z.object({ id: z.string(), itemKey: z.string(), author: z.enum(MessageAuthor), body: z.string(), createdAt: jsonTimestamp }),
  ),
  versions: z.array(version),
});

/** The statement's one column, checked: a raw statement has no generated types to lean on. */
export const reportPageRow = z
  .object({
    link: z.object({
      purpose: z.string(),
      dealerId: z.string(),
      appointmentId: z.string(),
      expiresAt: jsonTimestamp,
      revokedAt: jsonTimestamp.nullable(),
      appointment: z
        .object({
          siteId: z.string(),
          status: z.enum(AppointmentStatus),
          currency: z.string(),
          vehicleMake: z.string().nullable(),
          vehicleModel: z.string().nullable(),
          vehicleRegistration: z.string().nullable(),
          contact: z.object({ firstName: z.string(), locale: z.string() }).nullable(),
          report: report.nullable(),
        })
        .nullable(),
    }),
  })
  .transform((row) => row.link);

export type ReportPageVersion = z.output<typeof version>;
