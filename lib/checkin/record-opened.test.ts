import { describe, expect, it } from "vitest";
import { correctContact } from "@/lib/checkin/answer-checkin";
import { recordCheckinOpened } from "@/lib/checkin/record-opened";
import { db } from "@/lib/db";
import { withMigratedDatabase } from "@/test/database";
import { makeAppointment, makeDealer, makeWebhookEndpoint } from "@/test/fixtures";

withMigratedDatabase();

const context = { ip: "198.51.100.7", userAgent: "Mobile Safari" };

async function setup(slug: string, state: "SENT" | "SUBMITTED" | "SCHEDULED" = "SENT") {
  const dealer = await makeDealer(slug);
  const appointment = await makeAppointment(dealer, { externalId: `${slug}-1` });
  await db().checkIn.create({
    data: { dealerId: dealer.id, appointmentId: appointment.id, state, closesAt: new Date(Date.now() + 3 * 86_400_000) },
  });
  await makeWebhookEndpoint(dealer.id, "https://dms.example.com/hooks", ["checkin.opened"]);
  return { dealerId: dealer.id, appointmentId: appointment.id, context };
}

const opens = (appointmentId: string) => db().auditEvent.count({ where: { appointmentId, type: "checkin.opened" } });
const webhooks = (appointmentId: string) =>
  db().notification.findMany({ where: { appointmentId, kind: "WEBHOOK" }, select: { payload: true } });

describe("the check-in counted as opened", () => {
  it("once: openedAt, SENT → OPENED, one audit entry and one checkin.opened webhook with the DMS's id", async () => {
    const link = await setup("opened-a");
    expect(await db().$transaction((tx) => recordCheckinOpened(tx, link))).toBe(true);
    expect(await db().$transaction((tx) => recordCheckinOpened(tx, link))).toBe(false);
    const checkIn = await db().checkIn.findUniqueOrThrow({ where: { appointmentId: link.appointmentId } });
    expect(checkIn.state).toBe("OPENED");
    expect(checkIn.openedAt).toBeInstanceOf(Date);
    expect(await opens(link.appointmentId)).toBe(1);
    const sent = await webhooks(link.appointmentId);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload).toMatchObject({ type: "checkin.opened", data: { externalId: "opened-a-1" } });
  });

  it("does not move a submitted check-in back, nor a scheduled one (its invitation stays planned)", async () => {
    for (const state of ["SUBMITTED", "SCHEDULED"] as const) {
      const link = await setup(`opened-${state.toLowerCase()}`, state);
      await db().$transaction((tx) => recordCheckinOpened(tx, link));
      const checkIn = await db().checkIn.findUniqueOrThrow({ where: { appointmentId: link.appointmentId } });
      expect(checkIn.state).toBe(state);
      expect(checkIn.openedAt).toBeInstanceOf(Date);
    }
  });

  it("by a first answer, even without the page's beacon (JavaScript off)", async () => {
    const link = await setup("opened-answer");
    await correctContact({ link, email: "new@example.com", phone: "" });
    expect((await db().checkIn.findUniqueOrThrow({ where: { appointmentId: link.appointmentId } })).state).toBe("OPENED");
    expect(await opens(link.appointmentId)).toBe(1);
  });
});

describe("correcting contact details", () => {
  it("reads a national phone number in the site's country and flags both corrections for the advisor", async () => {
    const link = await setup("contact-a");
    await correctContact({ link, email: " ines.new@example.com ", phone: "0470 12 34 56" });
    const draft = await db().checkInRevision.findFirstOrThrow({ where: { checkIn: { appointmentId: link.appointmentId } } });
    expect(draft).toMatchObject({ correctedEmail: "ines.new@example.com", correctedPhone: "+32470123456" });
  });

  it("does not flag what the customer sent back unchanged", async () => {
    const link = await setup("contact-same");
    await correctContact({ link, email: "INES@example.com", phone: "0470 12 34 56" });
    const draft = await db().checkInRevision.findFirstOrThrow({ where: { checkIn: { appointmentId: link.appointmentId } } });
    expect(draft).toMatchObject({ correctedEmail: null, correctedPhone: "+32470123456" });
  });

  it("refuses a phone number that is not one, at the phone field, and stores nothing", async () => {
    const link = await setup("contact-b");
    await expect(correctContact({ link, email: "", phone: "12" })).rejects.toMatchObject({
      code: "validation_failed",
      errors: [{ path: "phone", message: "phone" }],
    });
    expect(await db().checkInRevision.count({ where: { checkIn: { appointmentId: link.appointmentId } } })).toBe(0);
  });
});
