import { afterEach, describe, expect, it, vi } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeDealer, makeStaff } from "@/test/fixtures";
import {
  createApiKeyForStaff,
  createApiKeySchema,
  createWebhookEndpointForStaff,
  createWebhookSchema,
  deactivateWebhookEndpointForStaff,
  deactivateWebhookSchema,
  loadApiSettings,
  revokeApiKeyForStaff,
  revokeApiKeySchema,
} from "@/lib/api/api-key-admin";
import { withApiKey } from "@/lib/api/with-api-key";
import { runDealerAction } from "@/lib/auth/dealer-action";
import { DEALER_ADMINS } from "@/lib/auth/require-staff";
import type { StaffSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createWebhookEndpointSchema, webhookUrlRefusal } from "@/lib/webhooks/endpoints";

vi.mock("@/lib/request-context", () => ({ requestContext: async () => ({ ip: "192.0.2.7", userAgent: "vitest" }) }));

withMigratedDatabase();

afterEach(() => {
  vi.unstubAllEnvs();
});

async function staffOf(slug: string, role: StaffSession["role"] = "ADMIN"): Promise<StaffSession> {
  const dealer = await makeDealer(slug);
  return sessionFor(dealer.id, `${role.toLowerCase()}@${slug}.test`, role);
}

async function sessionFor(dealerId: string, email: string, role: StaffSession["role"]): Promise<StaffSession> {
  const staff = await makeStaff(dealerId, email, role);
  return { sessionId: "s", staffUserId: staff.id, dealerId, role, name: email, email };
}

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

const echo = withApiKey(async ({ dealerId }) => Response.json({ dealerId }));
const callWith = (key: string) =>
  echo(new Request("http://localhost/api/v1/x", { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({}) });

const auditText = async (dealerId: string) => JSON.stringify(await db().auditEvent.findMany({ where: { dealerId } }));
const settingsRows = (dealerId: string) =>
  db().auditEvent.findMany({ where: { dealerId, type: "settings.changed" }, orderBy: { createdAt: "asc" } });

describe("API keys on the admin screen", () => {
  it("creates a key that is returned once, works with withApiKey, and is recorded without the key or its hash", async () => {
    const admin = await staffOf("keys-create");
    const result = await runDealerAction({
      staff: admin,
      roles: DEALER_ADMINS,
      schema: createApiKeySchema,
      formData: form([["name", "  Workshop DMS  "]]),
      fn: ({ staff, input }) => createApiKeyForStaff(staff, input),
    });
    if (!result.ok) throw new Error(result.error);
    const { key, id } = result.data;
    expect(result.data).toEqual({
      id,
      name: "Workshop DMS",
      prefix: key.slice(0, 10),
      key: expect.stringMatching(/^glk_[A-Za-z0-9_-]{32}$/),
    });

    const response = await callWith(key);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ dealerId: admin.dealerId });

    const { keys } = await loadApiSettings({ dealerId: admin.dealerId });
    expect(keys).toEqual([
      { id, name: "Workshop DMS", prefix: key.slice(0, 10), createdAt: expect.any(Date), lastUsedAt: expect.any(Date), revokedAt: null },
    ]);
    const stored = await db().apiKey.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(await loadApiSettings({ dealerId: admin.dealerId }))).not.toContain(stored.keyHash);

    const [change] = await settingsRows(admin.dealerId);
    expect(change).toMatchObject({
      actorType: "STAFF",
      actorId: admin.staffUserId,
      ip: "192.0.2.7",
      data: {
        entity: "api_key",
        entityId: id,
        change: "created",
        before: null,
        after: { name: "Workshop DMS", prefix: key.slice(0, 10), status: "active" },
      },
    });
    const audit = await auditText(admin.dealerId);
    expect(audit).toContain("api_key.created");
    expect(audit).not.toContain(key);
    expect(audit).not.toContain(stored.keyHash);
  });

  it("refuses an empty or over-long name with a code next to the field, and creates nothing", async () => {
    const admin = await staffOf("keys-name");
    for (const [name, code] of [
      ["   ", "required"],
      ["x".repeat(101), "tooLong"],
    ] as const) {
      const result = await runDealerAction({
        staff: admin,
        roles: DEALER_ADMINS,
        schema: createApiKeySchema,
        formData: form([["name", name]]),
        fn: ({ staff, input }) => createApiKeyForStaff(staff, input),
      });
      expect(result).toEqual({ ok: false, error: "validation_failed", fieldErrors: { name: code } });
    }
    expect(await db().apiKey.count({ where: { dealerId: admin.dealerId } })).toBe(0);
  });

  it("revokes a key at once; another dealer's admin gets not_found and nothing changes; a revoke needs the confirm button", async () => {
    const admin = await staffOf("keys-revoke");
    const intruder = await staffOf("keys-revoke-other");
    const { id, key } = await createApiKeyForStaff(admin, { name: "DMS" });
    const revoke = (staff: StaffSession, entries: [string, string][]) =>
      runDealerAction({
        staff,
        roles: DEALER_ADMINS,
        schema: revokeApiKeySchema,
        formData: form(entries),
        fn: ({ staff: s, input }) => revokeApiKeyForStaff(s, input),
      });
    const before = await auditText(admin.dealerId);

    expect(
      await revoke(intruder, [
        ["id", id],
        ["confirm", "yes"],
      ]),
    ).toEqual({ ok: false, error: "not_found" });
    expect(await revoke(admin, [["id", id]])).toEqual({ ok: false, error: "validation_failed", fieldErrors: { confirm: "confirm" } });
    expect(
      await revoke(admin, [
        ["id", "not-a-uuid"],
        ["confirm", "yes"],
      ]),
    ).toMatchObject({ ok: false, error: "validation_failed" });
    expect((await callWith(key)).status).toBe(200);
    expect(await db().apiKey.findUniqueOrThrow({ where: { id }, select: { revokedAt: true } })).toEqual({ revokedAt: null });
    expect(await auditText(intruder.dealerId)).not.toContain(id);
    // Only the last-used time moved (the call above); no audit row was written for the refusals.
    expect((await auditText(admin.dealerId)).length).toBe(before.length);

    expect(
      await revoke(admin, [
        ["id", id],
        ["confirm", "yes"],
      ]),
    ).toEqual({ ok: true, data: { revoked: true } });
    const refused = await callWith(key);
    expect(refused.status).toBe(401);
    expect(
      await revoke(admin, [
        ["id", id],
        ["confirm", "yes"],
      ]),
    ).toEqual({ ok: true, data: { revoked: false } });

    const changes = (await settingsRows(admin.dealerId)).map((row) => row.data);
    expect(changes).toEqual([
      expect.objectContaining({ entity: "api_key", change: "created" }),
      { entity: "api_key", entityId: id, change: "updated", before: { status: "active" }, after: { status: "revoked" } },
    ]);
    expect(await db().auditEvent.count({ where: { dealerId: admin.dealerId, type: "api_key.revoked" } })).toBe(1);
  });

  it("is not there for an advisor, a mechanic or marketing", async () => {
    const admin = await staffOf("keys-roles");
    const { id } = await createApiKeyForStaff(admin, { name: "DMS" });
    for (const role of ["ADVISOR", "MECHANIC", "MARKETING"] as const) {
      const staff = await sessionFor(admin.dealerId, `${role.toLowerCase()}@keys-roles.test`, role);
      const create = await runDealerAction({
        staff,
        roles: DEALER_ADMINS,
        schema: createApiKeySchema,
        formData: form([["name", "Mine"]]),
        fn: ({ staff: s, input }) => createApiKeyForStaff(s, input),
      });
      const revoke = await runDealerAction({
        staff,
        roles: DEALER_ADMINS,
        schema: revokeApiKeySchema,
        formData: form([
          ["id", id],
          ["confirm", "yes"],
        ]),
        fn: ({ staff: s, input }) => revokeApiKeyForStaff(s, input),
      });
      expect([role, create, revoke]).toEqual([role, { ok: false, error: "not_found" }, { ok: false, error: "not_found" }]);
    }
    expect(await db().apiKey.findMany({ where: { dealerId: admin.dealerId }, select: { revokedAt: true } })).toEqual([{ revokedAt: null }]);
  });
});

describe("webhook endpoints on the admin screen", () => {
  const createFrom = (staff: StaffSession, entries: [string, string][]) =>
    runDealerAction({
      staff,
      roles: DEALER_ADMINS,
      schema: createWebhookSchema,
      formData: form(entries),
      fn: ({ staff: s, input }) => createWebhookEndpointForStaff(s, input),
    });

  it("creates an endpoint with the chosen events and a secret returned once, never stored in the history", async () => {
    const admin = await staffOf("hooks-create");
    const result = await createFrom(admin, [
      ["url", " https://dms.example.com/hooks "],
      ["events", "report.responded"],
      ["events", "checkin.submitted"],
    ]);
    if (!result.ok) throw new Error(result.error);
    const { id, secret } = result.data;
    expect(result.data).toEqual({
      id,
      url: "https://dms.example.com/hooks",
      events: ["checkin.submitted", "report.responded"],
      secret: expect.stringMatching(/^whsec_/),
    });
    const { endpoints } = await loadApiSettings({ dealerId: admin.dealerId });
    expect(endpoints).toEqual([
      {
        id,
        url: "https://dms.example.com/hooks",
        events: ["checkin.submitted", "report.responded"],
        active: true,
        createdAt: expect.any(Date),
      },
    ]);
    expect(JSON.stringify(endpoints)).not.toContain(secret);
    const [change] = await settingsRows(admin.dealerId);
    expect(change?.data).toEqual({
      entity: "webhook_endpoint",
      entityId: id,
      change: "created",
      before: null,
      after: { url: "https://dms.example.com/hooks", events: ["checkin.submitted", "report.responded"], active: true },
    });
    expect(await auditText(admin.dealerId)).not.toContain(secret);
  });

  it("in production refuses http, loopback, private and javascript: URLs, credentials and no events, each with its code", async () => {
    const admin = await staffOf("hooks-policy");
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "");
    const event: [string, string] = ["events", "checkin.opened"];
    const cases: [[string, string][], Record<string, string>][] = [
      [[["url", "http://127.0.0.1/hooks"], event], { url: "httpsRequired" }],
      [[["url", "http://dms.example.com/hooks"], event], { url: "httpsRequired" }],
      [[["url", "javascript:alert(1)"], event], { url: "httpsRequired" }],
      [[["url", "ftp://dms.example.com/hooks"], event], { url: "httpsRequired" }],
      [[["url", "https://127.0.0.1/hooks"], event], { url: "privateAddress" }],
      [[["url", "https://localhost/hooks"], event], { url: "privateAddress" }],
      [[["url", "https://[::1]/hooks"], event], { url: "privateAddress" }],
      [[["url", "https://169.254.169.254/latest"], event], { url: "privateAddress" }],
      [[["url", "https://user:pw@dms.example.com/hooks"], event], { url: "credentials" }],
      [[["url", "not a url"], event], { url: "url" }],
      [[["url", ""], event], { url: "required" }],
      [[["url", "https://dms.example.com/hooks"]], { events: "eventsRequired" }],
      [
        [
          ["url", "https://dms.example.com/hooks"],
          ["events", "checkin.deleted"],
        ],
        { "events.0": "invalid" },
      ],
    ];
    for (const [entries, fieldErrors] of cases) {
      expect([entries, await createFrom(admin, entries)]).toEqual([entries, { ok: false, error: "validation_failed", fieldErrors }]);
    }
    expect(await db().webhookEndpoint.count({ where: { dealerId: admin.dealerId } })).toBe(0);
    expect(await createFrom(admin, [["url", "https://dms.example.com/hooks"], event])).toMatchObject({ ok: true });
  });

  it("names a refusal exactly when the endpoint schema refuses, in production and in development", () => {
    const urls = [
      "https://dms.example.com/hooks",
      "http://dms.example.com/hooks",
      "http://127.0.0.1:4000/hooks",
      "https://10.1.2.3/h",
      "https://[::ffff:127.0.0.1]/h",
      "https://user@dms.example.com/h",
      "javascript:alert(1)",
      "data:text/plain,hi",
      "https://",
      "mailto:a@b.c",
    ];
    for (const production of [true, false]) {
      vi.stubEnv("NODE_ENV", production ? "production" : "development");
      vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "");
      for (const url of urls) {
        const accepted = createWebhookEndpointSchema.shape.url.safeParse(url).success;
        expect([production, url, webhookUrlRefusal(url) === null]).toEqual([production, url, accepted]);
      }
    }
  });

  it("deactivates an endpoint; another dealer's admin gets not_found and it stays active; not there for other roles", async () => {
    const admin = await staffOf("hooks-off");
    const intruder = await staffOf("hooks-off-other");
    const marketing = await sessionFor(admin.dealerId, "marketing@hooks-off.test", "MARKETING");
    const { id } = await createWebhookEndpointForStaff(admin, { url: "https://dms.example.com/hooks", events: ["checkin.opened"] });
    const deactivate = (staff: StaffSession, entries: [string, string][]) =>
      runDealerAction({
        staff,
        roles: DEALER_ADMINS,
        schema: deactivateWebhookSchema,
        formData: form(entries),
        fn: ({ staff: s, input }) => deactivateWebhookEndpointForStaff(s, input),
      });
    const confirmed: [string, string][] = [
      ["id", id],
      ["confirm", "yes"],
    ];

    expect(await deactivate(intruder, confirmed)).toEqual({ ok: false, error: "not_found" });
    expect(await deactivate(marketing, confirmed)).toEqual({ ok: false, error: "not_found" });
    expect(await deactivate(admin, [["id", id]])).toEqual({ ok: false, error: "validation_failed", fieldErrors: { confirm: "confirm" } });
    expect(await db().webhookEndpoint.findUniqueOrThrow({ where: { id }, select: { active: true } })).toEqual({ active: true });
    expect(await db().auditEvent.count({ where: { type: "webhook_endpoint.deactivated" } })).toBe(0);

    expect(await deactivate(admin, confirmed)).toEqual({ ok: true, data: { deactivated: true } });
    expect(await deactivate(admin, confirmed)).toEqual({ ok: true, data: { deactivated: false } });
    expect((await loadApiSettings({ dealerId: admin.dealerId })).endpoints).toMatchObject([{ id, active: false }]);
    expect((await settingsRows(admin.dealerId)).map((row) => row.data)).toEqual([
      expect.objectContaining({ change: "created" }),
      { entity: "webhook_endpoint", entityId: id, change: "updated", before: { active: true }, after: { active: false } },
    ]);
  });
});
