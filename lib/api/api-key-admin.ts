import "server-only";
import { z } from "zod";
import { createApiKey, revokeApiKey } from "@/lib/api/api-keys";
import type { StaffSession } from "@/lib/auth/session";
import { recordSettingsChange } from "@/lib/dealers/settings-change";
import { requiredText } from "@/lib/dealers/settings-fields";
import { dealerTimeZone } from "@/lib/dealers/settings-history";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { webhookEventTypes, type WebhookEventType } from "@/lib/webhooks/emit";
import {
  createWebhookEndpoint,
  deactivateWebhookEndpoint,
  listWebhookEndpoints,
  webhookUrlRefusal,
  type WebhookEndpointSummary,
} from "@/lib/webhooks/endpoints";

/**
 * The dealer admin's "API keys and webhooks" screen: keys for the DMS and the endpoints that receive
 * webhooks. A key or a signing secret is returned once, to be shown once; the settings history records
 * names, prefixes, URLs and events, never a key, hash or secret.
 */

export const createApiKeySchema = z.object({ name: requiredText(100) });

/** Revoking and deactivating cannot be undone, so the form's confirm button must have been the one pressed. */
const confirmed = z.literal("yes", { message: "confirm" });
export const revokeApiKeySchema = z.object({ id: z.uuid(), confirm: confirmed });
export const deactivateWebhookSchema = z.object({ id: z.uuid(), confirm: confirmed });

export const createWebhookSchema = z.object({
  url: z
    .string({ message: "required" })
    .trim()
    .min(1, { message: "required", abort: true })
    .max(2048, { message: "tooLong", abort: true })
    .superRefine((value, ctx) => {
      const refusal = webhookUrlRefusal(value);
      if (refusal) ctx.addIssue({ code: "custom", message: refusal });
    }),
  // Ticked checkboxes of one name: none is absent, one is a string, several are an array.
  events: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.enum(webhookEventTypes, { message: "invalid" })).min(1, "eventsRequired"),
  ),
});

export type ApiKeySummary = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

export type ApiSettings = { keys: ApiKeySummary[]; endpoints: WebhookEndpointSummary[]; timeZone: string };

export async function loadApiSettings(input: { dealerId: string }): Promise<ApiSettings> {
  const [keys, endpoints, timeZone] = await Promise.all([
    db().apiKey.findMany({
      where: { dealerId: input.dealerId },
      select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    }),
    listWebhookEndpoints({ dealerId: input.dealerId }),
    dealerTimeZone(input.dealerId),
  ]);
  return { keys, endpoints, timeZone };
}

const actorOf = (staff: StaffSession) => ({ type: "STAFF" as const, id: staff.staffUserId });

/** A new key for the staff member's dealer; `key` is the only copy there will ever be. */
export async function createApiKeyForStaff(staff: StaffSession, input: z.infer<typeof createApiKeySchema>) {
  return db().$transaction(async (tx) => {
    const { id, key } = await createApiKey(tx, { dealerId: staff.dealerId, name: input.name, actor: actorOf(staff) });
    const prefix = key.slice(0, 10);
    await recordSettingsChange(tx, {
      staff,
      entity: "api_key",
      entityId: id,
      change: "created",
      before: null,
      after: { name: input.name, prefix, status: "active" },
    });
    return { id, name: input.name, prefix, key };
  });
}

/** Revokes one of the dealer's keys (it is refused at once); another dealer's key is not found. */
export async function revokeApiKeyForStaff(staff: StaffSession, input: { id: string }): Promise<{ revoked: boolean }> {
  return db().$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: input.id, dealerId: staff.dealerId }, select: { id: true } });
    if (!key) throw new AppError("not_found");
    // Already revoked (a second tab, a double submit): nothing changes, nothing to record.
    if (!(await revokeApiKey(tx, { dealerId: staff.dealerId, id: input.id, actor: actorOf(staff) }))) return { revoked: false };
    await recordSettingsChange(tx, {
      staff,
      entity: "api_key",
      entityId: input.id,
      change: "updated",
      before: { status: "active" },
      after: { status: "revoked" },
    });
    return { revoked: true };
  });
}

/** A new endpoint; `secret` (to verify signatures) is shown to the admin this once. */
export async function createWebhookEndpointForStaff(
  staff: StaffSession,
  input: { url: string; events: readonly WebhookEventType[] },
): Promise<{ id: string; url: string; events: WebhookEventType[]; secret: string }> {
  return db().$transaction(async (tx) => {
    const created = await createWebhookEndpoint(tx, {
      dealerId: staff.dealerId,
      url: input.url,
      events: input.events,
      actor: actorOf(staff),
    });
    await recordSettingsChange(tx, {
      staff,
      entity: "webhook_endpoint",
      entityId: created.id,
      change: "created",
      before: null,
      after: { url: created.url, events: created.events, active: true },
    });
    return created;
  });
}

/** Stops deliveries to one of the dealer's endpoints; another dealer's endpoint is not found. */
export async function deactivateWebhookEndpointForStaff(staff: StaffSession, input: { id: string }): Promise<{ deactivated: boolean }> {
  return db().$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: input.id, dealerId: staff.dealerId }, select: { id: true } });
    if (!endpoint) throw new AppError("not_found");
    if (!(await deactivateWebhookEndpoint(tx, { dealerId: staff.dealerId, id: input.id, actor: actorOf(staff) }))) {
      return { deactivated: false };
    }
    await recordSettingsChange(tx, {
      staff,
      entity: "webhook_endpoint",
      entityId: input.id,
      change: "updated",
      before: { active: true },
      after: { active: false },
    });
    return { deactivated: true };
  });
}
