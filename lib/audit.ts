import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/db";
import type { ActorType, Prisma } from "@/lib/db/generated/client";

/**
 * Every customer action and every staff action on a customer's answer appends one event, written in the
 * same transaction as the change. The event kinds are a closed, typed union so that the log stays
 * queryable; later features add their kinds here.
 */
export const auditEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("checkin.opened") }),
  z.object({ type: z.literal("checkin.submitted"), revision: z.number().int().positive(), termsVersionId: z.string().nullable() }),
  z.object({ type: z.literal("checkin.service_selected"), serviceId: z.string(), selected: z.boolean() }),
  z.object({ type: z.literal("checkin.comment_added"), commentId: z.string(), attachments: z.number().int().min(0) }),
  z.object({ type: z.literal("checkin.comment_removed"), commentId: z.string() }),
  z.object({ type: z.literal("checkin.contact_corrected"), email: z.boolean(), phone: z.boolean() }),
  z.object({ type: z.literal("checkin.item_handled"), item: z.enum(["selection", "comment"]), itemId: z.string(), handled: z.boolean() }),
  z.object({
    type: z.literal("checkin.item_converted"),
    item: z.enum(["selection", "comment"]),
    itemId: z.string(),
    lineId: z.string(),
    version: z.number().int().positive(),
  }),
  z.object({
    type: z.literal("checkin.mechanic_visibility"),
    item: z.enum(["comment", "attachment"]),
    itemId: z.string(),
    visible: z.boolean(),
  }),
  z.object({ type: z.literal("report.opened") }),
  z.object({ type: z.literal("report.responded"), version: z.number().int().positive() }),
  z.object({
    type: z.literal("report.item_decided"),
    itemKey: z.string(),
    decision: z.enum(["APPROVED", "DECLINED", "CONTACT"]),
    version: z.number().int().positive(),
  }),
  z.object({ type: z.literal("report.question_asked"), itemKey: z.string() }),
  z.object({ type: z.literal("link.closed_view"), purpose: z.enum(["CHECKIN", "REPORT"]), reason: z.string() }),
  z.object({ type: z.literal("staff.signed_in") }),
  z.object({ type: z.literal("staff.signed_out") }),
  z.object({ type: z.literal("staff.sign_in_failed"), reason: z.enum(["bad_credentials", "rate_limited", "inactive"]) }),
  z.object({ type: z.literal("appointment.upserted"), version: z.number().int().positive(), created: z.boolean() }),
  z.object({ type: z.literal("appointment.cancelled") }),
  z.object({ type: z.literal("appointment.finalized") }),
  z.object({ type: z.literal("checkin.link_sent"), channel: z.enum(["EMAIL", "SMS"]), notificationId: z.string() }),
  z.object({ type: z.literal("report.items_set"), draftVersion: z.number().int().positive() }),
  z.object({
    type: z.literal("report.sent"),
    version: z.number().int().positive(),
    channel: z.enum(["EMAIL", "SMS"]),
    notificationId: z.string(),
  }),
  z.object({ type: z.literal("report.item_authorized"), itemKey: z.string(), authorization: z.enum(["UP", "DOWN"]).nullable() }),
  z.object({ type: z.literal("report.item_pinned"), itemKey: z.string(), pinned: z.boolean() }),
  z.object({ type: z.literal("report.item_snoozed"), itemKey: z.string(), until: z.string().nullable() }),
  z.object({ type: z.literal("report.message_read"), messageId: z.string(), read: z.boolean() }),
  z.object({ type: z.literal("report.reply_sent"), itemKey: z.string(), messageId: z.string() }),
  z.object({
    type: z.literal("report.mechanic_visibility"),
    item: z.enum(["message", "attachment"]),
    id: z.string(),
    visible: z.boolean(),
  }),
  z.object({ type: z.literal("report.closed"), revokedLinks: z.number().int().min(0) }),
  z.object({ type: z.literal("api_key.created"), keyId: z.string() }),
  z.object({ type: z.literal("api_key.revoked"), keyId: z.string() }),
  z.object({ type: z.literal("staff.created"), staffUserId: z.string(), role: z.string() }),
  z.object({ type: z.literal("staff.invitation_accepted"), invitationId: z.string() }),
  z.object({ type: z.literal("dealer.created") }),
  z.object({ type: z.literal("webhook_endpoint.created"), endpointId: z.string(), events: z.array(z.string()) }),
  z.object({ type: z.literal("webhook_endpoint.deactivated"), endpointId: z.string() }),
  // Every change of a dealer setting (issue 7): what, which record, and the changed fields before/after.
  z.object({
    type: z.literal("settings.changed"),
    entity: z.enum(["dealer", "theme", "site", "service", "terms", "template", "staff", "api_key", "webhook_endpoint"]),
    entityId: z.string(),
    change: z.enum(["created", "updated", "deleted", "published", "reordered"]),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
  }),
]);

export type AuditEventData = z.infer<typeof auditEventSchema>;

export type AuditActor = { type: ActorType; id?: string | null };

export type RequestContext = { ip?: string | null; userAgent?: string | null };

export type AuditInput = {
  dealerId: string;
  appointmentId?: string | null;
  actor: AuditActor;
  event: AuditEventData;
  context?: RequestContext;
};

export async function writeAudit(tx: Tx, input: AuditInput): Promise<void> {
  const event = auditEventSchema.parse(input.event);
  const { type, ...data } = event;
  await tx.auditEvent.create({
    data: {
      dealerId: input.dealerId,
      appointmentId: input.appointmentId ?? null,
      actorType: input.actor.type,
      actorId: input.actor.id ?? null,
      type,
      data: data as Prisma.InputJsonValue,
      ip: input.context?.ip?.slice(0, 64) ?? null,
      userAgent: input.context?.userAgent?.slice(0, 512) ?? null,
    },
  });
}
