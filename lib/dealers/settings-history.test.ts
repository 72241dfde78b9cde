import { describe, expect, it, vi } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeDealer, makeStaff } from "@/test/fixtures";
import { createApiKeyForStaff, revokeApiKeyForStaff } from "@/lib/api/api-key-admin";
import { writeAudit } from "@/lib/audit";
import type { StaffSession } from "@/lib/auth/session";
import { recordSettingsChange } from "@/lib/dealers/settings-change";
import { HISTORY_PAGE_SIZE, historyQuerySchema, historyValue, listSettingsHistory } from "@/lib/dealers/settings-history";
import { db } from "@/lib/db";

vi.mock("@/lib/request-context", () => ({ requestContext: async () => ({ ip: null, userAgent: "vitest" }) }));

withMigratedDatabase();

/** Audit times have millisecond precision: changes meant to be in order must not share one. */
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

async function adminOf(slug: string, timeZone?: string): Promise<StaffSession & { siteId: string }> {
  const dealer = await makeDealer(slug, timeZone);
  const email = `admin@${slug}.test`;
  const staff = await makeStaff(dealer.id, email, "ADMIN");
  return { sessionId: "s", staffUserId: staff.id, dealerId: dealer.id, role: "ADMIN", name: "admin", email, siteId: dealer.siteId };
}

describe("settings history", () => {
  it("lists only this dealer's settings changes, newest first, with who, what, which record and each field before → after", async () => {
    const admin = await adminOf("history-list", "America/New_York");
    const other = await adminOf("history-list-other");
    await db().$transaction((tx) =>
      recordSettingsChange(tx, {
        staff: admin,
        entity: "site",
        entityId: admin.siteId,
        change: "updated",
        before: { phone: "+32 2 000 00 00", showPrices: true, windowDays: 3 },
        after: { phone: "+32 9 111 11 11", showPrices: false, windowDays: 3 },
      }),
    );
    await pause();
    const key = await createApiKeyForStaff(admin, { name: "Workshop DMS" });
    await pause();
    await revokeApiKeyForStaff(admin, { id: key.id });
    await createApiKeyForStaff(other, { name: "Other DMS" });

    const page = await listSettingsHistory({ dealerId: admin.dealerId });
    expect(page.timeZone).toBe("America/New_York");
    expect(page.nextCursor).toBeNull();
    expect(page.entries.map(({ at: _at, id: _id, ...entry }) => entry)).toEqual([
      {
        actor: "admin",
        entity: "api_key",
        change: "updated",
        label: "Workshop DMS",
        fields: [{ name: "status", before: { type: "text", text: "active" }, after: { type: "text", text: "revoked" } }],
      },
      {
        actor: "admin",
        entity: "api_key",
        change: "created",
        label: "Workshop DMS",
        fields: [
          { name: "name", before: { type: "empty" }, after: { type: "text", text: "Workshop DMS" } },
          { name: "prefix", before: { type: "empty" }, after: { type: "text", text: key.prefix } },
          { name: "status", before: { type: "empty" }, after: { type: "text", text: "active" } },
        ],
      },
      {
        actor: "admin",
        entity: "site",
        change: "updated",
        label: "history-list main site",
        // Only what changed: the window stayed at 3 days.
        fields: [
          { name: "phone", before: { type: "text", text: "+32 2 000 00 00" }, after: { type: "text", text: "+32 9 111 11 11" } },
          { name: "showPrices", before: { type: "boolean", value: true }, after: { type: "boolean", value: false } },
        ],
      },
    ]);
    expect(JSON.stringify(page)).not.toContain("Other DMS");
    expect(JSON.stringify(page)).not.toContain(key.key);
  });

  it("pages 50 at a time with ?before=, ties on the same instant included, and filters by entity", async () => {
    const admin = await adminOf("history-pages");
    const other = await adminOf("history-pages-other");
    const start = Date.UTC(2026, 0, 1);
    // Pairs share a timestamp, so the order must break ties by id and lose nothing at a page edge.
    await db().auditEvent.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        dealerId: admin.dealerId,
        actorType: "STAFF" as const,
        actorId: admin.staffUserId,
        type: "settings.changed",
        createdAt: new Date(start + Math.floor(i / 2) * 1000),
        data: { entity: i % 3 === 0 ? "theme" : "service", entityId: `e${i}`, change: "updated", before: { n: i }, after: { n: i + 1 } },
      })),
    });
    await writeAudit(db(), {
      dealerId: admin.dealerId,
      actor: { type: "STAFF", id: admin.staffUserId },
      event: { type: "staff.signed_in" },
    });

    const seen: number[] = [];
    let before: string | undefined;
    const sizes: number[] = [];
    for (;;) {
      const page = await listSettingsHistory({ dealerId: admin.dealerId, before });
      sizes.push(page.entries.length);
      for (const entry of page.entries) seen.push(Number((entry.fields[0]?.before as { text: string }).text));
      if (!page.nextCursor) break;
      before = page.nextCursor;
    }
    expect(sizes).toEqual([HISTORY_PAGE_SIZE, HISTORY_PAGE_SIZE, 20]);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    // Newest first: the instant never goes up from one row to the next.
    const instants = seen.map((n) => Math.floor(n / 2));
    expect(instants).toEqual([...instants].sort((a, b) => b - a));

    const themes = await listSettingsHistory({ dealerId: admin.dealerId, entity: "theme" });
    expect(themes.entries).toHaveLength(40);
    expect(themes.entries.every((entry) => entry.entity === "theme")).toBe(true);

    // Another dealer's cursor is not a place in this history: the newest page again, nothing of theirs.
    await createApiKeyForStaff(other, { name: "Theirs" });
    const [theirs] = (await listSettingsHistory({ dealerId: other.dealerId })).entries;
    const forged = await listSettingsHistory({ dealerId: admin.dealerId, before: theirs!.id });
    expect(forged.entries[0]?.id).toBe((await listSettingsHistory({ dealerId: admin.dealerId })).entries[0]?.id);
    expect(await listSettingsHistory({ dealerId: other.dealerId, before: forged.nextCursor ?? undefined })).toMatchObject({
      entries: [{ label: "Theirs" }],
    });
  });

  it("reads ?before and ?entity with zod: anything malformed is ignored", () => {
    const id = "0b0a8d5e-1c2f-4a3b-9c8d-7e6f5a4b3c2d";
    expect(historyQuerySchema.parse({ before: id, entity: "site" })).toEqual({ before: id, entity: "site" });
    expect(historyQuerySchema.parse({ before: "' OR 1=1 --", entity: "secrets" })).toEqual({});
    expect(historyQuerySchema.parse({ before: [id, id], entity: ["site"] })).toEqual({});
  });

  it("never shows a secret, a hash or a key, even one a writer forgot to leave out; long values are cut", async () => {
    const admin = await adminOf("history-secrets");
    const leaked = {
      secret: "whsec_leaked",
      passwordHash: "$argon2id$leaked",
      note: "the key is glk_leakedleakedleakedleakedleakedle",
      endpoint: { signing: "whsec_leakedleakedleakedleaked" },
      nested: { token: "tok-leaked", ok: "visible" },
      long: "é".repeat(500),
      script: "<script>alert(1)</script>",
    };
    await db().$transaction((tx) =>
      recordSettingsChange(tx, {
        staff: admin,
        entity: "webhook_endpoint",
        entityId: "gone",
        change: "deleted",
        before: leaked,
        after: null,
      }),
    );
    const [entry] = (await listSettingsHistory({ dealerId: admin.dealerId })).entries;
    const text = JSON.stringify(entry);
    for (const secret of ["whsec_leaked", "$argon2id$leaked", "glk_leaked", "tok-leaked"]) expect(text).not.toContain(secret);
    const byName = Object.fromEntries(entry!.fields.map((field) => [field.name, field.before]));
    expect(byName).toEqual({
      secret: { type: "hidden" },
      passwordHash: { type: "hidden" },
      note: { type: "hidden" },
      endpoint: { type: "text", text: '{"signing":"••••"}' },
      nested: { type: "text", text: '{"ok":"visible","token":"••••"}' },
      long: { type: "text", text: `${"é".repeat(199)}…` },
      // Text stays text: React escapes it when it is rendered.
      script: { type: "text", text: "<script>alert(1)</script>" },
    });
    expect(entry!.fields.every((field) => field.after.type === "empty")).toBe(true);
    expect(historyValue("windowDays", 3)).toEqual({ type: "text", text: "3" });
    expect(historyValue("events", ["checkin.opened", "report.responded"])).toEqual({
      type: "text",
      text: "checkin.opened, report.responded",
    });
    expect(historyValue("keys", ["x", "glk_leakedleakedleakedleakedleakedle"])).toEqual({ type: "text", text: '["x","••••"]' });
  });

  it("names no one for an actor outside the dealer, and skips a row it cannot read", async () => {
    const admin = await adminOf("history-actors");
    const stranger = await adminOf("history-actors-other");
    await writeAudit(db(), {
      dealerId: admin.dealerId,
      actor: { type: "STAFF", id: stranger.staffUserId },
      event: { type: "settings.changed", entity: "theme", entityId: admin.dealerId, change: "updated", before: { a: 1 }, after: { a: 2 } },
    });
    await db().auditEvent.create({
      data: { dealerId: admin.dealerId, actorType: "SYSTEM", type: "settings.changed", data: { nonsense: true } },
    });
    const page = await listSettingsHistory({ dealerId: admin.dealerId });
    expect(page.entries).toMatchObject([{ actor: null, entity: "theme" }]);
    expect(JSON.stringify(page)).not.toContain("history-actors-other");
  });
});
