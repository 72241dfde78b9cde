import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { appointmentBody, call, expectProblem, makeApiDealer, reportBody } from "@/test/api";
import { setNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { unseal } from "@/lib/notify/seal";
import { lookupToken } from "@/lib/tokens";

withMigratedDatabase();

const BEFORE_WINDOW = new Date("2026-11-20T10:00:00Z");

let dealer: Awaited<ReturnType<typeof makeApiDealer>>;
beforeAll(async () => {
  dealer = await makeApiDealer("cancel-a");
});
afterEach(() => setNow(null));

const put = (externalId: string, body: unknown) => call("appointment", "PUT", externalId, { key: dealer.key, body });
const cancel = (externalId: string) => call("cancel", "POST", externalId, { key: dealer.key });
const sendCheckin = (externalId: string, body: unknown) => call("checkinSend", "POST", externalId, { key: dealer.key, body });

describe("POST /api/v1/appointments/{externalId}/cancel", () => {
  it("cancels: status cancelled, a new version, check-in closed, queued messages cancelled, links revoked", async () => {
    setNow(BEFORE_WINDOW);
    const created = await put("CANCEL-1", appointmentBody());
    const id = (created.json as { id: string }).id;
    await call("report", "PUT", "CANCEL-1", { key: dealer.key, body: reportBody() });
    await call("reportSend", "POST", "CANCEL-1", { key: dealer.key, body: { channel: "email" } });

    const answer = await cancel("CANCEL-1");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("etag")).toBe('"2"');
    expect(answer.json).toMatchObject({
      externalId: "CANCEL-1",
      status: "cancelled",
      version: 2,
      checkin: { state: "closed" },
      report: { state: "closed" },
    });
    expect((answer.json as { cancelledAt: string }).cancelledAt).toBe("2026-11-20T10:00:00Z");

    const messages = await db().notification.findMany({ where: { appointmentId: id }, select: { kind: true, status: true } });
    expect(messages).toEqual(
      expect.arrayContaining([
        { kind: "CHECKIN_INVITATION", status: "CANCELLED" },
        { kind: "REPORT", status: "CANCELLED" },
      ]),
    );
    expect(messages.every((m) => m.status === "CANCELLED")).toBe(true);
    expect(await db().accessToken.count({ where: { appointmentId: id, revokedAt: null } })).toBe(0);
    expect(await db().appointmentSnapshot.count({ where: { appointmentId: id } })).toBe(2);
    expect(await db().auditEvent.count({ where: { appointmentId: id, type: "appointment.cancelled" } })).toBe(1);
  });

  it("is idempotent: cancelling again answers 200 with the same version", async () => {
    setNow(BEFORE_WINDOW);
    await put("CANCEL-2", appointmentBody());
    const first = await cancel("CANCEL-2");
    const second = await cancel("CANCEL-2");
    expect(second.status).toBe(200);
    expect(second.json).toEqual(first.json);
    expect(second.json).toMatchObject({ version: 2 });
  });

  it("refuses to cancel a finalized appointment (409) and answers 404 for an unknown one", async () => {
    setNow(BEFORE_WINDOW);
    await put("FINAL-1", appointmentBody({ status: "finalized" }));
    expectProblem(await cancel("FINAL-1"), 409);
    expectProblem(await cancel("NOPE-1"), 404);
  });

  it("a cancelled appointment can be rescheduled by PUT; its check-in is planned again", async () => {
    setNow(BEFORE_WINDOW);
    await put("REVIVE-1", appointmentBody());
    await cancel("REVIVE-1");
    const revived = await put("REVIVE-1", appointmentBody({ startsAt: "2026-12-08T08:30:00+01:00" }));
    expect(revived.json).toMatchObject({ status: "scheduled", version: 3, cancelledAt: null, checkin: { state: "scheduled" } });
  });
});

describe("POST /api/v1/appointments/{externalId}/checkin/send", () => {
  it("sends now: 202 with the link and the queued message, which replaces the automatic invitation", async () => {
    setNow(BEFORE_WINDOW);
    const created = await put("SEND-1", appointmentBody());
    const id = (created.json as { id: string }).id;
    const answer = await sendCheckin("SEND-1", { channel: "sms", note: "See you Tuesday" });
    expect(answer.status).toBe(202);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    const { url, notificationId } = answer.json as { url: string; notificationId: string };
    expect(url).toMatch(/\/c\/[A-Za-z0-9_-]{22}$/);
    const token = url.slice(-22);
    expect(await lookupToken(token, "CHECKIN", BEFORE_WINDOW)).toMatchObject({ status: "valid", recipientRole: "DRIVER" });
    const message = await db().notification.findUniqueOrThrow({ where: { id: notificationId } });
    expect(message).toMatchObject({ kind: "CHECKIN_INVITATION", channel: "SMS", recipient: "+32470123456", status: "QUEUED" });
    expect(unseal((message.payload as { sealedLink: string }).sealedLink)).toBe(url);
    expect(message.payload).toMatchObject({ note: "See you Tuesday" });
    const automatic = await db().notification.findFirstOrThrow({
      where: { appointmentId: id, kind: "CHECKIN_INVITATION", id: { not: notificationId } },
    });
    expect(automatic.status).toBe("CANCELLED");
    expect((await call("appointment", "GET", "SEND-1", { key: dealer.key })).json).toMatchObject({
      checkin: { state: "sent", recipient: { role: "driver", channel: "sms" }, url: null },
    });
  });

  it("409 when cancelled or once the appointment day has come; 422 when nobody is reachable on the channel", async () => {
    setNow(BEFORE_WINDOW);
    await put("SEND-2", appointmentBody());
    await cancel("SEND-2");
    expectProblem(await sendCheckin("SEND-2", { channel: "email" }), 409);

    await put("SEND-3", appointmentBody());
    setNow(new Date("2026-11-30T23:00:00Z"));
    expectProblem(await sendCheckin("SEND-3", { channel: "email" }), 409);

    setNow(BEFORE_WINDOW);
    await put("SEND-4", appointmentBody({ contacts: [{ role: "driver", lastName: "Mail only", email: "m@example.com" }] }));
    const unreachable = await sendCheckin("SEND-4", { channel: "sms" });
    expectProblem(unreachable, 422);
    expect((unreachable.json as { errors: unknown[] }).errors).toEqual([{ path: "channel", message: expect.any(String) }]);
    expectProblem(await sendCheckin("NOPE-2", { channel: "email" }), 404);
  });
});
