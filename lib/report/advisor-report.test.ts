import { describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeAppointment, makeDealer } from "@/test/fixtures";
import { listAppointmentsForDealer } from "@/lib/appointments/list-appointments-for-dealer";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { askAboutReportItem, decideReportItem, submitReportAnswer, type ReportLink } from "@/lib/report/answer-report";
import { closeReport } from "@/lib/report/close-report";
import {
  addReportItemAttachment,
  moveReportItem,
  removeReportItem,
  saveReportItem,
  setReportItemVisible,
  type ReportItemInput,
} from "@/lib/report/edit-report";
import {
  authorizeReportItem,
  markReportMessageRead,
  replyToReportItem,
  setReportItemFollowUp,
  setReportMechanicVisibility,
} from "@/lib/report/handle-report-item";
import { getReportForMechanics } from "@/lib/report/report-for-mechanics";
import { getReportForStaff } from "@/lib/report/report-for-staff";
import { getReportHistory } from "@/lib/report/report-history";
import { sendReportFromStaff } from "@/lib/report/send-report-from-staff";
import { setReportItems } from "@/lib/report/set-report-items";
import { issueToken, lookupToken } from "@/lib/tokens";

withMigratedDatabase();

const brakes: ReportItemInput = {
  key: null,
  category: "NECESSARY",
  title: "Front brake pads",
  description: "2 mm left",
  visible: true,
  lines: [
    { title: "Brake pads", quantity: "1", unitPrice: "89.90", vatRate: "21" },
    { title: "Labour", quantity: "0.8", unitPrice: "95.00", vatRate: "21" },
  ],
};
const wipers: ReportItemInput = {
  key: null,
  category: "RECOMMENDED",
  title: "Wiper blades",
  description: null,
  visible: true,
  lines: [{ title: "Wiper blades", quantity: "1", unitPrice: "35.50", vatRate: "21" }],
};

async function setUp(slug: string) {
  const dealer = await makeDealer(slug);
  const appointment = await makeAppointment(dealer, { externalId: `${slug}-1`, startsAt: new Date(Date.now() + 86_400_000) });
  const staff = { dealerId: dealer.id, appointmentId: appointment.id, staffUserId: "advisor-1" };
  return { dealer, appointment, staff };
}

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

async function keys(staff: { dealerId: string; appointmentId: string }) {
  return (await getReportForStaff(staff))!.items.map((i) => i.key);
}

/** A sent report of two items, answered by the customer: brakes approved with a question, wipers declined. */
async function answered(slug: string) {
  const s = await setUp(slug);
  await saveReportItem({ ...s.staff, item: brakes });
  await saveReportItem({ ...s.staff, item: wipers });
  const [brakesKey, wipersKey] = await keys(s.staff);
  await sendReportFromStaff({ ...s.staff, staffName: "Sam", contact: "DRIVER", channel: "EMAIL", note: "Two findings" });
  const link: ReportLink = { dealerId: s.dealer.id, appointmentId: s.appointment.id, context: { ip: "198.51.100.7" } };
  await decideReportItem({ link, version: 1, itemKey: brakesKey!, decision: "APPROVED" });
  await decideReportItem({ link, version: 1, itemKey: wipersKey!, decision: "DECLINED", remindMonths: 3 });
  await askAboutReportItem({ link, version: 1, itemKey: brakesKey!, body: "Can you do it today?" });
  await submitReportAnswer({ link, version: 1, finalComment: "Thanks" });
  return { ...s, link, brakesKey: brakesKey!, wipersKey: wipersKey! };
}

describe("the advisor's report builder", () => {
  it("adds, edits, hides, reorders and removes items as draft versions, like the API's PUT", async () => {
    const s = await setUp("build-a");
    expect(await saveReportItem({ ...s.staff, item: brakes })).toEqual({ changed: true });
    // Same category as the brakes: items move among their category's items, the order the pages show.
    expect(await saveReportItem({ ...s.staff, item: { ...wipers, category: "NECESSARY" } })).toEqual({ changed: true });
    await saveReportItem({ ...s.staff, item: { ...wipers, title: "Cabin filter" } });
    let report = (await getReportForStaff(s.staff))!;
    expect(report.state).toBe("DRAFT");
    expect(report.draftVersion).toBe(1);
    const [first, second, filter] = report.items;
    expect(first).toMatchObject({
      category: "NECESSARY",
      title: "Front brake pads",
      lines: [{ unitPrice: "89.90", quantity: "1" }, { quantity: "0.8" }],
    });
    expect(first!.key).toMatch(/^front-brake-pads-[0-9a-f]{6}$/);
    expect(first!.totals).toMatchObject({ netMinor: 16590, vatMinor: 3484, grossMinor: 20074 });

    // The same fields again: nothing written.
    expect(await saveReportItem({ ...s.staff, item: { ...brakes, key: first!.key } })).toEqual({ changed: false });
    await saveReportItem({ ...s.staff, item: { ...brakes, key: first!.key, title: "Front brake pads and discs" } });
    await setReportItemVisible({ ...s.staff, key: second!.key, visible: false });
    await moveReportItem({ ...s.staff, key: second!.key, direction: "up" });
    expect(await moveReportItem({ ...s.staff, key: second!.key, direction: "up" })).toEqual({ changed: false });
    // The cabin filter (another category) never moves in between.
    expect(await moveReportItem({ ...s.staff, key: filter!.key, direction: "up" })).toEqual({ changed: false });
    report = (await getReportForStaff(s.staff))!;
    expect(report.items.map((i) => [i.key, i.title, i.visible])).toEqual([
      [second!.key, "Wiper blades", false],
      [first!.key, "Front brake pads and discs", true],
      [filter!.key, "Cabin filter", true],
    ]);
    await removeReportItem({ ...s.staff, key: second!.key });
    await removeReportItem({ ...s.staff, key: filter!.key });
    expect(await keys(s.staff)).toEqual([first!.key]);
    // Still one draft version: edits before a send replace it.
    expect(await db().reportVersion.count({ where: { report: { appointmentId: s.appointment.id } } })).toBe(1);
    const audits = await db().auditEvent.count({
      where: { appointmentId: s.appointment.id, type: "report.items_set", actorId: "advisor-1" },
    });
    expect(audits).toBe(8);
  });

  it("refuses amounts the currency cannot hold, unknown keys, other dealers' appointments and closed reports", async () => {
    const s = await setUp("build-b");
    const other = await setUp("build-b-other");
    const bad = { ...brakes, lines: [{ title: "Pads", quantity: "1", unitPrice: "1.999", vatRate: "21" }] };
    await expect(saveReportItem({ ...s.staff, item: bad })).rejects.toMatchObject({
      code: "validation_failed",
      errors: [{ path: "lines.0.unitPrice" }],
    });
    expect(await code(saveReportItem({ ...s.staff, item: { ...brakes, key: "nope" } }))).toBe("not_found");
    expect(await code(saveReportItem({ ...s.staff, appointmentId: other.appointment.id, item: brakes }))).toBe("not_found");
    await saveReportItem({ ...s.staff, item: brakes });
    const [key] = await keys(s.staff);
    expect(await code(setReportItemVisible({ ...other.staff, key: key!, visible: false }))).toBe("not_found");
    expect(await code(closeReport({ ...other.staff, appointmentId: s.appointment.id }))).toBe("not_found");
  });

  it("keeps attachments with their item across edits, API PUTs and new versions; other dealers' files are refused", async () => {
    const s = await setUp("build-c");
    const other = await setUp("build-c-other");
    await saveReportItem({ ...s.staff, item: brakes });
    const [key] = await keys(s.staff);
    const asset = await db().asset.create({
      data: { dealerId: s.dealer.id, kind: "IMAGE", contentType: "image/webp", bytes: 10, storageKey: "k/a.webp", sha256: "a" },
    });
    const foreign = await db().asset.create({
      data: { dealerId: other.dealer.id, kind: "IMAGE", contentType: "image/webp", bytes: 10, storageKey: "k/b.webp", sha256: "b" },
    });
    expect(await code(addReportItemAttachment({ ...s.staff, key: key!, assetId: foreign.id }))).toBe("not_found");
    await addReportItemAttachment({ ...s.staff, key: key!, assetId: asset.id });
    await saveReportItem({ ...s.staff, item: { ...brakes, key: key!, title: "Brakes" } });
    await sendReportFromStaff({ ...s.staff, staffName: "Sam", contact: "DRIVER", channel: "EMAIL", note: null });
    // The DMS replaces the items after the send: version 2, the photo still with its item.
    const externalId = "build-c-1";
    await setReportItems({
      dealerId: s.dealer.id,
      externalId,
      actor: { type: "API" },
      body: {
        items: [{ key: key!, category: "necessary", title: "Brakes!", description: null, visible: true, lines: [] }],
      },
    });
    const report = (await getReportForStaff(s.staff))!;
    expect(report.draftVersion).toBe(2);
    expect(report.hasUnsentChanges).toBe(true);
    expect(report.items[0]!.attachments.map((a) => a.assetId)).toEqual([asset.id]);
    expect(report.items[0]!.attachments[0]!.fullUrl).toMatch(/^\/files\//);
  });
});

describe("sending from the back-office", () => {
  it("publishes a version per changed send to the chosen contact and channel, with history", async () => {
    const s = await setUp("send-a");
    await db().appointmentContact.updateMany({ where: { appointmentId: s.appointment.id }, data: { phone: "+32470111222" } });
    await saveReportItem({ ...s.staff, item: brakes });
    const first = await sendReportFromStaff({ ...s.staff, staffName: "Sam Advisor", contact: "DRIVER", channel: "SMS", note: "Hello" });
    expect(first.version).toBe(1);
    const [key] = await keys(s.staff);
    await saveReportItem({
      ...s.staff,
      item: { ...brakes, key: key!, lines: [{ title: "Pads", quantity: "1", unitPrice: "79.90", vatRate: "21" }] },
    });
    const second = await sendReportFromStaff({ ...s.staff, staffName: "Sam Advisor", contact: "DRIVER", channel: "EMAIL", note: null });
    expect(second.version).toBe(2);
    const notifications = await db().notification.findMany({ where: { appointmentId: s.appointment.id }, orderBy: { createdAt: "asc" } });
    expect(notifications.map((n) => [n.kind, n.channel, n.recipient])).toEqual([
      ["REPORT", "SMS", "+32470111222"],
      ["REPORT", "EMAIL", "ines@example.com"],
    ]);
    expect((await db().report.findFirstOrThrow({ where: { appointmentId: s.appointment.id } })).advisorName).toBe("Sam Advisor");
    await expect(sendReportFromStaff({ ...s.staff, staffName: "x", contact: "OWNER", channel: "EMAIL", note: null })).rejects.toMatchObject(
      { code: "validation_failed" },
    );
    const other = await setUp("send-a-other");
    expect(
      await code(
        sendReportFromStaff({
          ...other.staff,
          appointmentId: s.appointment.id,
          staffName: "x",
          contact: "DRIVER",
          channel: "EMAIL",
          note: null,
        }),
      ),
    ).toBe("not_found");

    const history = await getReportHistory(s.staff);
    expect(history.map((h) => [h.kind, h.kind === "sent" ? [h.channel, h.address, h.version, h.staffName] : null])).toEqual([
      ["sent", ["SMS", "+32470111222", 1, null]],
      ["sent", ["EMAIL", "ines@example.com", 2, null]],
    ]);
  });
});

describe("after the customer's answer", () => {
  it("shows the answers, the question and the history with the customer's IP", async () => {
    const s = await answered("after-a");
    const report = (await getReportForStaff(s.staff))!;
    expect(report.state).toBe("RESPONDED");
    const [b, w] = report.items;
    expect(b!.decision).toMatchObject({ decision: "APPROVED", authorization: null });
    expect(w!.decision).toMatchObject({ decision: "DECLINED" });
    expect(w!.decision!.remindAt).toBeInstanceOf(Date);
    expect(b!.messages.map((m) => [m.author, m.body, m.readAt])).toEqual([["CUSTOMER", "Can you do it today?", null]]);
    const history = await getReportHistory(s.staff);
    expect(history.map((h) => [h.kind, h.name, h.address, "ip" in h ? h.ip : null])).toEqual([
      ["sent", "Inès Dupont", "ines@example.com", null],
      ["opened", "Inès Dupont", "ines@example.com", "198.51.100.7"],
      ["question", "Inès Dupont", "ines@example.com", "198.51.100.7"],
      ["responded", "Inès Dupont", "ines@example.com", "198.51.100.7"],
    ]);
  });

  it("authorises with thumbs up/down (undoable), pins the list until done, snoozes, and the mechanic sees only what is allowed", async () => {
    const s = await answered("after-b");
    const list = async () =>
      (await listAppointmentsForDealer({ dealerId: s.dealer.id, pinAnswers: true })).pinned.map((r) => r.reportAnswer);
    expect(await list()).toEqual(["open"]);
    expect(await getReportForMechanics(s.staff)).toEqual([]);

    expect(await authorizeReportItem({ ...s.staff, itemKey: s.brakesKey, authorization: "UP" })).toEqual({ changed: true });
    expect(await authorizeReportItem({ ...s.staff, itemKey: s.brakesKey, authorization: "UP" })).toEqual({ changed: false });
    expect(await list()).toEqual([]);
    const decision = await db().reportDecision.findFirstOrThrow({ where: { itemKey: s.brakesKey } });
    expect(decision).toMatchObject({ authorization: "UP", authorizedById: "advisor-1", decision: "APPROVED" });

    const mechanics = await getReportForMechanics(s.staff);
    expect(mechanics.map((i) => [i.title, i.authorised, i.lines.map((l) => l.title), i.remarks])).toEqual([
      ["Front brake pads", true, ["Brake pads", "Labour"], []],
    ]);
    expect(JSON.stringify(mechanics)).not.toMatch(/8990|89\.90|ines@|Dupont|Wiper/);

    // The customer's question shared with the workshop, and the wipers (declined) never authorised.
    const question = (await getReportForStaff(s.staff))!.items[0]!.messages[0]!;
    await setReportMechanicVisibility({ ...s.staff, item: "message", id: question.id, visible: true });
    expect((await getReportForMechanics(s.staff))[0]!.remarks.map((r) => r.body)).toEqual(["Can you do it today?"]);

    await authorizeReportItem({ ...s.staff, itemKey: s.brakesKey, authorization: null });
    expect(await list()).toEqual(["open"]);
    await setReportItemFollowUp({ ...s.staff, itemKey: s.brakesKey, snoozedUntil: new Date(Date.now() + 3600_000) });
    expect(await list()).toEqual([]);
    await setReportItemFollowUp({ ...s.staff, itemKey: s.wipersKey, pinned: true });
    expect(await list()).toEqual(["open"]);

    const other = await setUp("after-b-other");
    expect(await code(authorizeReportItem({ ...other.staff, itemKey: s.brakesKey, authorization: "UP" }))).toBe("not_found");
    expect(
      await code(authorizeReportItem({ ...other.staff, appointmentId: s.appointment.id, itemKey: s.brakesKey, authorization: "UP" })),
    ).toBe("not_found");
    expect(await code(authorizeReportItem({ ...s.staff, itemKey: "unknown", authorization: "UP" }))).toBe("not_found");
    const types = (
      await db().auditEvent.findMany({ where: { appointmentId: s.appointment.id, actorType: "STAFF" }, orderBy: { createdAt: "asc" } })
    ).map((a) => a.type);
    expect(types).toEqual(
      expect.arrayContaining(["report.item_authorized", "report.mechanic_visibility", "report.item_snoozed", "report.item_pinned"]),
    );
  });

  it("marks questions read, replies as staff, and refuses other dealers' messages", async () => {
    const s = await answered("after-c");
    const other = await setUp("after-c-other");
    const question = (await getReportForStaff(s.staff))!.items[0]!.messages[0]!;
    expect(await code(markReportMessageRead({ ...other.staff, messageId: question.id, read: true }))).toBe("not_found");
    expect(await markReportMessageRead({ ...s.staff, messageId: question.id, read: true })).toEqual({ changed: true });
    expect(await markReportMessageRead({ ...s.staff, messageId: question.id, read: true })).toEqual({ changed: false });
    await replyToReportItem({ ...s.staff, itemKey: s.brakesKey, body: "  Yes, this afternoon.  " });
    expect(await code(replyToReportItem({ ...s.staff, itemKey: s.brakesKey, body: "   " }))).toBe("validation_failed");
    const messages = (await getReportForStaff(s.staff))!.items[0]!.messages;
    expect(messages.map((m) => [m.author, m.body, m.readAt !== null])).toEqual([
      ["CUSTOMER", "Can you do it today?", true],
      ["STAFF", "Yes, this afternoon.", false],
    ]);
    // The advisor's own reply is not a customer remark: it cannot be marked read or shared.
    expect(await code(setReportMechanicVisibility({ ...s.staff, item: "message", id: messages[1]!.id, visible: true }))).toBe("not_found");
  });

  it("closes the report: links revoked, audited, further edits refused, closing again changes nothing", async () => {
    const s = await answered("after-d");
    const token = await db().$transaction((tx) =>
      issueToken(tx, {
        dealerId: s.dealer.id,
        appointmentId: s.appointment.id,
        purpose: "REPORT",
        recipientRole: "DRIVER",
        expiresAt: new Date(Date.now() + 86_400_000),
      }),
    );
    expect((await lookupToken(token, "REPORT")).status).toBe("valid");
    const closed = await closeReport(s.staff);
    expect(closed.changed).toBe(true);
    expect(closed.revoked).toBeGreaterThanOrEqual(2);
    expect((await lookupToken(token, "REPORT")).status).toBe("revoked");
    expect(await closeReport(s.staff)).toEqual({ changed: false, revoked: 0 });
    expect((await db().report.findFirstOrThrow({ where: { appointmentId: s.appointment.id } })).state).toBe("CLOSED");
    expect(await code(saveReportItem({ ...s.staff, item: wipers }))).toBe("conflict");
    expect(await db().auditEvent.count({ where: { appointmentId: s.appointment.id, type: "report.closed" } })).toBe(1);
  });
});
