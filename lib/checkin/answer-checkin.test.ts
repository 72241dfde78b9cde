import { describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeAppointment, makeDealer } from "@/test/fixtures";
import { addComment, setServiceSelected, type CustomerLink } from "@/lib/checkin/answer-checkin";
import { getCheckinAnswerForStaff } from "@/lib/checkin/checkin-answer-for-staff";
import { listOfferedServices } from "@/lib/checkin/offered-services";
import { currentTerms, submitCheckin } from "@/lib/checkin/submit-checkin";
import { db } from "@/lib/db";

withMigratedDatabase();

const context = { ip: "198.51.100.23", userAgent: "Mobile Safari" };

async function setup(slug: string) {
  const dealer = await makeDealer(slug);
  const appointment = await makeAppointment(dealer, { externalId: `${slug}-1` });
  await db().checkIn.create({
    data: { dealerId: dealer.id, appointmentId: appointment.id, state: "SENT", closesAt: new Date(Date.now() + 3 * 86_400_000) },
  });
  const service = async (title: string, priceMinor: number, extra: { active?: boolean; targetMakes?: string[] } = {}) =>
    db().optionalService.create({
      data: {
        dealerId: dealer.id,
        position: priceMinor,
        priceMinor,
        vatRateBp: 2100,
        active: extra.active ?? true,
        targetMakes: extra.targetMakes ?? [],
        targetModels: [],
        targetSiteIds: [],
        texts: {
          create: [
            { locale: "en", title, description: `${title} description` },
            { locale: "fr", title: `${title} (fr)`, description: "…" },
          ],
        },
      },
    });
  const wash = await service("Car wash", 2066);
  const volvo = await service("Volvo update", 3223, { targetMakes: ["volvo"] });
  const audi = await service("Audi update", 5000, { targetMakes: ["Audi"] });
  const retired = await service("Retired", 100, { active: false });
  const terms = await db().termsVersion.create({ data: { dealerId: dealer.id, locale: "en", version: 1, title: "Terms", body: "…" } });
  const link: CustomerLink = { dealerId: dealer.id, appointmentId: appointment.id, context };
  return { dealer, appointment, link, wash, volvo, audi, retired, terms };
}

describe("optional services offered at check-in", () => {
  it("are the dealer's active ones targeting this car, in order, in the page's language", async () => {
    const s = await setup("offer-a");
    const offered = await listOfferedServices({
      dealerId: s.dealer.id,
      siteId: s.dealer.siteId,
      make: "Volvo",
      model: "XC60",
      locale: "fr",
      defaultLocale: "en",
    });
    expect(offered.map((o) => o.title)).toEqual(["Car wash (fr)", "Volvo update (fr)"]);
  });

  it("can be chosen only if offered; the price is the service's own, snapshotted", async () => {
    const s = await setup("offer-b");
    const other = await setup("offer-c");
    await setServiceSelected({ link: s.link, serviceId: s.wash.id, selected: true, locale: "en" });
    for (const serviceId of [s.audi.id, s.retired.id, other.wash.id, "00000000-0000-4000-8000-000000000000"]) {
      await expect(setServiceSelected({ link: s.link, serviceId, selected: true, locale: "en" })).rejects.toMatchObject({
        code: "not_found",
      });
    }
    await db().optionalService.update({ where: { id: s.wash.id }, data: { priceMinor: 99999 } });
    const selections = await db().checkInSelection.findMany({ where: { revision: { checkIn: { appointmentId: s.appointment.id } } } });
    expect(selections.map((x) => [x.title, x.unitPriceMinor])).toEqual([["Car wash", 2066]]);
  });
});

describe("confirming the check-in", () => {
  it("freezes revision 1 with the terms version, time and IP, and totals recomputed on the server", async () => {
    const s = await setup("submit-a");
    await setServiceSelected({ link: s.link, serviceId: s.wash.id, selected: true, locale: "en" });
    await addComment({ link: s.link, title: "Squeak", description: "Front left, when braking", assetIds: [] });
    const now = new Date("2026-11-28T18:30:00Z");
    expect(await submitCheckin({ link: s.link, termsVersionId: s.terms.id, now })).toEqual({ revision: 1 });
    const revision = await db().checkInRevision.findFirstOrThrow({
      where: { checkIn: { appointmentId: s.appointment.id } },
      include: { selections: true, comments: true },
    });
    expect(revision).toMatchObject({ number: 1, termsVersionId: s.terms.id, ip: "198.51.100.23", submittedAt: now, termsAcceptedAt: now });
    // Planned 100.00 + 35.50 + 19.99 and the wash 20.66, all @ 21 %: net 176.15, VAT 21.00 + 7.46 + 4.20 + 4.34 = 37.00, gross 213.15.
    expect([revision.netMinor, revision.vatMinor, revision.grossMinor]).toEqual([17615, 3700, 21315]);
    expect(await db().checkIn.findUniqueOrThrow({ where: { appointmentId: s.appointment.id } })).toMatchObject({
      state: "SUBMITTED",
      currentRevision: 1,
    });
  });

  it("makes one revision from two confirmations at the same instant, and none from a repeat", async () => {
    const s = await setup("submit-b");
    await setServiceSelected({ link: s.link, serviceId: s.wash.id, selected: true, locale: "en" });
    const results = await Promise.all([
      submitCheckin({ link: s.link, termsVersionId: s.terms.id }),
      submitCheckin({ link: s.link, termsVersionId: s.terms.id }),
    ]);
    expect(results).toEqual([{ revision: 1 }, { revision: 1 }]);
    expect(await submitCheckin({ link: s.link, termsVersionId: s.terms.id })).toEqual({ revision: 1 });
    expect(await db().checkInRevision.count({ where: { checkIn: { appointmentId: s.appointment.id } } })).toBe(1);
  });

  it("keeps earlier revisions when the customer comes back and changes their answer", async () => {
    const s = await setup("submit-c");
    await setServiceSelected({ link: s.link, serviceId: s.wash.id, selected: true, locale: "en" });
    await submitCheckin({ link: s.link, termsVersionId: s.terms.id });
    await setServiceSelected({ link: s.link, serviceId: s.volvo.id, selected: true, locale: "en" });
    await setServiceSelected({ link: s.link, serviceId: s.wash.id, selected: false, locale: "en" });
    expect(await submitCheckin({ link: s.link, termsVersionId: s.terms.id })).toEqual({ revision: 2 });
    const revisions = await db().checkInRevision.findMany({
      where: { checkIn: { appointmentId: s.appointment.id } },
      orderBy: { number: "asc" },
      include: { selections: true },
    });
    expect(revisions.map((r) => r.selections.map((x) => x.title))).toEqual([["Car wash"], ["Volvo update"]]);
    // The advisor sees the latest answer and what changed since the one before.
    const staffView = await getCheckinAnswerForStaff({ dealerId: s.dealer.id, appointmentId: s.appointment.id });
    expect(staffView).toMatchObject({ number: 2, changes: { previousNumber: 1, added: ["Volvo update"], removed: ["Car wash"] } });
    expect(await getCheckinAnswerForStaff({ dealerId: "another-dealer", appointmentId: s.appointment.id })).toBeNull();
  });

  it("refuses missing, unknown, another dealer's or outdated terms, and stores nothing", async () => {
    const s = await setup("submit-d");
    const other = await setup("submit-e");
    const newer = await db().termsVersion.create({
      data: { dealerId: s.dealer.id, locale: "en", version: 2, title: "Terms", body: "…v2" },
    });
    for (const termsVersionId of ["", other.terms.id, s.terms.id]) {
      await expect(submitCheckin({ link: s.link, termsVersionId })).rejects.toMatchObject({ code: "validation_failed" });
    }
    expect(await db().checkInRevision.count({ where: { checkIn: { appointmentId: s.appointment.id }, submittedAt: { not: null } } })).toBe(
      0,
    );
    expect(await currentTerms({ dealerId: s.dealer.id, locale: "fr", defaultLocale: "en" })).toMatchObject({ id: newer.id, version: 2 });
    expect(await submitCheckin({ link: s.link, termsVersionId: newer.id })).toEqual({ revision: 1 });
  });
});
