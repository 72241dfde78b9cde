import { describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeDealer } from "@/test/fixtures";
import { syncAppointmentMessages } from "@/lib/appointments/appointment-messages";
import { sendCheckinNow } from "@/lib/checkin/schedule-checkin";
import { db } from "@/lib/db";
import { unseal } from "@/lib/notify/seal";
import { lookupToken } from "@/lib/tokens";

withMigratedDatabase();

const staffActor = { type: "STAFF" as const, id: "advisor-1" };

const now = new Date("2026-11-20T10:00:00Z");
const startsAt = new Date("2026-12-01T07:30:00Z"); // Tuesday 1 December, 08:30 in Brussels

async function appointment(
  slug: string,
  contacts: { role: "DRIVER" | "OWNER"; email?: string; phone?: string; locale?: string }[],
  reminderDaysBefore: number | null = null,
) {
  const dealer = await makeDealer(slug);
  await db().site.update({ where: { id: dealer.siteId }, data: { reminderDaysBefore } });
  const created = await db().appointment.create({
    data: {
      dealerId: dealer.id,
      siteId: dealer.siteId,
      externalId: `${slug}-1`,
      startsAt,
      contacts: { create: contacts.map((c) => ({ firstName: "Inès", lastName: "Dupont", locale: c.locale ?? "fr", ...c })) },
    },
    select: { id: true },
  });
  return { dealerId: dealer.id, appointmentId: created.id };
}

const queued = (appointmentId: string, kind: "CHECKIN_INVITATION" | "APPOINTMENT_REMINDER" = "CHECKIN_INVITATION") =>
  db().notification.findMany({ where: { appointmentId, kind }, orderBy: { createdAt: "asc" } });

describe("check-in invitation scheduling (seed 003)", () => {
  it("queues one invitation to the driver at 19:00 site time three days before, with a sealed working link", async () => {
    const ids = await appointment("sched-a", [
      { role: "OWNER", email: "owner@x.test" },
      { role: "DRIVER", email: "driver@x.test" },
    ]);
    await db().$transaction((tx) => syncAppointmentMessages(tx, { ...ids, now }));
    const checkIn = await db().checkIn.findUniqueOrThrow({ where: { appointmentId: ids.appointmentId } });
    expect(checkIn).toMatchObject({ state: "SCHEDULED", recipientRole: "DRIVER", channel: "EMAIL" });
    expect(checkIn.sendAt?.toISOString()).toBe("2026-11-28T18:00:00.000Z");
    expect(checkIn.closesAt.toISOString()).toBe("2026-11-30T23:00:00.000Z");

    const [invitation, ...others] = await queued(ids.appointmentId);
    expect(others).toEqual([]);
    expect(invitation).toMatchObject({ status: "QUEUED", channel: "EMAIL", recipient: "driver@x.test", locale: "fr" });
    expect(invitation?.dueAt.toISOString()).toBe("2026-11-28T18:00:00.000Z");
    const payload = invitation?.payload as { sealedLink: string };
    expect(JSON.stringify(payload)).not.toMatch(/\/c\/[A-Za-z0-9_-]{22}/);
    const link = unseal(payload.sealedLink);
    expect(link).toMatch(/^http:\/\/localhost:3000\/c\/[A-Za-z0-9_-]{22}$/);
    const token = link.split("/").pop() ?? "";
    expect(await lookupToken(token, "CHECKIN", now)).toMatchObject({ status: "valid", appointmentId: ids.appointmentId });
  });

  it("moves the invitation when the appointment moves, and drops it when moved inside the window", async () => {
    const ids = await appointment("sched-b", [{ role: "DRIVER", email: "d@x.test" }]);
    await db().$transaction((tx) => syncAppointmentMessages(tx, { ...ids, now }));
    await db().appointment.update({ where: { id: ids.appointmentId }, data: { startsAt: new Date("2026-12-04T09:00:00Z") } });
    await db().$transaction((tx) => syncAppointmentMessages(tx, { ...ids, now }));
    let rows = await queued(ids.appointmentId);
    expect(rows.map((r) => r.status)).toEqual(["CANCELLED", "QUEUED"]);
    expect(rows[0]?.payload).toEqual({});
    expect(rows[1]?.dueAt.toISOString()).toBe("2026-12-01T18:00:00.000Z");

    // Moved to the day after tomorrow: inside the three-day window → no automatic invitation.
    await db().appointment.update({ where: { id: ids.appointmentId }, data: { startsAt: new Date("2026-11-22T09:00:00Z") } });
    await db().$transaction((tx) => syncAppointmentMessages(tx, { ...ids, now }));
    rows = await queued(ids.appointmentId);
    expect(rows.filter((r) => r.status === "QUEUED")).toEqual([]);
    expect((await db().checkIn.findUniqueOrThrow({ where: { appointmentId: ids.appointmentId } })).state).toBe("NOT_APPLICABLE");
  });

  it("leaves the queued invitation and reminder alone when a change does not touch them", async () => {
    const ids = await appointment("sched-e", [{ role: "DRIVER", email: "d@x.test" }], 1);
    await db().$transaction((tx) => syncAppointmentMessages(tx, { ...ids, now }));
    await db().appointment.update({ where: { id: ids.appointmentId }, data: { workOrderRef: "WO-2" } });
    await db().$transaction((tx) => syncAppointmentMessages(tx, { ...ids, now }));
    const rows = await db().notification.findMany({ where: { appointmentId: ids.appointmentId } });
    expect(rows.map((r) => `${r.kind}:${r.status}`).sort()).toEqual(["APPOINTMENT_REMINDER:QUEUED", "CHECKIN_INVITATION:QUEUED"]);
  });

  it("on cancellation cancels everything queued and closes every link at once", async () => {
    const ids = await appointment("sched-c", [{ role: "DRIVER", email: "d@x.test" }], 1);
    await db().$transaction((tx) => syncAppointmentMessages(tx, { ...ids, now }));
    const { url } = await db().$transaction((tx) => sendCheckinNow(tx, { ...ids, actor: staffActor, channel: "EMAIL", now }));
    await db().appointment.update({ where: { id: ids.appointmentId }, data: { status: "CANCELLED" } });
    await db().$transaction((tx) => syncAppointmentMessages(tx, { ...ids, now }));
    const all = await db().notification.findMany({ where: { appointmentId: ids.appointmentId } });
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all.every((n) => n.status === "CANCELLED")).toBe(true);
    expect(await lookupToken(url.split("/").pop() ?? "", "CHECKIN", now)).toMatchObject({ status: "revoked" });
    expect((await db().checkIn.findUniqueOrThrow({ where: { appointmentId: ids.appointmentId } })).state).toBe("CLOSED");
  });

  it("queues the appointment reminder N days before at the site's send time", async () => {
    const ids = await appointment("sched-d", [{ role: "DRIVER", email: "d@x.test" }], 1);
    await db().$transaction((tx) => syncAppointmentMessages(tx, { ...ids, now }));
    const [reminder] = await queued(ids.appointmentId, "APPOINTMENT_REMINDER");
    expect(reminder?.dueAt.toISOString()).toBe("2026-11-30T18:00:00.000Z");
    expect(reminder?.status).toBe("QUEUED");
  });
});

describe("sending the check-in link now", () => {
  it("queues it at once to the first contact reachable on the channel and marks the check-in sent", async () => {
    const ids = await appointment("send-a", [
      { role: "DRIVER", email: "d@x.test" },
      { role: "OWNER", phone: "+32470000002" },
    ]);
    await db().$transaction((tx) => syncAppointmentMessages(tx, { ...ids, now }));
    const result = await db().$transaction((tx) =>
      sendCheckinNow(tx, { ...ids, actor: staffActor, channel: "SMS", note: "See you Tuesday", now }),
    );
    const row = await db().notification.findUniqueOrThrow({ where: { id: result.notificationId } });
    expect(row).toMatchObject({ status: "QUEUED", channel: "SMS", recipient: "+32470000002", recipientRole: "OWNER" });
    expect(row.dueAt).toEqual(now);
    expect(unseal((row.payload as { sealedLink: string }).sealedLink)).toBe(result.url);
    // The automatic invitation it replaces is cancelled: the customer gets one message, not two.
    expect((await queued(ids.appointmentId)).filter((n) => n.status === "QUEUED").map((n) => n.id)).toEqual([result.notificationId]);
    expect((await db().checkIn.findUniqueOrThrow({ where: { appointmentId: ids.appointmentId } })).state).toBe("SENT");
    const audit = await db().auditEvent.findMany({ where: { appointmentId: ids.appointmentId, type: "checkin.link_sent" } });
    expect(audit).toMatchObject([
      { actorType: "STAFF", actorId: "advisor-1", data: { channel: "SMS", notificationId: result.notificationId } },
    ]);
  });

  it("is refused for a cancelled appointment, on its day, and when nobody has that address", async () => {
    const ids = await appointment("send-b", [{ role: "DRIVER", email: "d@x.test" }]);
    await expect(db().$transaction((tx) => sendCheckinNow(tx, { ...ids, actor: staffActor, channel: "SMS", now }))).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(
      db().$transaction((tx) => sendCheckinNow(tx, { ...ids, actor: staffActor, channel: "EMAIL", now: new Date("2026-11-30T23:00:00Z") })),
    ).rejects.toMatchObject({
      code: "conflict",
    });
    await db().appointment.update({ where: { id: ids.appointmentId }, data: { status: "CANCELLED" } });
    await expect(db().$transaction((tx) => sendCheckinNow(tx, { ...ids, actor: staffActor, channel: "EMAIL", now }))).rejects.toMatchObject(
      {
        code: "conflict",
      },
    );
    expect(await db().notification.count({ where: { appointmentId: ids.appointmentId } })).toBe(0);
  });
});
