import "server-only";
import { z } from "zod";
import type { SettingsChange } from "@/lib/dealers/settings-change";
import { entityLabels } from "@/lib/dealers/settings-history-labels";
import { db } from "@/lib/db";

/**
 * The dealer's settings change history: the `settings.changed` audit rows (recordSettingsChange), newest
 * first, a page at a time, with who made each change and every changed field before → after as text.
 */

export const HISTORY_PAGE_SIZE = 50;

const entityList: Record<SettingsChange["entity"], true> = {
  dealer: true,
  theme: true,
  site: true,
  service: true,
  terms: true,
  template: true,
  staff: true,
  api_key: true,
  webhook_endpoint: true,
};
export const SETTINGS_ENTITIES = Object.keys(entityList) as SettingsChange["entity"][];

/** `?before=` (the id of the last row seen) and `?entity=`; anything else shows the newest page unfiltered. */
export const historyQuerySchema = z.object({
  before: z.uuid().optional().catch(undefined),
  entity: z.enum(SETTINGS_ENTITIES).optional().catch(undefined),
});
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

const changeSchema = z.object({
  entity: z.enum(SETTINGS_ENTITIES),
  entityId: z.string(),
  change: z.enum(["created", "updated", "deleted", "published", "reordered"]),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});

export type HistoryValue =
  | { type: "empty" }
  | { type: "boolean"; value: boolean }
  | { type: "text"; text: string }
  /** A field that looks like a credential: never shown, even if a writer forgot to leave it out. */
  | { type: "hidden" };

export type HistoryEntry = {
  id: string;
  at: Date;
  /** The staff member's name; null when the actor is gone or was not staff. */
  actor: string | null;
  entity: SettingsChange["entity"];
  change: SettingsChange["change"];
  /** Which record: its current name, or the name the change itself carries. */
  label: string | null;
  fields: { name: string; before: HistoryValue; after: HistoryValue }[];
};

export type HistoryPage = { entries: HistoryEntry[]; nextCursor: string | null; timeZone: string };

const MAX_VALUE_CHARS = 200;
const SECRET_FIELD = /secret|hash|password|token/i;
/** A whole API key or signing secret anywhere in a value (a key's 10-character prefix is fine to show). */
const SECRET_VALUE = /glk_[A-Za-z0-9_-]{32}|whsec_[A-Za-z0-9_-]{16,}/;
const MASK = "••••";

/** Values as text: strings as they are, everything else as JSON with credentials masked; long ones cut. */
export function historyValue(name: string, value: unknown): HistoryValue {
  if (SECRET_FIELD.test(name) || (typeof value === "string" && SECRET_VALUE.test(value))) return { type: "hidden" };
  if (value === null || value === undefined) return { type: "empty" };
  if (typeof value === "boolean") return { type: "boolean", value };
  const text =
    typeof value === "string"
      ? value
      : isListOfWords(value)
        ? value.join(", ")
        : JSON.stringify(value, (key, inner: unknown) =>
            SECRET_FIELD.test(key) || (typeof inner === "string" && SECRET_VALUE.test(inner)) ? MASK : inner,
          );
  const chars = Array.from(text);
  return { type: "text", text: chars.length > MAX_VALUE_CHARS ? `${chars.slice(0, MAX_VALUE_CHARS - 1).join("")}…` : text };
}

/** A list of plain values (events, makes, models) reads as "a, b" rather than as JSON. */
function isListOfWords(value: unknown): value is (string | number)[] {
  return (
    Array.isArray(value) &&
    value.every((item) => typeof item === "string" || typeof item === "number") &&
    !value.some((item) => typeof item === "string" && SECRET_VALUE.test(item))
  );
}

/** The dealer's first site's time zone: the history and key lists read in the dealer's local time. */
export async function dealerTimeZone(dealerId: string): Promise<string> {
  const site = await db().site.findFirst({
    where: { dealerId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { timeZone: true },
  });
  return site?.timeZone ?? "UTC";
}

export async function listSettingsHistory(input: { dealerId: string } & HistoryQuery): Promise<HistoryPage> {
  const { dealerId } = input;
  // A cursor is a row of this dealer's history; one that is not (forged, another dealer's) starts over.
  const cursor = input.before
    ? await db().auditEvent.findFirst({
        where: { id: input.before, dealerId, type: "settings.changed" },
        select: { id: true, createdAt: true },
      })
    : null;
  const [rows, timeZone] = await Promise.all([
    db().auditEvent.findMany({
      where: {
        // appointmentId: null lets the (dealerId, appointmentId, createdAt) index serve the order.
        dealerId,
        appointmentId: null,
        type: "settings.changed",
        ...(input.entity ? { data: { path: ["entity"], equals: input.entity } } : {}),
        ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
      },
      select: { id: true, createdAt: true, actorType: true, actorId: true, data: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: HISTORY_PAGE_SIZE + 1,
    }),
    dealerTimeZone(dealerId),
  ]);
  const page = rows.slice(0, HISTORY_PAGE_SIZE);
  const parsed = page.flatMap((row) => {
    const data = changeSchema.safeParse(row.data);
    return data.success ? [{ row, data: data.data }] : [];
  });
  const actorIds = [...new Set(page.flatMap((row) => (row.actorType === "STAFF" && row.actorId ? [row.actorId] : [])))];
  const [staff, labels] = await Promise.all([
    db().staffUser.findMany({ where: { dealerId, id: { in: actorIds } }, select: { id: true, name: true } }),
    entityLabels(
      dealerId,
      parsed.map(({ data }) => data),
    ),
  ]);
  const names = new Map(staff.map((s) => [s.id, s.name]));
  const entries = parsed.map(({ row, data }): HistoryEntry => {
    const keys = [...new Set([...Object.keys(data.before ?? {}), ...Object.keys(data.after ?? {})])];
    return {
      id: row.id,
      at: row.createdAt,
      actor: row.actorType === "STAFF" && row.actorId ? (names.get(row.actorId) ?? null) : null,
      entity: data.entity,
      change: data.change,
      label: labels.get(`${data.entity}:${data.entityId}`) ?? labelFromFields(data.after) ?? labelFromFields(data.before),
      fields: keys.map((name) => ({
        name,
        before: data.before ? historyValue(name, data.before[name]) : { type: "empty" },
        after: data.after ? historyValue(name, data.after[name]) : { type: "empty" },
      })),
    };
  });
  const last = page.at(-1);
  return { entries, nextCursor: rows.length > HISTORY_PAGE_SIZE && last ? last.id : null, timeZone };
}

function labelFromFields(fields: Record<string, unknown> | null): string | null {
  for (const key of ["name", "title", "url"]) {
    const value = fields?.[key];
    if (typeof value === "string" && value.trim() !== "") return Array.from(value).slice(0, 80).join("");
  }
  return null;
}
