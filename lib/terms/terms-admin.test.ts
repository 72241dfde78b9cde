import { describe, expect, it, vi } from "vitest";
import { runDealerAction } from "@/lib/auth/dealer-action";
import { BRAND_EDITORS } from "@/lib/auth/require-staff";
import type { StaffSession } from "@/lib/auth/session";
import { runTokenAction } from "@/lib/auth/token-action";
import { addComment, type CustomerLink } from "@/lib/checkin/answer-checkin";
import { getCheckinAnswerForStaff } from "@/lib/checkin/checkin-answer-for-staff";
import { currentTerms, submitCheckin } from "@/lib/checkin/submit-checkin";
import { cachedCurrentTerms, invalidateDealerCache } from "@/lib/dealers/dealer-cache";
import { db } from "@/lib/db";
import { loadTermsSettings, publishTermsForStaff, publishTermsSchema } from "@/lib/terms/terms-admin";
import { issueToken } from "@/lib/tokens";
import { withMigratedDatabase } from "@/test/database";
import { makeAppointment } from "@/test/fixtures";
import { dealerWithSites, formData, sessionFor } from "@/test/service-fixtures";
import { z } from "zod";

vi.mock("@/lib/request-context", () => ({ requestContext: async () => ({ ip: "192.0.2.11", userAgent: "vitest" }) }));

withMigratedDatabase();

const publish = (staff: StaffSession, entries: Record<string, string>) =>
  runDealerAction({
    staff,
    roles: BRAND_EDITORS,
    schema: publishTermsSchema,
    formData: formData(entries),
    fn: ({ staff: s, input }) => publishTermsForStaff(s, input),
  });

const versions = (dealerId: string, locale: string) =>
  db().termsVersion.findMany({
    where: { dealerId, locale },
    orderBy: { version: "asc" },
    select: { id: true, version: true, title: true, body: true, publishedAt: true },
  });

const changes = async (dealerId: string) =>
  (await db().auditEvent.findMany({ where: { dealerId, type: "settings.changed" }, orderBy: { createdAt: "asc" } })).map((row) => row.data);

describe("publishing terms", () => {
  it("publishes numbered versions per language, never touching a published one, each audited with before/after", async () => {
    const dealer = await dealerWithSites("terms-publish");
    const marketing = await sessionFor(dealer.id, "MARKETING");
    expect(await publish(marketing, { locale: "en", basedOn: "0", title: "Check-in terms", body: "First text.\r\nSecond line." })).toEqual({
      ok: true,
      data: { version: 1, published: true },
    });
    const [v1] = await versions(dealer.id, "en");
    expect(v1).toMatchObject({ version: 1, title: "Check-in terms", body: "First text.\nSecond line." });

    expect(await publish(marketing, { locale: "sv", basedOn: "0", title: "Villkor", body: "Text." })).toMatchObject({
      data: { version: 1 },
    });
    expect(await publish(marketing, { locale: "en", basedOn: "1", title: "Check-in terms", body: "Revised text." })).toEqual({
      ok: true,
      data: { version: 2, published: true },
    });
    // Version 1 is still there, exactly as customers accepted it.
    expect(await versions(dealer.id, "en")).toEqual([v1, expect.objectContaining({ version: 2, body: "Revised text." })]);
    expect((await versions(dealer.id, "sv")).map((v) => v.version)).toEqual([1]);

    const [, , second] = await changes(dealer.id);
    expect(second).toEqual({
      entity: "terms",
      entityId: (await versions(dealer.id, "en"))[1]!.id,
      change: "published",
      before: { version: 1, body: "First text.\nSecond line." },
      after: { version: 2, body: "Revised text." },
    });
    const settings = await loadTermsSettings({ dealerId: dealer.id });
    expect(settings?.locales.map((l) => [l.locale, l.versions.map((v) => v.version)])).toEqual([
      ["en", [2, 1]],
      ["fr", []],
      ["de", []],
      ["sv", [1]],
      ["nl", []],
    ]);
  });

  it("refuses to edit a published version in place, whatever writes to the database", async () => {
    const dealer = await dealerWithSites("terms-immutable");
    const admin = await sessionFor(dealer.id, "ADMIN");
    await publish(admin, { locale: "en", basedOn: "0", title: "Terms", body: "Accepted text." });
    const [v1] = await versions(dealer.id, "en");
    await expect(db().termsVersion.update({ where: { id: v1!.id }, data: { body: "Quietly changed." } })).rejects.toThrow(/never changed/);
    expect((await versions(dealer.id, "en"))[0]?.body).toBe("Accepted text.");
  });

  it("publishes nothing for the same text twice (a double post), and refuses a form based on an older version", async () => {
    const dealer = await dealerWithSites("terms-twice");
    const admin = await sessionFor(dealer.id, "ADMIN");
    const marketing = await sessionFor(dealer.id, "MARKETING");
    const form = { locale: "en", basedOn: "0", title: "Terms", body: "Text." };
    const results = await Promise.all([publish(admin, form), publish(admin, form)]);
    expect(results.map((r) => r.ok && `${r.data.version} ${r.data.published}`).sort()).toEqual(["1 false", "1 true"]);
    expect(await publish(admin, { ...form, basedOn: "1", title: "Terms 2" })).toMatchObject({ data: { version: 2, published: true } });
    // A colleague's form still shows version 1: publishing over version 2 without seeing it is a conflict.
    expect(await publish(marketing, { ...form, basedOn: "1", body: "Older idea." })).toEqual({ ok: false, error: "conflict" });
    expect((await versions(dealer.id, "en")).map((v) => v.version)).toEqual([1, 2]);
    expect((await changes(dealer.id)).length).toBe(2);
  });

  it("refuses bad input at its field and publishes nothing", async () => {
    const dealer = await dealerWithSites("terms-bad");
    const admin = await sessionFor(dealer.id, "ADMIN");
    const base = { locale: "en", basedOn: "0", title: "Terms", body: "Text." };
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ title: "  " }, { title: "required" }],
      [{ body: "" }, { body: "required" }],
      [{ title: "t".repeat(10 * 1024 * 1024) }, { title: "tooLong" }],
      [{ body: "b".repeat(50_001) }, { body: "tooLong" }],
      [{ locale: "xx" }, { locale: "invalid" }],
      [{ basedOn: "-1" }, { basedOn: expect.any(String) }],
    ];
    for (const [overrides, fieldErrors] of cases) {
      const shown = Object.fromEntries(Object.entries(overrides).map(([k, v]) => [k, v.slice(0, 20)]));
      expect([shown, await publish(admin, { ...base, ...overrides })]).toEqual([
        shown,
        { ok: false, error: "validation_failed", fieldErrors },
      ]);
    }
    expect(await db().termsVersion.count({ where: { dealerId: dealer.id } })).toBe(0);
  });

  it("is not there for an advisor or a mechanic, and one dealer's terms are not another's", async () => {
    const dealer = await dealerWithSites("terms-roles");
    const other = await dealerWithSites("terms-roles-other");
    const form = { locale: "en", basedOn: "0", title: "Terms", body: "Text." };
    for (const role of ["ADVISOR", "MECHANIC"] as const) {
      expect(await publish(await sessionFor(dealer.id, role), form)).toEqual({ ok: false, error: "not_found" });
    }
    await publish(await sessionFor(other.id, "ADMIN"), { ...form, title: "Other's terms" });
    expect(await publish(await sessionFor(dealer.id, "ADMIN"), form)).toMatchObject({ data: { version: 1 } });
    expect((await loadTermsSettings({ dealerId: dealer.id }))?.locales[0]?.versions.map((v) => v.title)).toEqual(["Terms"]);
    expect((await loadTermsSettings({ dealerId: other.id }))?.locales[0]?.versions.map((v) => v.title)).toEqual(["Other's terms"]);
  });
});

describe("terms on the customer's side", () => {
  async function customer(slug: string) {
    const dealer = await dealerWithSites(slug);
    const admin = await sessionFor(dealer.id, "ADMIN");
    await publish(admin, { locale: "en", basedOn: "0", title: "Check-in terms", body: "Version one." });
    const appointment = await makeAppointment({ id: dealer.id, siteId: dealer.siteId }, { externalId: `${slug}-1` });
    await db().checkIn.create({
      data: { dealerId: dealer.id, appointmentId: appointment.id, state: "SENT", closesAt: new Date(Date.now() + 3 * 86_400_000) },
    });
    const link: CustomerLink = { dealerId: dealer.id, appointmentId: appointment.id, context: { ip: "198.51.100.5", userAgent: "Safari" } };
    return { dealer, admin, link };
  }

  it("records which version was accepted; after a new one, a returning customer must accept the new one, the old answer keeps its own", async () => {
    const { dealer, admin, link } = await customer("terms-customer");
    const v1 = (await currentTerms({ dealerId: dealer.id, locale: "en", defaultLocale: "en" }))!;
    const acceptedAt = new Date("2026-11-30T18:00:00Z");
    await submitCheckin({ link, termsVersionId: v1.id, now: acceptedAt });
    expect(await getCheckinAnswerForStaff({ dealerId: dealer.id, appointmentId: link.appointmentId })).toMatchObject({
      number: 1,
      termsAcceptedAt: acceptedAt,
      terms: { version: 1, locale: "en", title: "Check-in terms" },
    });

    // The customer comes back to change something (an open draft) while the dealer publishes version 2.
    await addComment({ link, title: "Noise", description: "From the back", assetIds: [] });
    await publish(admin, { locale: "en", basedOn: "1", title: "Check-in terms", body: "Version two." });
    await expect(submitCheckin({ link, termsVersionId: v1.id })).rejects.toMatchObject({
      code: "validation_failed",
      errors: [{ path: "termsVersionId", message: "termsChanged" }],
    });
    const v2 = (await currentTerms({ dealerId: dealer.id, locale: "en", defaultLocale: "en" }))!;
    expect(v2.version).toBe(2);
    await submitCheckin({ link, termsVersionId: v2.id });
    const accepted = await db().checkInRevision.findMany({
      where: { checkIn: { appointmentId: link.appointmentId } },
      orderBy: { number: "asc" },
      select: { number: true, termsVersionId: true },
    });
    expect(accepted).toEqual([
      { number: 1, termsVersionId: v1.id },
      { number: 2, termsVersionId: v2.id },
    ]);
    expect(await getCheckinAnswerForStaff({ dealerId: dealer.id, appointmentId: link.appointmentId })).toMatchObject({
      terms: { version: 2, title: "Check-in terms" },
    });
  });

  it("tells the confirm form which field: the terms changed, shown at the checkbox, nothing confirmed", async () => {
    const { dealer, admin, link } = await customer("terms-form");
    const v1 = (await currentTerms({ dealerId: dealer.id, locale: "en", defaultLocale: "en" }))!;
    await publish(admin, { locale: "en", basedOn: "1", title: "Check-in terms", body: "Version two." });
    const token = await issueToken(db(), {
      dealerId: dealer.id,
      appointmentId: link.appointmentId,
      purpose: "CHECKIN",
      recipientRole: "DRIVER",
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const result = await runTokenAction({
      purpose: "CHECKIN",
      schema: z.object({ token: z.string(), termsVersionId: z.string() }),
      formData: formData({ token, termsVersionId: v1.id }),
      context: link.context,
      fn: ({ link: open, input }) => submitCheckin({ link: open, termsVersionId: input.termsVersionId }),
    });
    expect(result).toEqual({ ok: false, error: "validation_failed", fieldErrors: { termsVersionId: "termsChanged" } });
    expect(
      await db().checkIn.findUniqueOrThrow({ where: { appointmentId: link.appointmentId }, select: { currentRevision: true } }),
    ).toEqual({ currentRevision: 0 });
  });

  it("shows customers the new version at once once the cache is dropped, and a language without terms the dealer's own", async () => {
    const { dealer, admin } = await customer("terms-cache");
    const page = (locale: string) => cachedCurrentTerms({ dealerId: dealer.id, locale, defaultLocale: "en" });
    expect(await page("sv")).toMatchObject({ locale: "en", version: 1 });
    await publish(admin, { locale: "sv", basedOn: "0", title: "Villkor", body: "Svensk text." });
    // settingsAction drops the dealer's cache after every change; here by hand, as no request is running.
    invalidateDealerCache(dealer.id);
    expect(await page("sv")).toMatchObject({ locale: "sv", version: 1, title: "Villkor" });
    expect(await page("de")).toMatchObject({ locale: "en", version: 1 });
  });
});
