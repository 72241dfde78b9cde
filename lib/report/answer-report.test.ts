import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { askAboutReportItem, decideReportItem, submitReportAnswer, type ReportLink } from "@/lib/report/answer-report";
import { getReportByToken } from "@/lib/report/get-report-by-token";
import { withMigratedDatabase } from "@/test/database";
import { appointmentBody, call, makeApiDealer, reportBody } from "@/test/api";
import { makeWebhookEndpoint } from "@/test/fixtures";

withMigratedDatabase();

const NOW = new Date("2026-12-01T09:00:00Z");
const context = { ip: "203.0.113.50", userAgent: "Mobile Safari" };

let dealer: Awaited<ReturnType<typeof makeApiDealer>>;
let other: Awaited<ReturnType<typeof makeApiDealer>>;
beforeAll(async () => {
  dealer = await makeApiDealer("answer-a");
  other = await makeApiDealer("answer-b");
  await makeWebhookEndpoint(dealer.id, "https://dms.example.com/hooks", ["report.opened", "report.responded"]);
});
afterEach(() => setNow(null));

/** A report sent to the customer through the DMS API (version 1), as the link's holder sees it. */
async function sentReport(externalId: string, owner = dealer): Promise<ReportLink & { reportId: string }> {
  setNow(NOW);
  const created = await call("appointment", "PUT", externalId, { key: owner.key, body: appointmentBody() });
  expect(created.status).toBe(201);
  expect((await call("report", "PUT", externalId, { key: owner.key, body: reportBody() })).status).toBe(200);
  expect((await call("reportSend", "POST", externalId, { key: owner.key, body: { channel: "email" } })).status).toBe(202);
  const appointmentId = (created.json as { id: string }).id;
  const report = await db().report.findUniqueOrThrow({ where: { appointmentId }, select: { id: true } });
  return { dealerId: owner.id, appointmentId, context, reportId: report.id };
}

const decisions = (reportId: string) =>
  db().reportDecision.findMany({
    where: { reportId },
    orderBy: { itemKey: "asc" },
    select: { itemKey: true, decision: true, reason: true, remindAt: true },
  });

describe("the customer's answers to a report", () => {
  it("decides per item, changes their mind, and a decline may carry a reason and a reminder", async () => {
    const link = await sentReport("ANS-1");
    await decideReportItem({ link, version: 1, itemKey: "brakes-front", decision: "APPROVED" });
    await decideReportItem({ link, version: 1, itemKey: "wipers", decision: "CONTACT" });
    await decideReportItem({
      link,
      version: 1,
      itemKey: "wipers",
      decision: "DECLINED",
      reason: " I changed them last month ",
      remindMonths: 3,
      now: new Date("2026-12-01T10:00:00Z"),
    });
    expect(await decisions(link.reportId)).toEqual([
      { itemKey: "brakes-front", decision: "APPROVED", reason: null, remindAt: null },
      { itemKey: "wipers", decision: "DECLINED", reason: "I changed them last month", remindAt: new Date("2027-03-01T10:00:00Z") },
    ]);
    const report = await db().report.findUniqueOrThrow({ where: { id: link.reportId } });
    expect(report).toMatchObject({ state: "OPENED" });
    expect(report.openedAt).toBeInstanceOf(Date);
  });

  it("refuses a hidden item, an item that takes no decision, an unknown key and a stale version — storing nothing", async () => {
    const link = await sentReport("ANS-2");
    const decide = (itemKey: string, version = 1) => decideReportItem({ link, version, itemKey, decision: "APPROVED" });
    await expect(decide("warranty")).rejects.toMatchObject({ code: "not_found" });
    await expect(decide("tyres")).rejects.toMatchObject({ code: "not_found" });
    await expect(decide("no-such-item")).rejects.toMatchObject({ code: "not_found" });
    await expect(decide("brakes-front", 2)).rejects.toMatchObject({ code: "conflict" });
    await expect(askAboutReportItem({ link, version: 1, itemKey: "warranty", body: "What is this?" })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await decisions(link.reportId)).toEqual([]);
    expect(await db().reportItemMessage.count({ where: { reportId: link.reportId } })).toBe(0);
  });

  it("cannot reach another dealer's report through its own link", async () => {
    const mine = await sentReport("ANS-3");
    const theirs = await sentReport("ANS-3B", other);
    const crossed: ReportLink = { dealerId: mine.dealerId, appointmentId: theirs.appointmentId, context };
    await expect(decideReportItem({ link: crossed, version: 1, itemKey: "brakes-front", decision: "APPROVED" })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await decisions(theirs.reportId)).toEqual([]);
  });

  it("asks a question per item and submits with final comments: RESPONDED, audited with the IP, one webhook each", async () => {
    const link = await sentReport("ANS-4");
    await askAboutReportItem({ link, version: 1, itemKey: "wipers", body: "Are these the original ones?" });
    await decideReportItem({ link, version: 1, itemKey: "brakes-front", decision: "APPROVED" });
    await submitReportAnswer({ link, version: 1, finalComment: "Please call before 17:00", now: new Date("2026-12-01T11:00:00Z") });
    expect(
      await db().reportItemMessage.findMany({ where: { reportId: link.reportId }, select: { itemKey: true, author: true, body: true } }),
    ).toEqual([{ itemKey: "wipers", author: "CUSTOMER", body: "Are these the original ones?" }]);
    expect(await db().report.findUniqueOrThrow({ where: { id: link.reportId } })).toMatchObject({
      state: "RESPONDED",
      answeredVersion: 1,
      finalComment: "Please call before 17:00",
      respondedAt: new Date("2026-12-01T11:00:00Z"),
    });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { appointmentId: link.appointmentId, type: "report.responded" } });
    expect(audit.ip).toBe("203.0.113.50");
    const hooks = await db().notification.findMany({
      where: { appointmentId: link.appointmentId, kind: "WEBHOOK" },
      select: { payload: true },
    });
    expect(hooks.map((h) => (h.payload as { type: string }).type).sort()).toEqual(["report.opened", "report.responded"]);
  });

  it("refuses answers once the advisor has closed the report", async () => {
    const link = await sentReport("ANS-5");
    await db().report.update({ where: { id: link.reportId }, data: { state: "CLOSED", closedAt: NOW } });
    await expect(decideReportItem({ link, version: 1, itemKey: "brakes-front", decision: "APPROVED" })).rejects.toMatchObject({
      code: "gone",
    });
    await expect(submitReportAnswer({ link, version: 1, finalComment: "" })).rejects.toMatchObject({ code: "gone" });
  });
});

describe("a quote resent after it changed", () => {
  it("shows the customer what changed since their answer and keeps their answers on unchanged items", async () => {
    const link = await sentReport("ANS-6");
    await decideReportItem({ link, version: 1, itemKey: "brakes-front", decision: "APPROVED" });
    await decideReportItem({ link, version: 1, itemKey: "wipers", decision: "CONTACT" });
    await submitReportAnswer({ link, version: 1, finalComment: "" });

    const changed = reportBody();
    changed.items[1]!.lines[0]!.unitPrice = "39.90"; // wipers: a new price
    changed.items.push({ key: "bulb", category: "necessary", title: "Number plate bulb", visible: true, lines: [] });
    changed.items = changed.items.filter((item) => item.key !== "tyres"); // checked OK, no longer listed
    expect((await call("report", "PUT", "ANS-6", { key: dealer.key, body: changed })).status).toBe(200);
    const resent = await call("reportSend", "POST", "ANS-6", { key: dealer.key, body: { channel: "email" } });
    expect(resent.json).toMatchObject({ version: 2 });

    const token = String((resent.json as { url: string }).url).split("/r/")[1]!;
    const page = await getReportByToken(token);
    expect(page.status).toBe("open");
    if (page.status !== "open") return;
    const byKey = new Map(page.view.items.map((item) => [item.key, item]));
    expect(page.view.version).toBe(2);
    expect(byKey.get("brakes-front")).toMatchObject({ decision: "APPROVED", change: null });
    // 35.50 + 21 % = 42.96 before; the answer to the old price no longer holds.
    expect(byKey.get("wipers")).toMatchObject({ decision: null, change: { kind: "price", previousGrossMinor: 4296 } });
    expect(byKey.get("bulb")).toMatchObject({ decision: null, change: { kind: "new" } });
    expect(page.view.removedSinceAnswer).toEqual(["Tyres 6 mm"]);
    expect(byKey.has("warranty")).toBe(false);
    // An answer to the old version is refused: the customer must see the new prices first.
    await expect(decideReportItem({ link, version: 1, itemKey: "wipers", decision: "APPROVED" })).rejects.toMatchObject({
      code: "conflict",
    });
  });
});
