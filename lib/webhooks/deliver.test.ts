// The webhook channel end to end: events emitted in a transaction, the real dispatcher, the real channel,
// a real HTTP receiver on loopback, and the database (PGlite, or PostgreSQL with TEST_DATABASE_URL).
import { createServer as createTcpServer, type AddressInfo } from "node:net";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeDealer, makeDealerWithAppointment, makeWebhookEndpoint } from "@/test/fixtures";
import { db } from "@/lib/db";
import { dispatchOnce } from "@/lib/notify/dispatcher";
import { enqueue } from "@/lib/notify/outbox";
import { DeliveryError, type Channel, type OutboxMessage } from "@/lib/notify/types";
import { createWebhookChannel, deliverWebhook } from "@/lib/webhooks/deliver";
import { emitEvent, webhookEventTypes, type WebhookEventType } from "@/lib/webhooks/emit";
import { verifyWebhookSignature } from "@/lib/webhooks/sign";
import { startReceiver, type Receiver } from "@/lib/webhooks/test-receiver";

process.env.WEBHOOK_ALLOW_PRIVATE = "1";
withMigratedDatabase();

const notExercised: Channel = async () => {
  throw new DeliveryError("not exercised by these tests", true);
};
const channels = { WEBHOOK: deliverWebhook, EMAIL: notExercised, SMS: notExercised };

const receivers: Receiver[] = [];
async function receiver(...args: Parameters<typeof startReceiver>): Promise<Receiver> {
  const started = await startReceiver(...args);
  receivers.push(started);
  return started;
}

afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
  // Each test starts from an idle outbox: nothing left over is claimed by the next one's dispatcher.
  await db().notification.updateMany({ where: { status: { in: ["QUEUED", "SENDING"] } }, data: { status: "CANCELLED" } });
});

function emit(dealerId: string, type: WebhookEventType, data: Record<string, unknown> = {}, appointmentId?: string) {
  return db().$transaction((tx) => emitEvent(tx, { dealerId, type, data, appointmentId }));
}

const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);

/** Dispatches until nothing is due at `now`. */
async function drain(now = new Date()) {
  let total = { claimed: 0, sent: 0, retried: 0, failed: 0, skipped: 0 };
  for (;;) {
    const tick = await dispatchOnce({ channels, now: () => now });
    if (tick.claimed === 0) return total;
    total = {
      claimed: total.claimed + tick.claimed,
      sent: total.sent + tick.sent,
      retried: total.retried + tick.retried,
      failed: total.failed + tick.failed,
      skipped: total.skipped + tick.skipped,
    };
  }
}

describe("webhook delivery through the dispatcher", () => {
  it("POSTs the stored body once, signed, with the event and delivery headers, and logs what it sent", async () => {
    const { dealerId, appointmentId } = await makeDealerWithAppointment("wh-basic");
    const hook = await receiver();
    const endpoint = await makeWebhookEndpoint(dealerId, hook.url, ["checkin.submitted"]);
    expect(await emit(dealerId, "checkin.submitted", { revision: 1, note: "Inès — ok" }, appointmentId)).toBe(1);

    expect(await drain()).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0, skipped: 0 });

    const row = await db().notification.findFirstOrThrow({ where: { webhookEndpointId: endpoint.id } });
    expect(hook.requests).toHaveLength(1);
    const [request] = hook.requests as [(typeof hook.requests)[number]];
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/hooks");
    expect(request.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": "Greenlight-Webhooks/1",
      "greenlight-event": "checkin.submitted",
      "greenlight-delivery": row.id,
      "content-length": String(Buffer.byteLength(request.body)),
    });
    expect(verifyWebhookSignature(request.headers["greenlight-signature"] as string, endpoint.secret, request.body)).toBe(true);
    expect(verifyWebhookSignature(request.headers["greenlight-signature"] as string, "whsec_other", request.body)).toBe(false);
    expect(JSON.parse(request.body)).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: "checkin.submitted",
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      data: { externalId: "wh-basic-1", revision: 1, note: "Inès — ok" },
    });
    // The bytes sent are the stored body serialised once, and the log keeps exactly them.
    expect(request.body).toBe(JSON.stringify(row.payload));
    expect(row).toMatchObject({ status: "SENT", attempts: 1, providerMessageId: "http:200", bodyText: request.body, lastError: null });
  });

  it("retries a receiver that answers 500 twice with back-off, then delivers once on the 200", async () => {
    const dealer = await makeDealer("wh-retry");
    const hook = await receiver((_request, index) => (index < 2 ? 500 : 200));
    const endpoint = await makeWebhookEndpoint(dealer.id, hook.url, ["report.responded"]);
    await emit(dealer.id, "report.responded", { version: 2 });
    const t0 = new Date();

    expect(await drain(t0)).toMatchObject({ claimed: 1, retried: 1 });
    const afterFirst = await db().notification.findFirstOrThrow({ where: { webhookEndpointId: endpoint.id } });
    expect(afterFirst).toMatchObject({ status: "QUEUED", attempts: 1, lastError: "HTTP 500" });
    expect(afterFirst.dueAt.getTime()).toBeGreaterThan(t0.getTime());
    expect(await drain(t0)).toMatchObject({ claimed: 0 }); // backing off: not due yet

    expect(await drain(minutes(t0, 60))).toMatchObject({ claimed: 1, retried: 1 });
    expect(await drain(minutes(t0, 120))).toMatchObject({ claimed: 1, sent: 1 });
    expect(await drain(minutes(t0, 600))).toMatchObject({ claimed: 0 });

    expect(hook.requests.map((r) => r.headers["greenlight-delivery"])).toEqual([afterFirst.id, afterFirst.id, afterFirst.id]);
    expect(new Set(hook.requests.map((r) => r.body)).size).toBe(1);
    const row = await db().notification.findUniqueOrThrow({ where: { id: afterFirst.id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 3, lastError: null, providerMessageId: "http:200" });
  });

  it("fails at once on 410 Gone, and a failed webhook raises no notification.failed event of its own", async () => {
    const dealer = await makeDealer("wh-gone");
    const hook = await receiver(() => 410);
    const endpoint = await makeWebhookEndpoint(dealer.id, hook.url);
    await emit(dealer.id, "checkin.opened");

    expect(await drain()).toMatchObject({ claimed: 1, failed: 1 });
    expect(hook.requests).toHaveLength(1);
    const rows = await db().notification.findMany({ where: { dealerId: dealer.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ webhookEndpointId: endpoint.id, status: "FAILED", attempts: 1, lastError: "HTTP 410" });
    expect(rows[0]?.failedAt).toBeInstanceOf(Date);
  });

  it("reaches only subscribed endpoints of the event's own dealer", async () => {
    const a = await makeDealer("wh-scope-a");
    const b = await makeDealer("wh-scope-b");
    const [subscribed, otherEvent, otherDealer] = [await receiver(), await receiver(), await receiver()];
    await makeWebhookEndpoint(a.id, subscribed.url, ["report.responded"]);
    await makeWebhookEndpoint(a.id, otherEvent.url, ["checkin.opened", "checkin.submitted"]);
    const foreign = await makeWebhookEndpoint(b.id, otherDealer.url);

    expect(await emit(a.id, "report.responded", { version: 1 })).toBe(1);
    // A row of dealer A naming dealer B's endpoint (never produced by emitEvent) finds no endpoint.
    await db().$transaction((tx) =>
      enqueue(tx, {
        dealerId: a.id,
        kind: "WEBHOOK",
        channel: "WEBHOOK",
        recipient: otherDealer.url,
        webhookEndpointId: foreign.id,
        dueAt: new Date(),
        payload: { id: "forged", type: "report.responded", createdAt: new Date().toISOString(), data: {} },
      }),
    );

    expect(await drain()).toMatchObject({ claimed: 2, sent: 1, failed: 1 });
    expect(subscribed.requests).toHaveLength(1);
    expect(otherEvent.requests).toHaveLength(0);
    expect(otherDealer.requests).toHaveLength(0);
    const forged = await db().notification.findFirstOrThrow({ where: { webhookEndpointId: foreign.id } });
    expect(forged).toMatchObject({ status: "FAILED", lastError: "webhook endpoint not found" });
  });

  it("brings every event type at least once; a receiver de-duplicating on id processes each exactly once", async () => {
    const dealer = await makeDealerWithAppointment("wh-all");
    const processed = new Map<string, string>();
    // The receiver processes an event, then its acknowledgement is lost (500) the first time: the
    // at-least-once case a receiver must absorb.
    const hook = await receiver((request) => {
      const event = JSON.parse(request.body) as { id: string; type: string };
      if (processed.has(event.id)) return 200;
      processed.set(event.id, event.type);
      return 500;
    });
    const endpoint = await makeWebhookEndpoint(dealer.dealerId, hook.url);
    for (const type of webhookEventTypes) await emit(dealer.dealerId, type, { sample: type }, dealer.appointmentId);

    const t0 = new Date();
    let hour = 0;
    while ((await db().notification.count({ where: { webhookEndpointId: endpoint.id, status: { not: "SENT" } } })) > 0 && hour < 10) {
      await drain(minutes(t0, 60 * hour++));
    }

    expect([...processed.values()].sort()).toEqual([...webhookEventTypes].sort());
    expect(hook.requests).toHaveLength(12);
    for (const request of hook.requests) {
      expect(verifyWebhookSignature(request.headers["greenlight-signature"] as string, endpoint.secret, request.body)).toBe(true);
      expect(JSON.parse(request.body)).toMatchObject({ data: { externalId: "wh-all-1" } });
    }
  });
});

describe("the webhook channel's answers", () => {
  let dealerId: string;
  let hook: Receiver;
  let endpointId: string;
  let payload: unknown;

  beforeAll(async () => {
    dealerId = (await makeDealer("wh-answers")).id;
  });

  async function setUp(responder: Parameters<typeof startReceiver>[0], url?: string) {
    hook = await receiver(responder);
    endpointId = (await makeWebhookEndpoint(dealerId, url ?? hook.url)).id;
    payload = { id: "evt-1", type: "checkin.opened", createdAt: new Date().toISOString(), data: { externalId: "X" } };
  }
  const message = (): OutboxMessage => ({
    id: "delivery-1",
    dealerId,
    appointmentId: null,
    kind: "WEBHOOK",
    channel: "WEBHOOK",
    recipient: hook.url,
    locale: null,
    payload,
    webhookEndpointId: endpointId,
    attempts: 1,
  });
  const outcome = (channel: Channel) =>
    channel(message()).then(
      (delivered) => ({ delivered: delivered.providerMessageId }),
      (error: unknown) => (error instanceof DeliveryError ? { error: error.message, permanent: error.permanent } : { unexpected: error }),
    );

  it.each([
    [200, { delivered: "http:200" }],
    [204, { delivered: "http:204" }],
    [400, { error: "HTTP 400", permanent: true }],
    [401, { error: "HTTP 401", permanent: true }],
    [404, { error: "HTTP 404", permanent: true }],
    [410, { error: "HTTP 410", permanent: true }],
    [408, { error: "HTTP 408", permanent: false }],
    [429, { error: "HTTP 429", permanent: false }],
    [500, { error: "HTTP 500", permanent: false }],
    [503, { error: "HTTP 503", permanent: false }],
  ])("answer %i → %j", async (status, expected) => {
    await setUp(() => status);
    expect(await outcome(deliverWebhook)).toEqual(expected);
  });

  it("does not follow a redirect; it is a failure worth retrying", async () => {
    const target = await receiver();
    await setUp(() => ({ status: 307, headers: { location: target.url } }));
    expect(await outcome(deliverWebhook)).toEqual({ error: `HTTP 307 redirect to ${target.url} not followed`, permanent: false });
    expect(hook.requests).toHaveLength(1);
    expect(target.requests).toHaveLength(0);
  });

  it("gives up on a receiver that does not answer within the timeout, and on a refused connection, to retry later", async () => {
    // Reads what it is sent (so it notices the client hanging up) and never answers.
    const silent = createTcpServer((socket) => socket.resume());
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      await setUp(() => 200, `http://127.0.0.1:${port}/hooks`);
      const started = Date.now();
      expect(await outcome(createWebhookChannel({ timeoutMs: 300 }))).toEqual({ error: "no answer within 0.3 s", permanent: false });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await new Promise((resolve) => silent.close(resolve));
    }
    await setUp(() => 200, `http://127.0.0.1:${port}/hooks`);
    expect(await outcome(deliverWebhook)).toMatchObject({ error: expect.stringContaining("ECONNREFUSED"), permanent: false });
  });

  it("refuses loopback targets, by address or by name, when private targets are not allowed", async () => {
    const guarded = createWebhookChannel({ allowPrivate: () => false });
    await setUp(() => 200);
    expect(await outcome(guarded)).toMatchObject({ error: expect.stringContaining("private or reserved address"), permanent: true });
    await setUp(() => 200, hook.url.replace("127.0.0.1", "localhost"));
    expect(await outcome(guarded)).toMatchObject({ error: expect.stringContaining("private or reserved address"), permanent: true });
    expect(hook.requests).toHaveLength(0);
    expect(await outcome(createWebhookChannel({ allowPrivate: () => true }))).toEqual({ delivered: "http:200" });
  });

  it("fails permanently for a deactivated endpoint or a malformed stored body, without a request", async () => {
    await setUp(() => 200);
    payload = { id: "evt-2", type: "not.an.event", createdAt: "", data: {} };
    expect(await outcome(deliverWebhook)).toEqual({ error: "stored webhook body is malformed", permanent: true });
    payload = { id: "evt-2", type: "checkin.opened", createdAt: "", data: {} };
    await db().webhookEndpoint.update({ where: { id: endpointId }, data: { active: false } });
    expect(await outcome(deliverWebhook)).toEqual({ error: "webhook endpoint deactivated", permanent: true });
    expect(hook.requests).toHaveLength(0);
  });
});
