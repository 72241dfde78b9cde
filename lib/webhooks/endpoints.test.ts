import { afterEach, describe, expect, it, vi } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeDealer, makeWebhookEndpoint } from "@/test/fixtures";
import { db } from "@/lib/db";
import { dispatchOnce } from "@/lib/notify/dispatcher";
import { DeliveryError, type Channel } from "@/lib/notify/types";
import { isPrivateAddress, privateTargetsAllowed } from "@/lib/webhooks/address-policy";
import { deliverWebhook } from "@/lib/webhooks/deliver";
import { emitEvent } from "@/lib/webhooks/emit";
import { createWebhookEndpoint, deactivateWebhookEndpoint, listDeliveries, listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { startReceiver } from "@/lib/webhooks/test-receiver";

process.env.WEBHOOK_ALLOW_PRIVATE = "1";
withMigratedDatabase();

afterEach(() => {
  vi.unstubAllEnvs();
});

const system = { type: "SYSTEM" } as const;
const create = (dealerId: string, url: string, events: string[]) =>
  db().$transaction((tx) => createWebhookEndpoint(tx, { dealerId, url, events, actor: system }));

describe("webhook endpoints", () => {
  it("creates an endpoint with a one-time whsec_ secret, audits it, and lists it without the secret", async () => {
    const dealer = await makeDealer("ep-create");
    const created = await create(dealer.id, "https://dms.example.com/hooks", ["report.responded", "checkin.submitted", "report.responded"]);
    expect(created).toEqual({
      id: expect.any(String),
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/),
      url: "https://dms.example.com/hooks",
      events: ["checkin.submitted", "report.responded"],
    });
    const listed = await listWebhookEndpoints({ dealerId: dealer.id });
    expect(listed).toEqual([{ id: created.id, url: created.url, events: created.events, active: true, createdAt: expect.any(Date) }]);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(await listWebhookEndpoints({ dealerId: (await makeDealer("ep-create-other")).id })).toEqual([]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { dealerId: dealer.id, type: "webhook_endpoint.created" } });
    expect(audit.data).toEqual({ endpointId: created.id, events: created.events });
  });

  it("refuses unknown or no events, non-http(s) URLs and credentials in the URL", async () => {
    const dealer = await makeDealer("ep-invalid");
    await expect(create(dealer.id, "https://dms.example.com/hooks", [])).rejects.toThrow(/at least one event/);
    await expect(create(dealer.id, "https://dms.example.com/hooks", ["checkin.deleted"])).rejects.toThrow();
    await expect(create(dealer.id, "ftp://dms.example.com/hooks", ["checkin.opened"])).rejects.toThrow();
    await expect(create(dealer.id, "not a url", ["checkin.opened"])).rejects.toThrow();
    await expect(create(dealer.id, "https://user:pw@dms.example.com/hooks", ["checkin.opened"])).rejects.toThrow(/credentials/);
    expect(await db().webhookEndpoint.count({ where: { dealerId: dealer.id } })).toBe(0);
  });

  it("in production accepts only https to public hosts, unless WEBHOOK_ALLOW_PRIVATE=1", async () => {
    const dealer = await makeDealer("ep-production");
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "");
    expect(privateTargetsAllowed()).toBe(false);
    await expect(create(dealer.id, "http://dms.example.com/hooks", ["checkin.opened"])).rejects.toThrow(/https/);
    for (const url of [
      "https://127.0.0.1/h",
      "https://localhost/h",
      "https://10.1.2.3/h",
      "https://[::1]/h",
      "https://169.254.169.254/latest",
    ]) {
      await expect(create(dealer.id, url, ["checkin.opened"])).rejects.toThrow(/private address/);
    }
    await expect(create(dealer.id, "https://dms.example.com/hooks", ["checkin.opened"])).resolves.toMatchObject({ id: expect.any(String) });
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "1");
    await expect(create(dealer.id, "http://10.1.2.3/hooks", ["checkin.opened"])).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("classifies addresses: loopback, private, link-local, CGNAT, mapped IPv6 are private; public ones are not", () => {
    for (const address of [
      "127.0.0.1",
      "10.0.0.1",
      "172.16.5.4",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "::",
      "fd12::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "::ffff:a00:1",
    ]) {
      expect([address, isPrivateAddress(address)]).toEqual([address, true]);
    }
    for (const address of ["8.8.8.8", "93.184.216.34", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) {
      expect([address, isPrivateAddress(address)]).toEqual([address, false]);
    }
  });

  it("deactivation stops new events, cancels what is queued, and is scoped to the dealer", async () => {
    const dealer = await makeDealer("ep-deactivate");
    const other = await makeDealer("ep-deactivate-other");
    const endpoint = await makeWebhookEndpoint(dealer.id, "https://dms.example.com/hooks");
    await db().$transaction((tx) =>
      emitEvent(tx, { dealerId: dealer.id, type: "checkin.opened", data: {}, now: new Date(Date.now() + 3600_000) }),
    );

    expect(await db().$transaction((tx) => deactivateWebhookEndpoint(tx, { dealerId: other.id, id: endpoint.id, actor: system }))).toBe(
      false,
    );
    expect(await db().$transaction((tx) => deactivateWebhookEndpoint(tx, { dealerId: dealer.id, id: endpoint.id, actor: system }))).toBe(
      true,
    );
    expect(await db().$transaction((tx) => deactivateWebhookEndpoint(tx, { dealerId: dealer.id, id: endpoint.id, actor: system }))).toBe(
      false,
    );

    const rows = await db().notification.findMany({ where: { webhookEndpointId: endpoint.id } });
    expect(rows.map((r) => r.status)).toEqual(["CANCELLED"]);
    expect(await db().$transaction((tx) => emitEvent(tx, { dealerId: dealer.id, type: "checkin.opened", data: {} }))).toBe(0);
    expect(await listWebhookEndpoints({ dealerId: dealer.id })).toMatchObject([{ id: endpoint.id, active: false }]);
    expect(await db().auditEvent.count({ where: { dealerId: dealer.id, type: "webhook_endpoint.deactivated" } })).toBe(1);
  });

  it("lists an endpoint's deliveries, newest first, with status, attempts, last error and response", async () => {
    const dealer = await makeDealer("ep-log");
    const hook = await startReceiver((request) => ((JSON.parse(request.body) as { type: string }).type === "checkin.opened" ? 200 : 503));
    try {
      const endpoint = await makeWebhookEndpoint(dealer.id, hook.url);
      const t0 = new Date();
      await db().$transaction((tx) => emitEvent(tx, { dealerId: dealer.id, type: "checkin.opened", data: {}, now: t0 }));
      await new Promise((resolve) => setTimeout(resolve, 5)); // a later createdAt for the second event
      await db().$transaction((tx) => emitEvent(tx, { dealerId: dealer.id, type: "report.opened", data: {}, now: t0 }));
      const notUsed: Channel = async () => {
        throw new DeliveryError("unused", true);
      };
      await dispatchOnce({ channels: { WEBHOOK: deliverWebhook, EMAIL: notUsed, SMS: notUsed }, now: () => new Date(t0.getTime() + 10) });

      const log = await listDeliveries({ dealerId: dealer.id, endpointId: endpoint.id, limit: 10 });
      expect(log.map((d) => [d.type, d.status, d.attempts, d.lastError, d.response])).toEqual([
        ["report.opened", "QUEUED", 1, "HTTP 503", null],
        ["checkin.opened", "SENT", 1, null, "http:200"],
      ]);
      expect(log.find((d) => d.status === "SENT")?.sentAt).toBeInstanceOf(Date);
      expect(log.find((d) => d.status === "QUEUED")?.nextAttemptAt).toBeInstanceOf(Date);
      expect(log.every((d) => typeof d.eventId === "string")).toBe(true);
      expect(await listDeliveries({ dealerId: dealer.id, endpointId: endpoint.id, limit: 1 })).toHaveLength(1);
      expect(await listDeliveries({ dealerId: (await makeDealer("ep-log-other")).id, endpointId: endpoint.id })).toEqual([]);
    } finally {
      await hook.close();
    }
  });
});
