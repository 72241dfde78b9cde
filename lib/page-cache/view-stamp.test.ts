import { afterEach, describe, expect, it } from "vitest";
import { checkinPageQuery } from "@/lib/checkin/checkin-page-query";
import { setNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { MAX_PAGE_AGE_MS, readViewStamp } from "@/lib/page-cache/view-stamp";
import { reportPageQuery } from "@/lib/report/report-page-query";
import { hashToken } from "@/lib/tokens";
import { withMigratedDatabase } from "@/test/database";
import { makeAppointment, makeDealer } from "@/test/fixtures";

withMigratedDatabase();
afterEach(() => setNow(null));

/** An appointment with one row in every table its customer pages read, and the ids of those rows. */
async function appointmentWithEverything(dealer: { id: string; siteId: string }, externalId: string) {
  const appointment = await makeAppointment(dealer, { externalId });
  const tokenHash = hashToken(`${externalId}-token-0123456789`.slice(0, 22));
  const asset = () =>
    db().asset.create({
      data: {
        dealerId: dealer.id,
        kind: "IMAGE",
        contentType: "image/webp",
        bytes: 10,
        storageKey: `${externalId}-${Math.random()}`,
        sha256: "x",
      },
      select: { id: true },
    });
  const token = await db().accessToken.create({
    data: {
      dealerId: dealer.id,
      appointmentId: appointment.id,
      purpose: "CHECKIN",
      recipientRole: "DRIVER",
      tokenHash,
      expiresAt: new Date(Date.now() + 10 * 86_400_000),
    },
  });
  const checkIn = await db().checkIn.create({
    data: { dealerId: dealer.id, appointmentId: appointment.id, closesAt: new Date(Date.now() + 4 * 86_400_000) },
  });
  const revision = await db().checkInRevision.create({ data: { checkInId: checkIn.id, number: 1 } });
  const selection = await db().checkInSelection.create({
    data: { revisionId: revision.id, optionalServiceId: "service-1", title: "Wash", unitPriceMinor: 2500, vatRateBp: 2100 },
  });
  const comment = await db().checkInComment.create({ data: { revisionId: revision.id, position: 0, title: "Noise", description: "Left" } });
  const commentAttachment = await db().commentAttachment.create({
    data: { commentId: comment.id, assetId: (await asset()).id, position: 0 },
  });
  const report = await db().report.create({ data: { dealerId: dealer.id, appointmentId: appointment.id } });
  const version = await db().reportVersion.create({ data: { reportId: report.id, number: 1 } });
  const item = await db().reportItem.create({
    data: { versionId: version.id, key: "brakes", category: "NECESSARY", title: "Brakes", position: 0 },
  });
  const line = await db().reportLine.create({
    data: { itemId: item.id, position: 0, title: "Pads", quantityMilli: 1000, unitPriceMinor: 8990, vatRateBp: 2100 },
  });
  const itemAttachment = await db().reportItemAttachment.create({ data: { itemId: item.id, assetId: (await asset()).id, position: 0 } });
  const decision = await db().reportDecision.create({ data: { reportId: report.id, itemKey: "brakes" } });
  const message = await db().reportItemMessage.create({
    data: { reportId: report.id, itemKey: "brakes", author: "CUSTOMER", body: "Why?" },
  });
  const contact = await db().appointmentContact.findFirstOrThrow({ where: { appointmentId: appointment.id } });
  const planned = await db().plannedWorkLine.findFirstOrThrow({ where: { appointmentId: appointment.id } });
  return {
    appointmentId: appointment.id,
    tokenHash,
    /** One update per table, each touching a column the pages show or that decides what they show. */
    updates: {
      Appointment: () => db().appointment.update({ where: { id: appointment.id }, data: { vehicleMileageKm: 50000 } }),
      AppointmentContact: () => db().appointmentContact.update({ where: { id: contact.id }, data: { phone: "+32470000000" } }),
      PlannedWorkLine: () => db().plannedWorkLine.update({ where: { id: planned.id }, data: { title: "Big service" } }),
      AccessToken: () => db().accessToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } }),
      CheckIn: () => db().checkIn.update({ where: { id: checkIn.id }, data: { openedAt: new Date() } }),
      CheckInRevision: () => db().checkInRevision.update({ where: { id: revision.id }, data: { correctedEmail: "new@example.com" } }),
      CheckInSelection: () => db().checkInSelection.delete({ where: { id: selection.id } }),
      CheckInComment: () => db().checkInComment.update({ where: { id: comment.id }, data: { description: "Right" } }),
      CommentAttachment: () => db().commentAttachment.delete({ where: { id: commentAttachment.id } }),
      Report: () => db().report.update({ where: { id: report.id }, data: { finalComment: "Thanks" } }),
      ReportVersion: () => db().reportVersion.update({ where: { id: version.id }, data: { note: "See the brakes" } }),
      ReportItem: () => db().reportItem.update({ where: { id: item.id }, data: { visible: false } }),
      ReportLine: () => db().reportLine.update({ where: { id: line.id }, data: { unitPriceMinor: 7990 } }),
      ReportItemAttachment: () => db().reportItemAttachment.delete({ where: { id: itemAttachment.id } }),
      ReportDecision: () => db().reportDecision.update({ where: { id: decision.id }, data: { decision: "APPROVED" } }),
      ReportItemMessage: () => db().reportItemMessage.update({ where: { id: message.id }, data: { body: "Why now?" } }),
    } as Record<string, () => Promise<unknown>>,
  };
}

const versionOf = async (tokenHash: string) => (await readViewStamp(tokenHash))?.version;

/** The tables a customer page's one statement reads (the FROM and JOIN clauses of its SQL). */
function tablesRead(sql: string): Set<string> {
  return new Set([...sql.matchAll(/(?:FROM|JOIN)\s+"([A-Za-z]+)"/g)].map((match) => match[1]!));
}

describe("the customer-view version of an appointment", () => {
  it("moves on a write of any row the customer pages read, and only for that appointment", async () => {
    const dealer = await makeDealer("stamp-a");
    const mine = await appointmentWithEverything(dealer, "STAMP-A");
    const other = await appointmentWithEverything(dealer, "STAMP-B");
    for (const [table, update] of Object.entries(mine.updates)) {
      const [before, otherBefore] = [await versionOf(mine.tokenHash), await versionOf(other.tokenHash)];
      await update();
      expect(BigInt((await versionOf(mine.tokenHash))!), table).toBeGreaterThan(BigInt(before!));
      expect(await versionOf(other.tokenHash), `${table} moved another appointment's version`).toBe(otherBefore);
    }
  });

  it("covers every table the check-in and report pages read (Asset rows are written once and never change)", async () => {
    const read = new Set([...tablesRead(checkinPageQuery("x").sql), ...tablesRead(reportPageQuery("x").sql)]);
    const triggered = await db().$queryRaw<{ table: string }[]>`
      SELECT c.relname::text AS "table" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = 'customer_view_changed'`;
    const covered = new Set(triggered.map((row) => row.table));
    expect([...read].filter((table) => !covered.has(table) && table !== "Asset")).toEqual([]);
    expect(read.size).toBeGreaterThan(10);
  });

  it("moves when the transaction commits, not before: a reader never sees a version ahead of the data", async () => {
    const dealer = await makeDealer("stamp-c");
    const mine = await appointmentWithEverything(dealer, "STAMP-C");
    const before = await versionOf(mine.tokenHash);
    await db().$transaction(async (tx) => {
      await tx.plannedWorkLine.updateMany({ where: { appointmentId: mine.appointmentId }, data: { remarks: "checked" } });
      const [inside] = await tx.$queryRaw<{ version: bigint }[]>`
        SELECT "version" FROM "CustomerViewStamp" WHERE "appointmentId" = ${mine.appointmentId}`;
      expect(String(inside!.version)).toBe(before);
    });
    expect(BigInt((await versionOf(mine.tokenHash))!)).toBeGreaterThan(BigInt(before!));
  });

  it("lets an appointment be deleted with everything under it", async () => {
    const dealer = await makeDealer("stamp-d");
    const mine = await appointmentWithEverything(dealer, "STAMP-D");
    await db().commentAttachment.deleteMany({ where: { comment: { revision: { checkIn: { appointmentId: mine.appointmentId } } } } });
    await db().reportItemAttachment.deleteMany({ where: { item: { reportVersion: { report: { appointmentId: mine.appointmentId } } } } });
    await db().appointment.delete({ where: { id: mine.appointmentId } });
    expect(await readViewStamp(mine.tokenHash)).toBeNull();
    expect(await db().customerViewStamp.count({ where: { appointmentId: mine.appointmentId } })).toBe(0);
  });

  it("keeps a page valid for at most MAX_PAGE_AGE_MS, and never past the check-in's closing or the link's expiry", async () => {
    const dealer = await makeDealer("stamp-e");
    const mine = await appointmentWithEverything(dealer, "STAMP-E");
    const at = new Date(Date.now() + 60_000);
    setNow(at);
    expect((await readViewStamp(mine.tokenHash))!.validUntil).toBe(at.getTime() + MAX_PAGE_AGE_MS);
    const closesAt = new Date(at.getTime() + 5_000);
    await db().checkIn.update({ where: { appointmentId: mine.appointmentId }, data: { closesAt } });
    expect((await readViewStamp(mine.tokenHash))!.validUntil).toBe(closesAt.getTime());
    const expiresAt = new Date(at.getTime() + 1_000);
    await db().accessToken.update({ where: { tokenHash: mine.tokenHash }, data: { expiresAt } });
    expect((await readViewStamp(mine.tokenHash))!.validUntil).toBe(expiresAt.getTime());
    expect(await readViewStamp(hashToken("unknown-token-00000000"))).toBeNull();
  });
});
