import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { appointmentBody, call, expectProblem, makeApiDealer, reportBody } from "@/test/api";
import { setNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { unseal } from "@/lib/notify/seal";
import { lookupToken } from "@/lib/tokens";

withMigratedDatabase();

const NOW = new Date("2026-12-01T09:00:00Z");

let dealer: Awaited<ReturnType<typeof makeApiDealer>>;
beforeAll(async () => {
  dealer = await makeApiDealer("report-a");
});
afterEach(() => setNow(null));

const putReport = (externalId: string, body: unknown) => call("report", "PUT", externalId, { key: dealer.key, body });
const getReport = (externalId: string) => call("report", "GET", externalId, { key: dealer.key });
const sendReport = (externalId: string, body: unknown) => call("reportSend", "POST", externalId, { key: dealer.key, body });

async function appointment(externalId: string, overrides: Record<string, unknown> = {}) {
  setNow(NOW);
  const answer = await call("appointment", "PUT", externalId, { key: dealer.key, body: appointmentBody(overrides) });
  expect(answer.status).toBe(201);
  return (answer.json as { id: string }).id;
}

async function reportRow(appointmentId: string) {
  return db().report.findUniqueOrThrow({ where: { appointmentId }, include: { versions: { orderBy: { number: "asc" } } } });
}

describe("PUT /api/v1/appointments/{externalId}/report", () => {
  it("sets the draft's items; before the first send the representation shows the draft, hidden items included", async () => {
    await appointment("R-1");
    const answer = await putReport("R-1", reportBody());
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/json");
    expect(answer.json).toMatchObject({
      version: 1,
      state: "draft",
      sentAt: null,
      items: [
        {
          key: "brakes-front",
          category: "necessary",
          visible: true,
          decision: null,
          lines: [{ title: "Brake pads", quantity: "1", unitPrice: "89.90", vatRate: "21" }, { quantity: "0.8" }],
          totals: { net: "165.90", vat: "34.84", gross: "200.74" },
        },
        { key: "wipers", totals: { net: "35.50", vat: "7.46", gross: "42.96" } },
        { key: "tyres", category: "ok", totals: { net: "0.00" } },
        { key: "warranty", visible: false },
      ],
      draft: null,
    });
    expect((await getReport("R-1")).json).toEqual(answer.json);
  });

  it("the same items again change nothing: no new version, no new draft", async () => {
    const id = await appointment("R-2");
    await putReport("R-2", reportBody());
    const before = await reportRow(id);
    expect((await putReport("R-2", reportBody())).status).toBe(200);
    const after = await reportRow(id);
    expect(after.version).toBe(before.version);
    expect(after.versions).toHaveLength(1);
  });

  it("checks amounts against the appointment's currency (422 with the item's path)", async () => {
    await appointment("R-JPY", { currency: "JPY", plannedWork: [] });
    const answer = await putReport("R-JPY", {
      items: [{ key: "a", category: "necessary", title: "Pads", lines: [{ title: "x", unitPrice: "1.5", vatRate: "10" }] }],
    });
    expectProblem(answer, 422);
    expect((answer.json as { errors: unknown[] }).errors).toEqual([
      { path: "items.0.lines.0.unitPrice", message: expect.stringContaining("JPY") },
    ]);
  });

  it("404 without a report yet, for an unknown appointment, and for another dealer's", async () => {
    await appointment("R-NONE");
    expectProblem(await getReport("R-NONE"), 404);
    expectProblem(await putReport("R-MISSING", reportBody()), 404);
  });
});

describe("POST /api/v1/appointments/{externalId}/report/send", () => {
  it("publishes the draft: 202 {url, version, notificationId}, a REPORT link for 14 days, the message queued", async () => {
    const id = await appointment("S-1");
    await putReport("S-1", reportBody());
    const answer = await sendReport("S-1", { channel: "email", note: "Two things worth a look" });
    expect(answer.status).toBe(202);
    const { url, version, notificationId } = answer.json as { url: string; version: number; notificationId: string };
    expect(version).toBe(1);
    expect(url).toMatch(/\/r\/[A-Za-z0-9_-]{22}$/);
    const link = await lookupToken(url.slice(-22), "REPORT", NOW);
    expect(link).toMatchObject({ status: "valid", recipientRole: "DRIVER", expiresAt: new Date(NOW.getTime() + 14 * 86_400_000) });
    const message = await db().notification.findUniqueOrThrow({ where: { id: notificationId } });
    expect(message).toMatchObject({
      kind: "REPORT",
      channel: "EMAIL",
      recipient: "ines@example.com",
      recipientRole: "DRIVER",
      locale: "fr",
      status: "QUEUED",
    });
    expect(unseal((message.payload as { sealedLink: string }).sealedLink)).toBe(url);
    expect(message.payload).toMatchObject({ note: "Two things worth a look" });
    expect((await getReport("S-1")).json).toMatchObject({
      version: 1,
      state: "sent",
      publishedAt: "2026-12-01T09:00:00Z",
      note: "Two things worth a look",
    });
    expect(await reportRow(id)).toMatchObject({ publishedVersion: 1, draftVersion: 1, state: "SENT" });
    expect((await call("appointment", "GET", "S-1", { key: dealer.key })).json).toMatchObject({ report: { state: "sent", version: 1 } });
  });

  it("a change after sending is a new draft version, shown apart until it is sent; a send publishes it", async () => {
    const id = await appointment("S-2");
    await putReport("S-2", reportBody());
    await sendReport("S-2", { channel: "email" });
    // The published items again: nothing to draft.
    await putReport("S-2", reportBody());
    expect((await reportRow(id)).versions).toHaveLength(1);

    const changed = reportBody();
    changed.items[1]!.lines[0]!.unitPrice = "39.90";
    const drafted = await putReport("S-2", changed);
    expect(drafted.json).toMatchObject({
      version: 1,
      items: [{ key: "brakes-front" }, { key: "wipers", lines: [{ unitPrice: "35.50" }] }, {}, {}],
      draft: { version: 2, items: [{ key: "brakes-front" }, { key: "wipers", lines: [{ unitPrice: "39.90" }] }, {}, {}] },
    });
    await putReport("S-2", changed);
    expect((await reportRow(id)).versions).toHaveLength(2);
    const sent = await sendReport("S-2", { channel: "email" });
    expect(sent.json).toMatchObject({ version: 2 });
    expect((await getReport("S-2")).json).toMatchObject({
      version: 2,
      draft: null,
      items: [{}, { key: "wipers", lines: [{ unitPrice: "39.90" }] }, {}, {}],
    });
  });

  it("keeps answers to unchanged items, drops answers to changed ones; totals count only visible, answered items", async () => {
    const id = await appointment("S-3");
    const body = reportBody();
    body.items.push({
      key: "service",
      category: "planned",
      title: "Annual service",
      visible: true,
      lines: [{ title: "Service", quantity: "1", unitPrice: "100.00", vatRate: "21" }],
    });
    await putReport("S-3", body);
    await sendReport("S-3", { channel: "email" });
    const report = await reportRow(id);
    const decidedAt = new Date("2026-12-01T10:00:00Z");
    await db().reportDecision.createMany({
      data: [
        { reportId: report.id, itemKey: "brakes-front", decision: "APPROVED", decidedAt, decidedOnVersion: 1, authorization: "UP" },
        { reportId: report.id, itemKey: "wipers", decision: "CONTACT", decidedAt, decidedOnVersion: 1 },
        // An answer on a hidden item (should not happen) must not reach the customer's totals either.
        { reportId: report.id, itemKey: "warranty", decision: "APPROVED", decidedAt, decidedOnVersion: 1 },
      ],
    });
    await db().report.update({
      where: { id: report.id },
      data: { state: "RESPONDED", respondedAt: decidedAt, answeredVersion: 1, finalComment: "Call me" },
    });
    expect((await getReport("S-3")).json).toMatchObject({
      state: "responded",
      respondedAt: "2026-12-01T10:00:00Z",
      answeredVersion: 1,
      finalComment: "Call me",
      items: [
        { key: "brakes-front", decision: "approved", decidedAt: "2026-12-01T10:00:00Z", authorization: "up", remindAt: null },
        { key: "wipers", decision: "contact" },
        { key: "tyres", decision: null },
        { key: "warranty", visible: false, decision: "approved" },
        { key: "service", category: "planned" },
      ],
      totals: {
        approved: { net: "165.90", vat: "34.84", gross: "200.74" },
        planned: { net: "100.00", vat: "21.00", gross: "121.00" },
        contact: { net: "35.50", vat: "7.46", gross: "42.96" },
      },
    });

    // Resending the same version keeps where the customer is.
    expect((await sendReport("S-3", { channel: "email" })).json).toMatchObject({ version: 1 });
    expect((await getReport("S-3")).json).toMatchObject({ state: "responded", version: 1 });

    const changed = structuredClone(body);
    changed.items[1]!.lines[0]!.unitPrice = "39.90";
    changed.items[2]!.visible = false;
    await putReport("S-3", changed);
    expect((await sendReport("S-3", { channel: "email" })).json).toMatchObject({ version: 2 });
    expect((await getReport("S-3")).json).toMatchObject({
      state: "sent",
      items: [
        { key: "brakes-front", decision: "approved", authorization: "up", decidedOnVersion: 1 },
        { key: "wipers", decision: null, decidedAt: null },
        { key: "tyres", visible: false },
        {},
        {},
      ],
      totals: { approved: { net: "165.90" }, contact: { net: "0.00" } },
    });
  });

  it("sends to the contact asked for, or the first reachable on the channel; 422 when that is nobody", async () => {
    await appointment("S-4", {
      contacts: [
        { role: "driver", lastName: "Mail only", email: "d@example.com" },
        { role: "owner", lastName: "Fleet", email: "o@example.com", phone: "+32470000111" },
      ],
    });
    await putReport("S-4", reportBody());
    const sms = await sendReport("S-4", { channel: "sms" });
    const smsMessage = await db().notification.findUniqueOrThrow({
      where: { id: (sms.json as { notificationId: string }).notificationId },
    });
    expect(smsMessage).toMatchObject({ recipientRole: "OWNER", recipient: "+32470000111" });
    const owner = await sendReport("S-4", { channel: "email", contact: "owner" });
    const ownerMessage = await db().notification.findUniqueOrThrow({
      where: { id: (owner.json as { notificationId: string }).notificationId },
    });
    expect(ownerMessage).toMatchObject({ recipientRole: "OWNER", recipient: "o@example.com" });
    const none = await sendReport("S-4", { channel: "sms", contact: "driver" });
    expectProblem(none, 422);
    expect((none.json as { errors: unknown[] }).errors).toEqual([{ path: "contact", message: expect.any(String) }]);
    expectProblem(await sendReport("S-4", { channel: "email", contact: "contractor" }), 422);
  });

  it("409: nothing visible to send, no report, a cancelled or finalized appointment, a closed report", async () => {
    await appointment("S-5");
    expectProblem(await sendReport("S-5", { channel: "email" }), 409);
    await putReport("S-5", { items: [{ key: "hidden", category: "recommended", title: "Internal", visible: false }] });
    expectProblem(await sendReport("S-5", { channel: "email" }), 409);
    await putReport("S-5", reportBody());
    await call("cancel", "POST", "S-5", { key: dealer.key });
    expectProblem(await sendReport("S-5", { channel: "email" }), 409);

    await appointment("S-6", { status: "finalized" });
    await putReport("S-6", reportBody());
    expectProblem(await sendReport("S-6", { channel: "email" }), 409);

    const id = await appointment("S-7");
    await putReport("S-7", reportBody());
    await db().report.update({ where: { appointmentId: id }, data: { state: "CLOSED" } });
    expectProblem(await sendReport("S-7", { channel: "email" }), 409);
    expectProblem(await sendReport("S-NOPE", { channel: "email" }), 404);
  });
});
