import { describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeDealer } from "@/test/fixtures";
import { listOfferedServices } from "@/lib/checkin/offered-services";
import { currentTerms } from "@/lib/checkin/submit-checkin";
import { cachedBrand, cachedCurrentTerms, cachedOfferedServices, invalidateDealerCache } from "@/lib/dealers/dealer-cache";
import { getBrand } from "@/lib/dealers/get-brand";
import { db } from "@/lib/db";

withMigratedDatabase();

async function dealerWithOffer(slug: string) {
  const dealer = await makeDealer(slug);
  const service = (title: string, position: number, extra: { targetMakes?: string[]; targetSiteIds?: string[] } = {}) =>
    db().optionalService.create({
      data: {
        dealerId: dealer.id,
        position,
        priceMinor: 1000 * position,
        vatRateBp: 2100,
        targetMakes: extra.targetMakes ?? [],
        targetModels: [],
        targetSiteIds: extra.targetSiteIds ?? [],
        texts: {
          create: [
            { locale: "en", title, description: `${title}…` },
            { locale: "de", title: `${title} (de)`, description: "…" },
          ],
        },
      },
    });
  await service("Wash", 1);
  await service("Volvo update", 2, { targetMakes: ["volvo"] });
  await service("Other site", 3, { targetSiteIds: ["00000000-0000-4000-8000-000000000000"] });
  await db().optionalService.create({
    data: {
      dealerId: dealer.id,
      position: 4,
      active: false,
      priceMinor: 1,
      vatRateBp: 0,
      texts: { create: [{ locale: "en", title: "Off", description: "" }] },
    },
  });
  for (const [locale, version] of [
    ["en", 1],
    ["en", 2],
    ["fr", 1],
  ] as const) {
    await db().termsVersion.create({ data: { dealerId: dealer.id, locale, version, title: `${locale} v${version}`, body: "…" } });
  }
  return dealer;
}

describe("the per-dealer cache of what check-in pages show", () => {
  it("answers as the uncached functions do", async () => {
    const dealer = await dealerWithOffer("cache-same");
    const ids = { dealerId: dealer.id, siteId: dealer.siteId };
    expect(await cachedBrand(ids)).toEqual(await getBrand(ids));
    expect(await cachedBrand({ ...ids, siteId: "00000000-0000-4000-8000-000000000000" })).toBeNull();
    for (const [make, locale] of [
      ["Volvo", "de"],
      ["Audi", "fr"],
      [null, "en"],
    ] as const) {
      const input = { ...ids, make, model: "XC60", locale, defaultLocale: "en" };
      expect(await cachedOfferedServices(input), `${make} ${locale}`).toEqual(await listOfferedServices(input));
    }
    for (const locale of ["en", "fr", "de"]) {
      const input = { dealerId: dealer.id, locale, defaultLocale: "en" };
      expect(await cachedCurrentTerms(input), locale).toEqual(await currentTerms(input));
    }
    expect(await cachedCurrentTerms({ dealerId: dealer.id, locale: "de", defaultLocale: "en" })).toMatchObject({ title: "en v2" });
  });

  it("shows a change of the dealer's settings once it is invalidated, and never another dealer's", async () => {
    const dealer = await dealerWithOffer("cache-change");
    const other = await dealerWithOffer("cache-other");
    const input = { dealerId: dealer.id, siteId: dealer.siteId, make: "Volvo", model: null, locale: "en", defaultLocale: "en" };
    expect((await cachedOfferedServices(input)).map((s) => s.title)).toEqual(["Wash", "Volvo update"]);
    await cachedOfferedServices({ ...input, dealerId: other.id, siteId: other.siteId });

    await db().optionalService.updateMany({ where: { dealerId: dealer.id, position: 1 }, data: { active: false } });
    await db().dealer.update({ where: { id: dealer.id }, data: { name: "Renamed Motors" } });
    await db().termsVersion.create({ data: { dealerId: dealer.id, locale: "en", version: 3, title: "en v3", body: "…" } });
    invalidateDealerCache(dealer.id);

    expect((await cachedOfferedServices(input)).map((s) => s.title)).toEqual(["Volvo update"]);
    expect(await cachedBrand({ dealerId: dealer.id, siteId: dealer.siteId })).toMatchObject({ dealerName: "Renamed Motors" });
    expect(await cachedCurrentTerms({ dealerId: dealer.id, locale: "en", defaultLocale: "en" })).toMatchObject({ version: 3 });
    expect(await cachedBrand({ dealerId: dealer.id, siteId: other.siteId })).toBeNull();
    expect((await cachedOfferedServices({ ...input, dealerId: other.id, siteId: other.siteId })).map((s) => s.title)).toEqual([
      "Wash",
      "Volvo update",
    ]);
  });
});
