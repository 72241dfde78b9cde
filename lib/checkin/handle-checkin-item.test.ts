import { describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeAppointment, makeDealer, makeWebhookEndpoint } from "@/test/fixtures";
import { listAppointmentsForDealer } from "@/lib/appointments/list-appointments-for-dealer";
import { addComment, setServiceSelected, type CustomerLink } from "@/lib/checkin/answer-checkin";
import { getCheckinAnswerForStaff } from "@/lib/checkin/checkin-answer-for-staff";
import { convertCheckinItem, setCheckinItemHandled, setVisibleToMechanics } from "@/lib/checkin/handle-checkin-item";
import { getRemarksForMechanics } from "@/lib/checkin/remarks-for-mechanics";
import { submitCheckin } from "@/lib/checkin/submit-checkin";
import { db } from "@/lib/db";

withMigratedDatabase();

const context = { ip: "198.51.100.23", userAgent: "Mobile Safari" };

async function photo(dealerId: string, name: string) {
  return db().asset.create({
    data: { dealerId, kind: "IMAGE", contentType: "image/webp", bytes: 1000, storageKey: `${dealerId}/${name}.webp`, sha256: name },
    select: { id: true },
  });
}

/** A dealer whose customer confirmed a car wash and two remarks (the first with two photos). */
async function answered(slug: string) {
  const dealer = await makeDealer(slug);
  const appointment = await makeAppointment(dealer, { externalId: `${slug}-1`, startsAt: new Date(Date.now() + 2 * 86_400_000) });
  await db().checkIn.create({
    data: { dealerId: dealer.id, appointmentId: appointment.id, state: "SENT", closesAt: new Date(Date.now() + 86_400_000) },
  });
  const wash = await db().optionalService.create({
    data: {
      dealerId: dealer.id,
      position: 0,
      priceMinor: 2066,
      vatRateBp: 600,
      targetMakes: [],
      targetModels: [],
      targetSiteIds: [],
      texts: { create: [{ locale: "en", title: "Car wash", description: "Outside and in" }] },
    },
  });
  const terms = await db().termsVersion.create({ data: { dealerId: dealer.id, locale: "en", version: 1, title: "Terms", body: "…" } });
  const link: CustomerLink = { dealerId: dealer.id, appointmentId: appointment.id, context };
  const [dashboard, seat] = [await photo(dealer.id, `${slug}-dash`), await photo(dealer.id, `${slug}-seat`)];
  await setServiceSelected({ link, serviceId: wash.id, selected: true, locale: "en" });
  await addComment({ link, title: "Squeak", description: "Front left, when braking", assetIds: [dashboard.id, seat.id] });
  await addComment({ link, title: "Child seat", description: "Please leave it in", assetIds: [] });
  await submitCheckin({ link, termsVersionId: terms.id });
  const answer = await getCheckinAnswerForStaff({ dealerId: dealer.id, appointmentId: appointment.id });
  if (!answer) throw new Error("no answer");
  const staff = { dealerId: dealer.id, appointmentId: appointment.id, staffUserId: "advisor-1" };
  return { dealer, appointment, link, wash, terms, answer, staff, dashboard, seat };
}

describe("the advisor handling a check-in answer", () => {
  it("marks items handled and back, audits each change once, and unpins the appointment when all are handled", async () => {
    const s = await answered("handle-a");
    const [selection] = s.answer.selections;
    const [squeak, seat] = s.answer.comments;
    const list = () => listAppointmentsForDealer({ dealerId: s.dealer.id, pinAnswers: true });
    expect((await list()).pinned.map((r) => [r.externalId, r.checkinAnswer])).toEqual([["handle-a-1", "open"]]);

    expect(await setCheckinItemHandled({ ...s.staff, item: "selection", itemId: selection!.id, handled: true })).toEqual({ changed: true });
    expect(await setCheckinItemHandled({ ...s.staff, item: "selection", itemId: selection!.id, handled: true })).toEqual({
      changed: false,
    });
    await setCheckinItemHandled({ ...s.staff, item: "comment", itemId: squeak!.id, handled: true });
    expect((await list()).pinned).toHaveLength(1);
    await setCheckinItemHandled({ ...s.staff, item: "comment", itemId: seat!.id, handled: true });
    const after = await list();
    expect(after.pinned).toEqual([]);
    expect([...after.today, ...after.upcoming].map((r) => [r.externalId, r.checkinAnswer])).toEqual([["handle-a-1", "handled"]]);
    // Undo: pinned again. Staff without pinning (the mechanic's list) never see a pinned group.
    await setCheckinItemHandled({ ...s.staff, item: "comment", itemId: seat!.id, handled: false });
    expect((await list()).pinned).toHaveLength(1);
    expect((await listAppointmentsForDealer({ dealerId: s.dealer.id })).pinned).toEqual([]);

    const audits = await db().auditEvent.findMany({ where: { appointmentId: s.appointment.id, type: "checkin.item_handled" } });
    expect(audits.map((a) => [a.actorType, a.actorId])).toEqual(Array(4).fill(["STAFF", "advisor-1"]));
  });

  it("treats another dealer's appointment or item as not found", async () => {
    const s = await answered("handle-b");
    const other = await answered("handle-c");
    const otherItem = other.answer.selections[0]!.id;
    await expect(setCheckinItemHandled({ ...s.staff, item: "selection", itemId: otherItem, handled: true })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      setCheckinItemHandled({ ...s.staff, appointmentId: other.appointment.id, item: "selection", itemId: otherItem, handled: true }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(convertCheckinItem({ ...s.staff, item: "selection", itemId: otherItem })).rejects.toMatchObject({ code: "not_found" });
    const otherAttachment = other.answer.comments[0]!.attachments[0]!.id;
    await expect(setVisibleToMechanics({ ...s.staff, item: "attachment", itemId: otherAttachment, visible: true })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await db().checkInSelection.findUniqueOrThrow({ where: { id: otherItem } })).toMatchObject({ handled: false });
  });

  it("converts a service to a job exactly once: its agreed price, a new version with a snapshot, one webhook and one audit", async () => {
    const s = await answered("convert-a");
    await makeWebhookEndpoint(s.dealer.id, "https://dms.example/hooks", ["checkin.item_converted"]);
    const selection = s.answer.selections[0]!;
    const first = await convertCheckinItem({ ...s.staff, item: "selection", itemId: selection.id });
    const again = await convertCheckinItem({ ...s.staff, item: "selection", itemId: selection.id });
    expect(first).toMatchObject({ converted: true, version: 2 });
    expect(again).toEqual({ converted: false, lineId: first.lineId, version: 2 });

    const lines = await db().plannedWorkLine.findMany({ where: { appointmentId: s.appointment.id, source: "CHECKIN" } });
    expect(lines.map((l) => [l.id, l.title, l.quantityMilli, l.unitPriceMinor, l.vatRateBp, l.position])).toEqual([
      [first.lineId, "Car wash", 1000, 2066, 600, 3],
    ]);
    expect(await db().checkInSelection.findUniqueOrThrow({ where: { id: selection.id } })).toMatchObject({
      convertedLineId: first.lineId,
      handled: true,
    });
    const snapshot = await db().appointmentSnapshot.findFirstOrThrow({ where: { appointmentId: s.appointment.id, version: 2 } });
    expect(snapshot).toMatchObject({ actorType: "STAFF", actorId: "advisor-1" });
    expect(JSON.stringify(snapshot.data)).toContain('"source":"CHECKIN"');
    const hooks = await db().notification.findMany({ where: { dealerId: s.dealer.id, kind: "WEBHOOK" } });
    expect(hooks.map((h) => h.payload)).toEqual([
      expect.objectContaining({
        type: "checkin.item_converted",
        data: {
          externalId: "convert-a-1",
          version: 2,
          revision: 1,
          item: { type: "optionalService", id: selection.id },
          plannedWork: { id: first.lineId, title: "Car wash", quantity: "1", unitPrice: "20.66", vatRate: "6", source: "checkin" },
        },
      }),
    ]);
    expect(await db().auditEvent.count({ where: { appointmentId: s.appointment.id, type: "checkin.item_converted" } })).toBe(1);
  });

  it("converts a remark at price 0 with the appointment's VAT rate, once even when two clicks race", async () => {
    const s = await answered("convert-b");
    const squeak = s.answer.comments[0]!;
    const results = await Promise.all([
      convertCheckinItem({ ...s.staff, item: "comment", itemId: squeak.id }),
      convertCheckinItem({ ...s.staff, item: "comment", itemId: squeak.id }),
    ]);
    expect(results.filter((r) => r.converted)).toHaveLength(1);
    const lines = await db().plannedWorkLine.findMany({ where: { appointmentId: s.appointment.id, source: "CHECKIN" } });
    expect(lines.map((l) => [l.title, l.unitPriceMinor, l.vatRateBp])).toEqual([["Squeak", 0, 2100]]);
    expect(await db().appointment.findUniqueOrThrow({ where: { id: s.appointment.id } })).toMatchObject({ version: 2 });
  });

  it("refuses to convert on a cancelled appointment", async () => {
    const s = await answered("convert-c");
    await db().appointment.update({ where: { id: s.appointment.id }, data: { status: "CANCELLED" } });
    await expect(convertCheckinItem({ ...s.staff, item: "selection", itemId: s.answer.selections[0]!.id })).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await db().plannedWorkLine.count({ where: { appointmentId: s.appointment.id, source: "CHECKIN" } })).toBe(0);
  });
});

describe("remarks shared with the mechanics", () => {
  it("are only the remarks and files the advisor marked visible", async () => {
    const s = await answered("mechanics-a");
    const [squeak, seat] = s.answer.comments;
    const read = () => getRemarksForMechanics({ dealerId: s.dealer.id, appointmentId: s.appointment.id });
    expect(await read()).toEqual([]);
    await setVisibleToMechanics({ ...s.staff, item: "comment", itemId: squeak!.id, visible: true });
    expect(await read()).toEqual([{ id: squeak!.id, title: "Squeak", description: "Front left, when braking", attachments: [] }]);
    await setVisibleToMechanics({ ...s.staff, item: "attachment", itemId: squeak!.attachments[1]!.id, visible: true });
    const [shared] = await read();
    expect(shared!.attachments.map((a) => a.id)).toEqual([squeak!.attachments[1]!.id]);
    expect(shared!.attachments[0]!.thumbUrl).toContain(`/files/${s.seat.id}?v=thumb`);
    expect((await read()).map((r) => r.title)).not.toContain(seat!.title);
    expect(await getRemarksForMechanics({ dealerId: "another-dealer", appointmentId: s.appointment.id })).toEqual([]);
  });
});

describe("a changed answer confirmed again", () => {
  it("keeps the advisor's work on unchanged items and asks for changed and new ones to be handled", async () => {
    const s = await answered("carry-a");
    const [selection] = s.answer.selections;
    const [squeak, seat] = s.answer.comments;
    const converted = await convertCheckinItem({ ...s.staff, item: "selection", itemId: selection!.id });
    await setCheckinItemHandled({ ...s.staff, item: "comment", itemId: squeak!.id, handled: true });
    await setVisibleToMechanics({ ...s.staff, item: "comment", itemId: squeak!.id, visible: true });
    await setVisibleToMechanics({ ...s.staff, item: "attachment", itemId: squeak!.attachments[0]!.id, visible: true });
    await setCheckinItemHandled({ ...s.staff, item: "comment", itemId: seat!.id, handled: true });

    // The customer rewrites the child-seat remark and adds one; the squeak remark and the wash stay as they were.
    const draft = await db().checkInRevision.findFirst({ where: { checkIn: { appointmentId: s.appointment.id }, submittedAt: null } });
    expect(draft).toBeNull();
    await addComment({ link: s.link, title: "Tyre pressure", description: "Warning light on", assetIds: [] });
    const seatCopy = await db().checkInComment.findFirstOrThrow({ where: { title: "Child seat", revision: { number: 2 } } });
    await db().checkInComment.update({ where: { id: seatCopy.id }, data: { description: "Please take it out" } });
    expect(await submitCheckin({ link: s.link, termsVersionId: s.terms.id })).toEqual({ revision: 2 });

    const now = await getCheckinAnswerForStaff({ dealerId: s.dealer.id, appointmentId: s.appointment.id });
    expect(now!.number).toBe(2);
    expect(now!.selections.map((x) => [x.title, x.handled, x.convertedLineId])).toEqual([["Car wash", true, converted.lineId]]);
    expect(now!.comments.map((c) => [c.title, c.handled, c.visibleToMechanics, c.attachments.map((a) => a.visibleToMechanics)])).toEqual([
      ["Squeak", true, true, [true, false]],
      ["Child seat", false, false, []],
      ["Tyre pressure", false, false, []],
    ]);
    expect(now!.changes).toMatchObject({ addedRemarks: ["Child seat", "Tyre pressure"], removedRemarks: ["Child seat"] });
    const pinned = (await listAppointmentsForDealer({ dealerId: s.dealer.id, pinAnswers: true })).pinned;
    expect(pinned.map((r) => r.externalId)).toEqual(["carry-a-1"]);
    // The converted wash is still the customer's choice: counted once in the confirmed total, not twice.
    const totals = await db().checkInRevision.findMany({
      where: { checkIn: { appointmentId: s.appointment.id } },
      orderBy: { number: "asc" },
      select: { grossMinor: true },
    });
    expect(totals[1]!.grossMinor).toBe(totals[0]!.grossMinor);
    // Converting the carried-over service again adds nothing.
    expect(await convertCheckinItem({ ...s.staff, item: "selection", itemId: now!.selections[0]!.id })).toMatchObject({ converted: false });
    expect(await db().plannedWorkLine.count({ where: { appointmentId: s.appointment.id, source: "CHECKIN" } })).toBe(1);
  });
});
