import { describe, expect, it, vi } from "vitest";
import { addComment, setServiceSelected, type CustomerLink } from "@/lib/checkin/answer-checkin";
import { getCheckinAnswerForStaff } from "@/lib/checkin/checkin-answer-for-staff";
import { listOfferedServices } from "@/lib/checkin/offered-services";
import { submitCheckin } from "@/lib/checkin/submit-checkin";
import { db } from "@/lib/db";
import { createServiceForStaff, setServiceActiveForStaff, updateServiceForStaff } from "@/lib/optional-services/service-admin";
import { serviceFormSchema } from "@/lib/optional-services/service-fields";
import { withMigratedDatabase } from "@/test/database";
import { makeAppointment } from "@/test/fixtures";
import { dealerWithSites, sessionFor, washForm } from "@/test/service-fixtures";

vi.mock("@/lib/request-context", () => ({ requestContext: async () => ({ ip: "192.0.2.9", userAgent: "vitest" }) }));

withMigratedDatabase();

const context = { ip: "198.51.100.40", userAgent: "Mobile Safari" };
const form = (entries: Record<string, string | string[]>) => serviceFormSchema.parse(washForm(entries));

async function setup(slug: string) {
  const dealer = await dealerWithSites(slug);
  const admin = await sessionFor(dealer.id, "ADMIN");
  const wash = form({});
  const glass = form({ "texts.en.title": "Glass coating", priceInclVat: "59.00" });
  await createServiceForStaff(admin, wash);
  await createServiceForStaff(admin, glass);
  const terms = await db().termsVersion.create({ data: { dealerId: dealer.id, locale: "en", version: 1, title: "Terms", body: "…" } });
  let n = 0;
  const customer = async (): Promise<CustomerLink> => {
    const appointment = await makeAppointment({ id: dealer.id, siteId: dealer.siteId }, { externalId: `${slug}-${++n}` });
    await db().checkIn.create({
      data: { dealerId: dealer.id, appointmentId: appointment.id, state: "SENT", closesAt: new Date(Date.now() + 3 * 86_400_000) },
    });
    return { dealerId: dealer.id, appointmentId: appointment.id, context };
  };
  return { dealer, admin, wash, glass, terms, customer };
}

const revisions = (link: CustomerLink) =>
  db().checkInRevision.findMany({
    where: { checkIn: { appointmentId: link.appointmentId } },
    orderBy: { number: "asc" },
    select: {
      number: true,
      grossMinor: true,
      selections: { orderBy: { title: "asc" }, select: { title: true, unitPriceMinor: true, vatRateBp: true } },
    },
  });

// Planned work of makeAppointment: 100.00 + 35.50 + 19.99 excl. VAT, + 21.00 + 7.46 + 4.20 VAT = 188.15.
const PLANNED_GROSS = 18815;

describe("what customers chose, after the dealer edits the service", () => {
  it("stays as confirmed: title, price and VAT of the confirmed answer never change, whatever the dealer edits", async () => {
    const s = await setup("snap-confirmed");
    const link = await s.customer();
    await setServiceSelected({ link, serviceId: s.wash.id, selected: true, locale: "en" });
    await submitCheckin({ link, termsVersionId: s.terms.id });
    const confirmed = await revisions(link);
    expect(confirmed).toEqual([
      { number: 1, grossMinor: PLANNED_GROSS + 2500, selections: [{ title: "Car wash", unitPriceMinor: 2066, vatRateBp: 2100 }] },
    ]);

    await updateServiceForStaff(s.admin, { ...s.wash, texts: { en: { title: "Premium wash", description: "…" } }, priceMinor: 4132 });
    await setServiceActiveForStaff(s.admin, { id: s.wash.id, active: false });
    expect(await revisions(link)).toEqual(confirmed);
    expect(await getCheckinAnswerForStaff({ dealerId: s.dealer.id, appointmentId: link.appointmentId })).toMatchObject({
      grossMinor: PLANNED_GROSS + 2500,
      selections: [{ title: "Car wash", unitPriceMinor: 2066, vatRateBp: 2100 }],
    });
    // And no code path can change it: the database refuses (migration 20261203110000_services_terms).
    await expect(
      db().checkInSelection.updateMany({
        where: { revision: { checkIn: { appointmentId: link.appointmentId } } },
        data: { unitPriceMinor: 1 },
      }),
    ).rejects.toThrow(/keeps what the customer confirmed/);
    await db().checkInSelection.updateMany({
      where: { revision: { checkIn: { appointmentId: link.appointmentId } } },
      data: { handled: true, handledAt: new Date() },
    });
  });

  it("prices an unconfirmed draft as the page shows it when the customer confirms: the new price, without a deactivated service", async () => {
    const s = await setup("snap-draft");
    const link = await s.customer();
    await setServiceSelected({ link, serviceId: s.wash.id, selected: true, locale: "en" });
    await setServiceSelected({ link, serviceId: s.glass.id, selected: true, locale: "en" });
    // The draft holds the price of the moment the customer added it…
    expect((await revisions(link))[0]?.selections.map((x) => x.unitPriceMinor)).toEqual([2066, 4876]);

    await updateServiceForStaff(s.admin, { ...s.wash, priceMinor: 2479 });
    await setServiceActiveForStaff(s.admin, { id: s.glass.id, active: false });
    // …while the page offers the current price, and no longer the glass coating.
    const offered = await listOfferedServices({
      dealerId: s.dealer.id,
      siteId: s.dealer.siteId,
      make: "Volvo",
      model: "XC60",
      locale: "en",
      defaultLocale: "en",
    });
    expect(offered.map((o) => [o.title, o.priceMinor])).toEqual([["Car wash", 2479]]);

    await submitCheckin({ link, termsVersionId: s.terms.id });
    expect(await revisions(link)).toEqual([
      { number: 1, grossMinor: PLANNED_GROSS + 3000, selections: [{ title: "Car wash", unitPriceMinor: 2479, vatRateBp: 2100 }] },
    ]);
  });

  it("keeps the first answer when the customer comes back: only the new confirmation takes the new price", async () => {
    const s = await setup("snap-return");
    const link = await s.customer();
    await setServiceSelected({ link, serviceId: s.wash.id, selected: true, locale: "en" });
    await submitCheckin({ link, termsVersionId: s.terms.id });
    await updateServiceForStaff(s.admin, { ...s.wash, priceMinor: 2479 });
    await addComment({ link, title: "Tyre pressure", description: "Low warning light", assetIds: [] });
    await submitCheckin({ link, termsVersionId: s.terms.id });
    expect(await revisions(link)).toEqual([
      { number: 1, grossMinor: PLANNED_GROSS + 2500, selections: [{ title: "Car wash", unitPriceMinor: 2066, vatRateBp: 2100 }] },
      { number: 2, grossMinor: PLANNED_GROSS + 3000, selections: [{ title: "Car wash", unitPriceMinor: 2479, vatRateBp: 2100 }] },
    ]);
  });
});
