import "server-only";
import type { z } from "zod";
import { writeAudit } from "@/lib/audit";
import { dealerAction } from "@/lib/auth/dealer-action";
import type { StaffSession } from "@/lib/auth/session";
import { invalidateDealerCache } from "@/lib/dealers/dealer-cache";
import type { Tx } from "@/lib/db";
import type { StaffRole } from "@/lib/db/generated/client";
import { requestContext } from "@/lib/request-context";

type Fields = Record<string, unknown>;

export type SettingsChange = {
  staff: StaffSession;
  entity: "dealer" | "theme" | "site" | "service" | "terms" | "template" | "staff" | "api_key" | "webhook_endpoint";
  entityId: string;
  change: "created" | "updated" | "deleted" | "published" | "reordered";
  /** The record's fields before the change (null when created); secrets must be left out by the caller. */
  before: Fields | null;
  /** The record's fields after the change (null when deleted). */
  after: Fields | null;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Only the fields that changed, before and after, so the history reads "primary colour #1f4e79 →
 * #0b5" rather than two copies of the whole record. A creation or deletion keeps every field.
 */
export function changedFields(before: Fields | null, after: Fields | null): { before: Fields | null; after: Fields | null } {
  if (!before || !after) return { before, after };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !same(before[key], after[key]));
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key] ?? null])),
    after: Object.fromEntries(keys.map((key) => [key, after[key] ?? null])),
  };
}

/**
 * Appends the audit row of a settings change (who, when, before/after), in the caller's transaction.
 * An update that changed nothing writes nothing and returns false.
 */
export async function recordSettingsChange(tx: Tx, change: SettingsChange): Promise<boolean> {
  const { before, after } = changedFields(change.before, change.after);
  if (change.change === "updated" && before && Object.keys(before).length === 0) return false;
  await writeAudit(tx, {
    dealerId: change.staff.dealerId,
    actor: { type: "STAFF", id: change.staff.staffUserId },
    event: { type: "settings.changed", entity: change.entity, entityId: change.entityId, change: change.change, before, after },
    context: await requestContext(),
  });
  return true;
}

/**
 * A back-office action that changes a dealer setting: `dealerAction`, plus the per-dealer cache of
 * customer pages (brand, services, terms) forgotten once the change has committed, so no settings
 * writer can forget it. `fn` records its change with `recordSettingsChange` in its own transaction.
 */
export function settingsAction<S extends z.ZodType, T>(
  roles: readonly StaffRole[],
  schema: S,
  fn: (args: { staff: StaffSession; input: z.infer<S> }) => Promise<T>,
) {
  return dealerAction(roles, schema, async (args) => {
    try {
      return await fn(args);
    } finally {
      // Also after a failure: a transaction may have committed before a later step threw.
      invalidateDealerCache(args.staff.dealerId);
    }
  });
}
