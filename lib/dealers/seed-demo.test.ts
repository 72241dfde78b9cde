import { describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { hashApiKey } from "@/lib/api/api-keys";
import { getCheckinByToken } from "@/lib/checkin/get-checkin-by-token";
import { DEMO_SLUG, seedDemo, type DemoCredentials } from "@/lib/dealers/seed-demo";
import { db } from "@/lib/db";
import { locales } from "@/lib/i18n/locales";
import { checkinClosesAt, isSameLocalDay } from "@/lib/time";
import { lookupToken } from "@/lib/tokens";
import { getPublicAsset } from "@/lib/uploads/brand-assets";

withMigratedDatabase();

const DAY = 86_400_000;
const now = new Date("2026-11-23T10:00:00Z");
const later = new Date(now.getTime() + DAY);

function token(link: string | undefined, prefix: "c" | "r"): string {
  const match = new RegExp(`^/${prefix}/([A-Za-z0-9_-]{22})$`).exec(link ?? "");
  if (!match?.[1]) throw new Error(`not a /${prefix}/ link: ${String(link)}`);
  return match[1];
}

async function counts() {
  const d = db();
  return {
    dealer: await d.dealer.count(),
    site: await d.site.count(),
    staffUser: await d.staffUser.count(),
    optionalService: await d.optionalService.count(),
    optionalServiceText: await d.optionalServiceText.count(),
    termsVersion: await d.termsVersion.count(),
    asset: await d.asset.count(),
    appointment: await d.appointment.count(),
    checkIn: await d.checkIn.count(),
    accessToken: await d.accessToken.count(),
    apiKey: await d.apiKey.count(),
    checkInRevision: await d.checkInRevision.count(),
    report: await d.report.count(),
    reportVersion: await d.reportVersion.count(),
  };
}

async function appointments(dealerId: string) {
  return db().appointment.findMany({
    where: { dealerId },
    orderBy: { externalId: "asc" },
    select: {
      externalId: true,
      status: true,
      startsAt: true,
      dropOffAt: true,
      pickUpAt: true,
      site: { select: { timeZone: true } },
      checkIn: { select: { state: true, sendAt: true, closesAt: true } },
      report: { select: { state: true } },
      accessTokens: { select: { purpose: true, expiresAt: true, revokedAt: true } },
    },
  });
}

describe("seedDemo", () => {
  let first: DemoCredentials;

  it("creates Demo Motors: two sites in two zones, services and terms in every language, one staff per role, logo, API key", async () => {
    first = await seedDemo(now);
    expect(first.apiKey).toMatch(/^glk_[A-Za-z0-9_-]{32}$/);

    const dealer = await db().dealer.findUniqueOrThrow({
      where: { slug: DEMO_SLUG },
      select: {
        id: true,
        name: true,
        logoAssetId: true,
        sites: { orderBy: { slug: "asc" }, select: { slug: true, timeZone: true } },
        staff: { select: { role: true, active: true } },
      },
    });
    expect(dealer.id).toBe(first.dealerId);
    expect(dealer.name).toBe("Demo Motors");
    expect(dealer.sites).toEqual([
      { slug: "ghent", timeZone: "Europe/Brussels" },
      { slug: "goteborg", timeZone: "Europe/Stockholm" },
    ]);
    expect(dealer.staff.map((s) => s.role).sort()).toEqual(["ADMIN", "ADVISOR", "MARKETING", "MECHANIC"]);
    expect(dealer.staff.every((s) => s.active)).toBe(true);

    expect(dealer.logoAssetId).toBeTruthy();
    const logo = await getPublicAsset(dealer.logoAssetId as string);
    expect(logo?.contentType).toBe("image/png");
    expect(logo?.bytes.length).toBeGreaterThan(0);

    const services = await db().optionalService.findMany({
      where: { dealerId: dealer.id, active: true },
      orderBy: { position: "asc" },
      select: { imageAssetId: true, texts: { select: { locale: true, title: true } } },
    });
    expect(services.length).toBeGreaterThanOrEqual(6);
    for (const service of services) {
      expect(service.texts.map((t) => t.locale).sort()).toEqual([...locales].sort());
      expect(service.texts.every((t) => t.title.trim().length > 0)).toBe(true);
      const image = await getPublicAsset(service.imageAssetId ?? "");
      expect(image?.contentType).toBe("image/webp");
      expect(image?.bytes.length).toBeGreaterThan(0);
    }

    const terms = await db().termsVersion.findMany({ where: { dealerId: dealer.id }, select: { locale: true } });
    expect(terms.map((t) => t.locale).sort()).toEqual([...locales].sort());

    const key = await db().apiKey.findUniqueOrThrow({ where: { keyHash: hashApiKey(first.apiKey) } });
    expect(key).toMatchObject({ dealerId: dealer.id, revokedAt: null });
  });

  it("has appointments in every check-in and report state, a cancellation and an appointment day", async () => {
    const rows = await appointments(first.dealerId);
    const checkinStates = new Set(rows.map((a) => a.checkIn?.state));
    for (const state of ["SCHEDULED", "SENT", "OPENED", "SUBMITTED", "CLOSED", "NOT_APPLICABLE"]) expect(checkinStates).toContain(state);
    expect(rows.some((a) => a.status === "CANCELLED")).toBe(true);
    expect(new Set(rows.map((a) => a.report?.state).filter(Boolean))).toEqual(new Set(["DRAFT", "SENT", "RESPONDED"]));
    // Today in the site's own zone, in both zones.
    const today = rows.filter((a) => isSameLocalDay(a.startsAt, now, a.site.timeZone));
    expect(new Set(today.map((a) => a.site.timeZone))).toEqual(new Set(["Europe/Brussels", "Europe/Stockholm"]));
    // Every check-in closes at 00:00 of its appointment day in the site's zone; only planned ones have a send time.
    for (const a of rows) {
      expect(a.checkIn?.closesAt).toEqual(checkinClosesAt({ startsAt: a.startsAt, timeZone: a.site.timeZone }));
      if (a.checkIn?.state === "NOT_APPLICABLE") expect(a.checkIn.sendAt).toBeNull();
      if (a.checkIn?.state === "SCHEDULED") expect(a.checkIn.sendAt?.getTime()).toBeGreaterThan(now.getTime());
    }
    expect(await db().checkInRevision.count()).toBeGreaterThan(0);
  });

  it("returns links that work: open check-ins, a closed one for the cancellation, a valid report link", async () => {
    for (const name of ["checkin", "checkinSwedish", "checkinSubmitted"]) {
      expect(await getCheckinByToken(token(first.links[name], "c"), now), name).toMatchObject({ status: "open" });
    }
    const swedish = await getCheckinByToken(token(first.links.checkinSwedish, "c"), now);
    expect(swedish.status === "open" && swedish.view.brand.site.timeZone).toBe("Europe/Stockholm");
    expect(await getCheckinByToken(token(first.links.closed, "c"), now)).toMatchObject({ status: "closed", reason: "cancelled" });
    expect(await lookupToken(token(first.links.report, "r"), "REPORT", now)).toMatchObject({
      status: "valid",
      dealerId: first.dealerId,
    });
    // A link of one purpose is no link of the other.
    expect(await lookupToken(token(first.links.report, "r"), "CHECKIN", now)).toEqual({ status: "unknown" });
  });

  it("is idempotent: a day later it creates nothing, keeps links and key, and moves the appointments along", async () => {
    const before = await counts();
    const rowsBefore = await appointments(first.dealerId);

    const second = await seedDemo(later);
    expect(second).toEqual(first);
    expect(await counts()).toEqual(before);

    const rowsAfter = await appointments(first.dealerId);
    expect(rowsAfter.map((a) => a.externalId)).toEqual(rowsBefore.map((a) => a.externalId));
    for (const [i, a] of rowsAfter.entries()) {
      const b = rowsBefore[i];
      expect(a.startsAt.getTime() - (b?.startsAt.getTime() ?? 0), a.externalId).toBe(DAY);
      expect(a.dropOffAt && b?.dropOffAt && a.dropOffAt.getTime() - b.dropOffAt.getTime()).toBe(DAY);
      expect(a.pickUpAt && b?.pickUpAt && a.pickUpAt.getTime() - b.pickUpAt.getTime()).toBe(DAY);
      // States are demo content and stay; the schedule follows the appointment.
      expect(a.status).toBe(b?.status);
      expect(a.checkIn?.state).toBe(b?.checkIn?.state);
      expect(a.report?.state).toBe(b?.report?.state);
      expect(a.checkIn?.closesAt).toEqual(checkinClosesAt({ startsAt: a.startsAt, timeZone: a.site.timeZone }));
      expect(a.checkIn?.sendAt === null, `${a.externalId} sendAt`).toBe(b?.checkIn?.sendAt === null);
      for (const t of a.accessTokens.filter((t) => t.purpose === "CHECKIN")) expect(t.expiresAt).toEqual(a.checkIn?.closesAt);
      expect(a.accessTokens.map((t) => t.revokedAt === null)).toEqual(b?.accessTokens.map((t) => t.revokedAt === null));
    }
    expect(rowsAfter.filter((a) => isSameLocalDay(a.startsAt, later, a.site.timeZone)).length).toBe(
      rowsBefore.filter((a) => isSameLocalDay(a.startsAt, now, a.site.timeZone)).length,
    );

    // Relative to the new today the check-in link is still open (two days ahead, not one).
    const open = await getCheckinByToken(token(second.links.checkin, "c"), later);
    expect(open.status).toBe("open");
    if (open.status === "open") expect(open.view.appointment.startsAt.getTime() - later.getTime()).toBeGreaterThan(DAY);
    expect(await getCheckinByToken(token(second.links.closed, "c"), later)).toMatchObject({ status: "closed", reason: "cancelled" });
    expect(await lookupToken(token(second.links.report, "r"), "REPORT", later)).toMatchObject({ status: "valid" });
  });

  it("keeps the printed report link working for a demo that is restarted weeks later", async () => {
    const before = await counts();
    const weeksLater = new Date(now.getTime() + 30 * DAY);
    const third = await seedDemo(weeksLater);
    expect(third).toEqual(first);
    expect(await counts()).toEqual(before);
    expect(await getCheckinByToken(token(third.links.checkin, "c"), weeksLater)).toMatchObject({ status: "open" });
    expect(await lookupToken(token(third.links.report, "r"), "REPORT", weeksLater)).toMatchObject({ status: "valid" });
  });
});
