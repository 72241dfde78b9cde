import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { runDealerAction } from "@/lib/auth/dealer-action";
import { BRAND_EDITORS } from "@/lib/auth/require-staff";
import type { StaffSession } from "@/lib/auth/session";
import { listOfferedServices } from "@/lib/checkin/offered-services";
import { listSettingsHistory } from "@/lib/dealers/settings-history";
import { db } from "@/lib/db";
import {
  createServiceForStaff,
  moveServiceForStaff,
  setServiceActiveForStaff,
  updateServiceForStaff,
} from "@/lib/optional-services/service-admin";
import { moveServiceSchema, serviceFormSchema, setServiceActiveSchema } from "@/lib/optional-services/service-fields";
import { loadServiceForEdit, loadServicesPage } from "@/lib/optional-services/service-settings";
import { withMigratedDatabase } from "@/test/database";
import { dealerWithSites, formData, sessionFor, washForm } from "@/test/service-fixtures";

vi.mock("@/lib/request-context", () => ({ requestContext: async () => ({ ip: "192.0.2.8", userAgent: "vitest" }) }));

withMigratedDatabase();

const create = (staff: StaffSession, entries: Record<string, string | string[]>) =>
  runDealerAction({
    staff,
    roles: BRAND_EDITORS,
    schema: serviceFormSchema,
    formData: formData(entries),
    fn: ({ staff: s, input }) => createServiceForStaff(s, input),
  });

const update = (staff: StaffSession, entries: Record<string, string | string[]>) =>
  runDealerAction({
    staff,
    roles: BRAND_EDITORS,
    schema: serviceFormSchema,
    formData: formData(entries),
    fn: ({ staff: s, input }) => updateServiceForStaff(s, input),
  });

const move = (staff: StaffSession, id: string, direction: string) =>
  runDealerAction({
    staff,
    roles: BRAND_EDITORS,
    schema: moveServiceSchema,
    formData: formData({ id, direction }),
    fn: ({ staff: s, input }) => moveServiceForStaff(s, input),
  });

const setActive = (staff: StaffSession, id: string, active: boolean) =>
  runDealerAction({
    staff,
    roles: BRAND_EDITORS,
    schema: setServiceActiveSchema,
    formData: formData({ id, active: String(active) }),
    fn: ({ staff: s, input }) => setServiceActiveForStaff(s, input),
  });

const changes = async (dealerId: string) =>
  (await db().auditEvent.findMany({ where: { dealerId, type: "settings.changed" }, orderBy: { createdAt: "asc" } })).map((row) => row.data);

const offer = (dealer: { id: string; siteId: string }, extra: Partial<Parameters<typeof listOfferedServices>[0]> = {}) =>
  listOfferedServices({
    dealerId: dealer.id,
    siteId: dealer.siteId,
    make: "Volvo",
    model: "XC60",
    locale: "en",
    defaultLocale: "en",
    ...extra,
  });

async function created(staff: StaffSession, entries: Record<string, string | string[]>): Promise<string> {
  const result = await create(staff, entries);
  if (!result.ok) throw new Error(`${result.error} ${JSON.stringify(result.fieldErrors)}`);
  return result.data.id;
}

describe("creating an optional service", () => {
  it("stores the customer's price as net + VAT, the texts per language, the targets, at the end of the list, audited", async () => {
    const dealer = await dealerWithSites("svc-create");
    const marketing = await sessionFor(dealer.id, "MARKETING");
    const first = await created(marketing, washForm());
    const form = washForm({
      "texts.en.title": "  Windscreen treatment ",
      "texts.en.description": "Rain runs off.",
      "texts.sv.title": "Vindrutebehandling",
      "texts.fr.title": "",
      priceInclVat: "59,00",
      vatRate: "25",
      linkUrl: "https://example.com/glass",
      targetMakes: "Volvo, volvo\nPolestar ",
      targetModels: "",
      siteIds: [dealer.secondSiteId],
    });
    const id = await created(marketing, form);
    expect(id).toBe(form.id);

    const stored = await db().optionalService.findUniqueOrThrow({
      where: { id },
      select: {
        position: true,
        active: true,
        priceMinor: true,
        vatRateBp: true,
        linkUrl: true,
        targetMakes: true,
        targetModels: true,
        targetSiteIds: true,
        texts: { orderBy: { locale: "asc" }, select: { locale: true, title: true, description: true } },
      },
    });
    // 47.20 + 25 % VAT (11.80) = 59.00: what the dealer typed is what the customer pays.
    expect(stored).toEqual({
      position: 1,
      active: true,
      priceMinor: 4720,
      vatRateBp: 2500,
      linkUrl: "https://example.com/glass",
      targetMakes: ["Volvo", "Polestar"],
      targetModels: [],
      targetSiteIds: [dealer.secondSiteId],
      texts: [
        { locale: "en", title: "Windscreen treatment", description: "Rain runs off." },
        { locale: "sv", title: "Vindrutebehandling", description: "" },
      ],
    });
    const page = await loadServicesPage({ dealerId: dealer.id });
    expect(page?.services.map((s) => [s.title, s.grossMinor, s.translated, s.targetSites])).toEqual([
      ["Car wash", 2500, ["en"], []],
      ["Windscreen treatment", 5900, ["en", "sv"], [`svc-create second site`]],
    ]);
    expect(first).not.toBe(id);

    const [, record] = await changes(dealer.id);
    expect(record).toEqual({
      entity: "service",
      entityId: id,
      change: "created",
      before: null,
      after: {
        "title.en": "Windscreen treatment",
        "description.en": "Rain runs off.",
        "title.sv": "Vindrutebehandling",
        priceInclVat: "59.00",
        priceExclVat: "47.20",
        vatRate: "25 %",
        link: "https://example.com/glass",
        makes: ["Volvo", "Polestar"],
        sites: ["svc-create second site"],
        active: true,
      },
    });
    const row = await db().auditEvent.findFirstOrThrow({ where: { dealerId: dealer.id, type: "settings.changed" } });
    expect(row).toMatchObject({ actorType: "STAFF", actorId: marketing.staffUserId, ip: "192.0.2.8" });
  });

  it("refuses bad input at its field, in codes the page translates, and creates nothing", async () => {
    const dealer = await dealerWithSites("svc-bad");
    const other = await dealerWithSites("svc-bad-other");
    const admin = await sessionFor(dealer.id, "ADMIN");
    const cases: [Record<string, string | string[]>, Record<string, string>][] = [
      [{ priceInclVat: "-5" }, { priceInclVat: "priceNegative" }],
      [{ priceInclVat: "25 EUR" }, { priceInclVat: "price" }],
      [{ priceInclVat: "1e3" }, { priceInclVat: "price" }],
      [{ priceInclVat: "2000000" }, { priceInclVat: "priceTooHigh" }],
      [{ priceInclVat: "" }, { priceInclVat: "required" }],
      // 0.03 at 21 %: net 0.02 costs 0.02 and net 0.03 costs 0.04; nothing costs exactly 0.03.
      [{ priceInclVat: "0.03" }, { priceInclVat: "priceUnreachable" }],
      [{ vatRate: "100.01" }, { vatRate: "vatRate" }],
      [{ vatRate: "150" }, { vatRate: "vatRate" }],
      [{ vatRate: "-1" }, { vatRate: "vatRate" }],
      [{ vatRate: "twenty" }, { vatRate: "vatRate" }],
      [{ linkUrl: "javascript:alert(1)" }, { linkUrl: "url" }],
      [{ linkUrl: "data:text/html,<script>" }, { linkUrl: "url" }],
      [{ "texts.en.title": "x".repeat(10 * 1024 * 1024) }, { "texts.en.title": "tooLong" }],
      [{ "texts.fr.description": "y".repeat(1001), "texts.fr.title": "Lavage" }, { "texts.fr.description": "tooLong" }],
      [{ "texts.de.description": "Mit der Hand" }, { "texts.de.title": "titleForDescription" }],
      [{ targetMakes: "m".repeat(61) }, { targetMakes: "tooLong" }],
      [{ targetModels: Array.from({ length: 51 }, (_, i) => `M${i}`).join(",") }, { targetModels: "tooMany" }],
      [{ siteIds: ["not-a-site"] }, { siteIds: "unknownSite" }],
      [{ id: "12" }, { id: "invalid" }],
    ];
    for (const [overrides, fieldErrors] of cases) {
      const result = await create(admin, washForm(overrides));
      const shown = Object.fromEntries(Object.entries(overrides).map(([k, v]) => [k, String(v).slice(0, 40)]));
      // zod's own messages (the uuid check) are not codes; the page shows "This value is not valid." for them.
      const codes = result.ok
        ? {}
        : Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k, k === "id" ? "invalid" : v]));
      expect([shown, result.ok, codes]).toEqual([shown, false, fieldErrors]);
    }
    // Checks only the database can make: the dealer's own language needs a title; sites are the dealer's own.
    expect(await create(admin, washForm({ "texts.en.title": "", "texts.en.description": "", "texts.fr.title": "Lavage" }))).toEqual({
      ok: false,
      error: "validation_failed",
      fieldErrors: { "texts.en.title": "required" },
    });
    expect(await create(admin, washForm({ siteIds: [dealer.siteId, other.siteId] }))).toEqual({
      ok: false,
      error: "validation_failed",
      fieldErrors: { siteIds: "unknownSite" },
    });
    expect(await db().optionalService.count({ where: { dealerId: dealer.id } })).toBe(0);
    expect(await changes(dealer.id)).toEqual([]);
  });

  it("needs a title in the dealer's own language, whichever that is", async () => {
    const dealer = await dealerWithSites("svc-fr", "fr");
    const admin = await sessionFor(dealer.id, "ADMIN");
    expect(await create(admin, washForm())).toMatchObject({ fieldErrors: { "texts.fr.title": "required" } });
    expect(await create(admin, washForm({ "texts.fr.title": "Lavage" }))).toMatchObject({ ok: true });
  });

  it("makes one service of a create posted twice, one after the other or at once", async () => {
    const dealer = await dealerWithSites("svc-twice");
    const marketing = await sessionFor(dealer.id, "MARKETING");
    const form = washForm();
    expect(await create(marketing, form)).toEqual({ ok: true, data: { id: form.id, created: true } });
    expect(await create(marketing, form)).toEqual({ ok: true, data: { id: form.id, created: false } });
    const racing = washForm({ "texts.en.title": "Racing" });
    const results = await Promise.all([create(marketing, racing), create(marketing, racing)]);
    expect(results.map((r) => r.ok && r.data.created).sort()).toEqual([false, true]);
    expect((await loadServicesPage({ dealerId: dealer.id }))?.services.map((s) => s.title)).toEqual(["Car wash", "Racing"]);
    expect((await changes(dealer.id)).length).toBe(2);
  });
});

describe("editing an optional service", () => {
  it("saves texts, price and targets, falls back per language, and records only what changed", async () => {
    const dealer = await dealerWithSites("svc-edit");
    const admin = await sessionFor(dealer.id, "ADMIN");
    const form = washForm({ "texts.sv.title": "Biltvätt", "texts.sv.description": "För hand.", "texts.de.title": "Autowäsche" });
    await created(admin, form);
    // German has a title only: the description falls back to the dealer's own; Dutch has nothing of its own.
    const offered = async (locale: string) => (await offer(dealer, { locale })).map((s) => [s.title, s.description]);
    expect(await offered("sv")).toEqual([["Biltvätt", "För hand."]]);
    expect(await offered("de")).toEqual([["Autowäsche", "By hand, inside and out."]]);
    expect(await offered("nl")).toEqual([["Car wash", "By hand, inside and out."]]);

    const edited = { ...form, "texts.sv.title": "", "texts.sv.description": "", priceInclVat: "30", vatRate: "21", targetModels: "XC60" };
    expect(await update(admin, edited)).toEqual({ ok: true, data: { changed: true } });
    expect(await offered("sv")).toEqual([["Car wash", "By hand, inside and out."]]);
    expect((await offer(dealer))[0]).toMatchObject({ priceMinor: 2479, vatRateBp: 2100 });
    expect(await offer(dealer, { model: "XC40" })).toEqual([]);
    const detail = await loadServiceForEdit({ dealerId: dealer.id, id: form.id });
    expect(detail?.service).toMatchObject({ grossMinor: 3000, translated: ["en", "de"], targetModels: ["XC60"] });

    expect(await update(admin, edited)).toEqual({ ok: true, data: { changed: false } });
    const [, change] = await changes(dealer.id);
    expect(change).toEqual({
      entity: "service",
      entityId: form.id,
      change: "updated",
      before: { "title.sv": "Biltvätt", "description.sv": "För hand.", priceInclVat: "25.00", priceExclVat: "20.66", models: null },
      after: { "title.sv": null, "description.sv": null, priceInclVat: "30.00", priceExclVat: "24.79", models: ["XC60"] },
    });
    expect((await changes(dealer.id)).length).toBe(2);
    // The history names the service in the dealer's language, not the first language alphabetically (de).
    const history = await listSettingsHistory({ dealerId: dealer.id });
    expect(history.entries.map((entry) => [entry.change, entry.label])).toEqual([
      ["updated", "Car wash"],
      ["created", "Car wash"],
    ]);
  });

  it("keeps the customer's price when only the VAT rate changes (the dealer thinks in that price)", async () => {
    const dealer = await dealerWithSites("svc-vat");
    const admin = await sessionFor(dealer.id, "ADMIN");
    const form = washForm();
    await created(admin, form);
    // At 6 % no net in whole cents costs 25.00 (23.58 costs 24.99, 23.59 costs 25.01): refused, not rounded.
    expect(await update(admin, { ...form, vatRate: "6" })).toMatchObject({ fieldErrors: { priceInclVat: "priceUnreachable" } });
    expect(await update(admin, { ...form, vatRate: "12" })).toEqual({ ok: true, data: { changed: true } });
    expect((await offer(dealer))[0]).toMatchObject({ priceMinor: 2232, vatRateBp: 1200 });
    expect((await loadServicesPage({ dealerId: dealer.id }))?.services[0]?.grossMinor).toBe(2500);
  });
});

describe("ordering and deactivating", () => {
  it("moves a service up or down one place, in the order customers see; at either end nothing moves", async () => {
    const dealer = await dealerWithSites("svc-order");
    const marketing = await sessionFor(dealer.id, "MARKETING");
    const [a, b, c] = [
      await created(marketing, washForm({ "texts.en.title": "A" })),
      await created(marketing, washForm({ "texts.en.title": "B" })),
      await created(marketing, washForm({ "texts.en.title": "C" })),
    ];
    const titles = async () => (await offer(dealer)).map((s) => s.title);
    expect(await titles()).toEqual(["A", "B", "C"]);
    expect(await move(marketing, c!, "up")).toEqual({ ok: true, data: { done: true } });
    expect(await titles()).toEqual(["A", "C", "B"]);
    expect(await move(marketing, a!, "down")).toEqual({ ok: true, data: { done: true } });
    expect(await titles()).toEqual(["C", "A", "B"]);
    expect(await move(marketing, c!, "up")).toEqual({ ok: true, data: { done: false } });
    expect(await move(marketing, b!, "down")).toEqual({ ok: true, data: { done: false } });
    expect(await move(marketing, b!, "sideways")).toMatchObject({ ok: false, error: "validation_failed" });
    expect((await loadServicesPage({ dealerId: dealer.id }))?.services.map((s) => s.title)).toEqual(["C", "A", "B"]);
    const positions = await db().optionalService.findMany({ where: { dealerId: dealer.id }, orderBy: { position: "asc" } });
    expect(positions.map((s) => s.position)).toEqual([0, 1, 2]);
    expect((await changes(dealer.id)).slice(3)).toEqual([
      { entity: "service", entityId: c, change: "reordered", before: { place: 3 }, after: { place: 2 } },
      { entity: "service", entityId: a, change: "reordered", before: { place: 1 }, after: { place: 2 } },
    ]);
  });

  it("deactivates a service (no longer offered, still listed as inactive) and reactivates it; a repeat does nothing", async () => {
    const dealer = await dealerWithSites("svc-off");
    const admin = await sessionFor(dealer.id, "ADMIN");
    const wash = await created(admin, washForm());
    await created(admin, washForm({ "texts.en.title": "Glass" }));
    expect(await setActive(admin, wash, false)).toEqual({ ok: true, data: { done: true } });
    expect(await setActive(admin, wash, false)).toEqual({ ok: true, data: { done: false } });
    expect((await offer(dealer)).map((s) => s.title)).toEqual(["Glass"]);
    expect((await loadServicesPage({ dealerId: dealer.id }))?.services.map((s) => [s.title, s.active])).toEqual([
      ["Car wash", false],
      ["Glass", true],
    ]);
    expect(await setActive(admin, wash, true)).toEqual({ ok: true, data: { done: true } });
    expect((await offer(dealer)).map((s) => s.title)).toEqual(["Car wash", "Glass"]);
    expect((await changes(dealer.id)).slice(2)).toEqual([
      { entity: "service", entityId: wash, change: "updated", before: { active: true }, after: { active: false } },
      { entity: "service", entityId: wash, change: "updated", before: { active: false }, after: { active: true } },
    ]);
  });

  it("offers a service only for the makes, models and sites it targets (empty: all)", async () => {
    const dealer = await dealerWithSites("svc-target");
    const admin = await sessionFor(dealer.id, "ADMIN");
    await created(admin, washForm({ "texts.en.title": "Everyone" }));
    await created(admin, washForm({ "texts.en.title": "Volvo XC", targetMakes: "VOLVO", targetModels: "xc60\nXC90" }));
    await created(admin, washForm({ "texts.en.title": "Göteborg only", siteIds: dealer.secondSiteId }));
    const titles = async (extra: Partial<Parameters<typeof listOfferedServices>[0]>) => (await offer(dealer, extra)).map((s) => s.title);
    expect(await titles({})).toEqual(["Everyone", "Volvo XC"]);
    expect(await titles({ model: "XC40" })).toEqual(["Everyone"]);
    expect(await titles({ make: "Audi", model: "XC60" })).toEqual(["Everyone"]);
    expect(await titles({ siteId: dealer.secondSiteId, make: null, model: null })).toEqual(["Everyone", "Göteborg only"]);
  });
});

describe("roles and tenants", () => {
  it("is not there for an advisor or a mechanic, nor for another dealer's staff: not found, nothing changes", async () => {
    const dealer = await dealerWithSites("svc-tenant");
    const other = await dealerWithSites("svc-tenant-other");
    const admin = await sessionFor(dealer.id, "ADMIN");
    const form = washForm();
    await created(admin, form);
    const before = await changes(dealer.id);
    const intruders = [
      await sessionFor(dealer.id, "ADVISOR"),
      await sessionFor(dealer.id, "MECHANIC"),
      await sessionFor(other.id, "ADMIN"),
      await sessionFor(other.id, "MARKETING"),
    ];
    for (const staff of intruders) {
      const results = [
        await update(staff, { ...form, "texts.en.title": "Hijacked" }),
        await move(staff, form.id, "down"),
        await setActive(staff, form.id, false),
        // Another dealer's id in a create is not taken over either.
        await create(staff, { ...form, "texts.en.title": "Hijacked" }),
      ];
      expect([staff.role, staff.dealerId === other.id, results]).toEqual([
        staff.role,
        staff.dealerId === other.id,
        Array(4).fill({ ok: false, error: "not_found" }),
      ]);
    }
    expect((await offer(dealer)).map((s) => [s.title, s.priceMinor])).toEqual([["Car wash", 2066]]);
    expect(await changes(dealer.id)).toEqual(before);
    expect(await changes(other.id)).toEqual([]);
    expect(await loadServiceForEdit({ dealerId: other.id, id: form.id })).toBeNull();
    expect(await loadServiceForEdit({ dealerId: dealer.id, id: randomUUID() })).toBeNull();
    expect((await loadServicesPage({ dealerId: other.id }))?.services).toEqual([]);
  });
});
