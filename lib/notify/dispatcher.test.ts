// The outbox dispatcher against a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL) and a real
// HTTP receiver for the webhook rows: crash safety, giving up, back-off, and — on PostgreSQL, where a pool
// gives real concurrency — two dispatchers sharing the work without sending anything twice.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { onPostgres, withMigratedDatabase } from "@/test/database";
import { makeDealer, makeDealerWithAppointment, makeWebhookEndpoint } from "@/test/fixtures";
import { db } from "@/lib/db";
import { backoffMs, claimDue, dispatchOnce, startDispatcher } from "@/lib/notify/dispatcher";
import { enqueue } from "@/lib/notify/outbox";
import { DeliveryError, type Channel } from "@/lib/notify/types";
import { deliverWebhook } from "@/lib/webhooks/deliver";
import { emitEvent } from "@/lib/webhooks/emit";
import { startReceiver, type Receiver } from "@/lib/webhooks/test-receiver";

process.env.WEBHOOK_ALLOW_PRIVATE = "1";
withMigratedDatabase();

const failing =
  (message: string, permanent = false): Channel =>
  async () => {
    throw new DeliveryError(message, permanent);
  };
const notExercised = failing("not exercised by this test", true);

const receivers: Receiver[] = [];
async function receiver(...args: Parameters<typeof startReceiver>): Promise<Receiver> {
  const started = await startReceiver(...args);
  receivers.push(started);
  return started;
}

afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
  await db().notification.updateMany({ where: { status: { in: ["QUEUED", "SENDING"] } }, data: { status: "CANCELLED" } });
});

const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

function enqueueEmail(input: { dealerId: string; appointmentId?: string; dueAt: Date; maxAttempts?: number }) {
  return db().$transaction((tx) =>
    enqueue(tx, {
      dealerId: input.dealerId,
      appointmentId: input.appointmentId ?? null,
      kind: "APPOINTMENT_REMINDER",
      channel: "EMAIL",
      recipient: "ines@example.com",
      dueAt: input.dueAt,
      maxAttempts: input.maxAttempts,
    }),
  );
}

describe("dispatcher: crash safety", () => {
  it("a row claimed by a dispatcher that died mid-send is delivered by another once the lease runs out", async () => {
    const dealer = await makeDealer("dsp-crash");
    const hook = await receiver();
    await makeWebhookEndpoint(dealer.id, hook.url, ["checkin.submitted"]);
    const t0 = new Date();
    await db().$transaction((tx) => emitEvent(tx, { dealerId: dealer.id, type: "checkin.submitted", data: { revision: 1 }, now: t0 }));

    // The crashed worker: it claims, then never sends nor reports back.
    const claimed = await claimDue({ workerId: "crashed", limit: 10, leaseMs: 60_000, now: t0 });
    expect(claimed).toHaveLength(1);
    const [row] = claimed as [(typeof claimed)[number]];
    expect(await db().notification.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SENDING", leasedBy: "crashed" });

    const channels = { WEBHOOK: deliverWebhook, EMAIL: notExercised, SMS: notExercised };
    expect(await dispatchOnce({ workerId: "rescuer", channels, now: () => later(t0, 59_000) })).toMatchObject({ claimed: 0 });
    expect(hook.requests).toHaveLength(0);
    expect(await dispatchOnce({ workerId: "rescuer", channels, now: () => later(t0, 61_000) })).toEqual({
      claimed: 1,
      sent: 1,
      retried: 0,
      failed: 0,
      skipped: 0,
    });

    expect(hook.requests.map((r) => r.headers["greenlight-delivery"])).toEqual([row.id]);
    expect(await db().notification.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "SENT",
      leasedBy: "rescuer",
      leaseUntil: null,
      attempts: 2,
    });
  });
});

describe("dispatcher: giving up", () => {
  it("fails an e-mail after maxAttempts retryable errors and emits notification.failed with the appointment's externalId", async () => {
    const { dealerId, appointmentId } = await makeDealerWithAppointment("dsp-exhaust");
    const hook = await receiver();
    const endpoint = await makeWebhookEndpoint(dealerId, hook.url, ["notification.failed"]);
    const unsubscribed = await makeWebhookEndpoint(dealerId, hook.url, ["checkin.opened"]);
    const t0 = new Date();
    const { id } = await enqueueEmail({ dealerId, appointmentId, dueAt: t0, maxAttempts: 3 });
    const channels = { WEBHOOK: deliverWebhook, EMAIL: failing("421 4.7.0 try again later"), SMS: notExercised };

    expect(await dispatchOnce({ channels, now: () => t0 })).toMatchObject({ claimed: 1, retried: 1 });
    expect(await db().notification.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "QUEUED",
      attempts: 1,
      lastError: "421 4.7.0 try again later",
    });
    expect(await dispatchOnce({ channels, now: () => later(t0, 3 * 3600_000) })).toMatchObject({ claimed: 1, retried: 1 });
    const at = later(t0, 6 * 3600_000);
    expect(await dispatchOnce({ channels, now: () => at })).toMatchObject({ claimed: 1, failed: 1 });

    const failed = await db().notification.findUniqueOrThrow({ where: { id } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 3, lastError: "421 4.7.0 try again later", failedAt: at });
    const events = await db().notification.findMany({ where: { dealerId, channel: "WEBHOOK" } });
    expect(events.map((e) => e.webhookEndpointId)).toEqual([endpoint.id]);
    expect(events.some((e) => e.webhookEndpointId === unsubscribed.id)).toBe(false);
    expect(events[0]?.payload).toMatchObject({
      type: "notification.failed",
      data: {
        externalId: "dsp-exhaust-1",
        notificationId: id,
        kind: "APPOINTMENT_REMINDER",
        channel: "EMAIL",
        error: "421 4.7.0 try again later",
      },
    });

    // …and the event itself goes out to the subscribed receiver.
    expect(await dispatchOnce({ channels, now: () => at })).toMatchObject({ claimed: 1, sent: 1 });
    expect(hook.requests).toHaveLength(1);
    expect(JSON.parse(hook.requests[0]?.body ?? "")).toMatchObject({ type: "notification.failed", data: { notificationId: id } });
  });

  it("fails at once on a permanent error; without an appointment the event has no externalId", async () => {
    const dealer = await makeDealer("dsp-permanent");
    const endpoint = await makeWebhookEndpoint(dealer.id, "http://127.0.0.1:9/unused", ["notification.failed"]);
    const t0 = new Date();
    const { id } = await enqueueEmail({ dealerId: dealer.id, dueAt: t0 });
    const channels = { WEBHOOK: notExercised, EMAIL: failing("550 5.1.1 no such user", true), SMS: notExercised };

    expect(await dispatchOnce({ channels, now: () => t0 })).toMatchObject({ claimed: 1, failed: 1 });
    expect(await db().notification.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "FAILED",
      attempts: 1,
      maxAttempts: 8,
      lastError: "550 5.1.1 no such user",
    });
    const event = await db().notification.findFirstOrThrow({ where: { webhookEndpointId: endpoint.id } });
    expect(event.payload).toMatchObject({ type: "notification.failed", data: { notificationId: id } });
    expect((event.payload as { data: Record<string, unknown> }).data).not.toHaveProperty("externalId");
  });
});

describe("dispatcher: back-off", () => {
  const cap = 2 * 3600_000;

  it("starts at 30 s ± 20 %, doubles per attempt and is capped at 2 h (± jitter)", () => {
    expect(backoffMs(1, () => 0.5)).toBe(30_000);
    expect(backoffMs(2, () => 0.5)).toBe(60_000);
    expect(backoffMs(3, () => 0.5)).toBe(120_000);
    expect(backoffMs(50, () => 0.5)).toBe(cap);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempts, r) => {
        const random = () => r;
        const delay = backoffMs(attempts, random);
        expect(Number.isInteger(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(0.8 * 30_000);
        expect(delay).toBeLessThanOrEqual(1.2 * cap);
        expect(backoffMs(attempts + 1, random)).toBeGreaterThanOrEqual(delay);
        const base = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), cap);
        expect(Math.abs(delay - base)).toBeLessThanOrEqual(0.2 * base + 0.5);
      }),
    );
  });
});

describe.runIf(onPostgres)("dispatcher: concurrency (PostgreSQL)", () => {
  it("two dispatchers over 1,000 due webhook rows: each delivered exactly once, all SENT", { timeout: 60_000 }, async () => {
    const dealer = await makeDealer("dsp-concurrent");
    const seen = new Map<string, number>();
    const hook = await receiver((request) => {
      const id = String(request.headers["greenlight-delivery"]);
      seen.set(id, (seen.get(id) ?? 0) + 1);
      return 204;
    });
    const endpoint = await makeWebhookEndpoint(dealer.id, hook.url, ["checkin.opened"]);
    const now = new Date();
    await db().notification.createMany({
      data: Array.from({ length: 1_000 }, (_, i) => ({
        dealerId: dealer.id,
        kind: "WEBHOOK" as const,
        channel: "WEBHOOK" as const,
        recipient: hook.url,
        webhookEndpointId: endpoint.id,
        dueAt: new Date(now.getTime() - i),
        bodyText: "",
        maxAttempts: 1000,
        payload: { id: randomUUID(), type: "checkin.opened", createdAt: now.toISOString(), data: { n: i } },
      })),
    });

    const channels = { WEBHOOK: deliverWebhook, EMAIL: notExercised, SMS: notExercised };
    const errors: unknown[] = [];
    const dispatchers = ["worker-a", "worker-b"].map((workerId) =>
      startDispatcher({ workerId, channels, batchSize: 25, concurrency: 8, intervalMs: 20, onError: (e) => errors.push(e) }),
    );
    const deadline = Date.now() + 50_000;
    while (
      Date.now() < deadline &&
      (await db().notification.count({ where: { webhookEndpointId: endpoint.id, status: "SENT" } })) < 1_000
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await Promise.all(dispatchers.map((d) => d.stop()));

    expect(errors).toEqual([]);
    expect(hook.requests).toHaveLength(1_000);
    expect(seen.size).toBe(1_000);
    expect([...seen.values()].every((count) => count === 1)).toBe(true);
    const rows = await db().notification.groupBy({
      by: ["status", "attempts", "leasedBy"],
      where: { webhookEndpointId: endpoint.id },
      _count: { _all: true },
    });
    expect(rows.every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
    expect(rows.reduce((sum, r) => sum + r._count._all, 0)).toBe(1_000);
    // Both took a share, so their claims really did run side by side.
    expect(new Set(rows.map((r) => r.leasedBy))).toEqual(new Set(["worker-a", "worker-b"]));
  });
});
