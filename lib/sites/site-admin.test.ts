import { describe, expect, it, vi } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeDealer, makeStaff } from "@/test/fixtures";
import { runDealerAction } from "@/lib/auth/dealer-action";
import { DEALER_ADMINS } from "@/lib/auth/require-staff";
import type { StaffSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createSiteForStaff, getSiteForDealer, listSites, updateSiteForStaff } from "@/lib/sites/site-admin";
import { createSiteSchema, slugFromName, updateSiteSchema } from "@/lib/sites/site-fields";
import { isSelectableTimeZone } from "@/lib/sites/time-zones";

vi.mock("@/lib/request-context", () => ({ requestContext: async () => ({ ip: "192.0.2.8", userAgent: "vitest" }) }));

withMigratedDatabase();

async function adminOf(slug: string, role: StaffSession["role"] = "ADMIN"): Promise<StaffSession & { siteId: string }> {
  const dealer = await makeDealer(slug);
  const staff = await makeStaff(dealer.id, `${role.toLowerCase()}@${slug}.test`, role);
  return { sessionId: "s", staffUserId: staff.id, dealerId: dealer.id, role, name: "Ada Admin", email: staff.email, siteId: dealer.siteId };
}

const GOOD: Record<string, string> = {
  name: "Demo Motors Göteborg",
  slug: "",
  addressLine: "Mölndalsvägen 10",
  postalCode: "412 63",
  city: "Göteborg",
  country: "se",
  phone: "+46 31 123 45 67",
  email: " Goteborg@Demo.test ",
  timeZone: "Europe/Stockholm",
  showPrices: "false",
  checkinEnabled: "false",
  checkinWindowDays: "5",
  checkinSendTime: "18:30",
  checkinChannel: "BOTH",
  reminderDaysBefore: "2",
};

/** The form as a browser posts it: a ticked CheckboxField sends its hidden "false" and then "true". */
function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) {
    if (value === "true") data.append(name, "false");
    data.append(name, value);
  }
  return data;
}

const create = (staff: StaffSession, values: Record<string, string>) =>
  runDealerAction({
    staff,
    roles: DEALER_ADMINS,
    schema: createSiteSchema,
    formData: form(values),
    fn: ({ staff: s, input }) => createSiteForStaff(s, input),
  });

const update = (staff: StaffSession, values: Record<string, string>) =>
  runDealerAction({
    staff,
    roles: DEALER_ADMINS,
    schema: updateSiteSchema,
    formData: form(values),
    fn: ({ staff: s, input }) => updateSiteForStaff(s, input),
  });

async function editValues(staff: StaffSession & { siteId: string }): Promise<Record<string, string>> {
  const site = await getSiteForDealer({ dealerId: staff.dealerId, siteId: staff.siteId });
  if (!site) throw new Error("no site");
  return {
    id: site.id,
    version: site.updatedAt.toISOString(),
    name: site.name,
    addressLine: site.addressLine,
    postalCode: site.postalCode,
    city: site.city,
    country: site.country,
    phone: site.phone,
    email: site.email,
    timeZone: site.timeZone,
    showPrices: String(site.showPrices),
    checkinEnabled: String(site.checkinEnabled),
    checkinWindowDays: String(site.checkinWindowDays),
    checkinSendTime: site.checkinSendTime,
    checkinChannel: site.checkinChannel,
    reminderDaysBefore: site.reminderDaysBefore === null ? "" : String(site.reminderDaysBefore),
  };
}

const siteChanges = (dealerId: string) =>
  db().auditEvent.findMany({ where: { dealerId, type: "settings.changed" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

describe("adding a site", () => {
  it("stores every field, makes the slug from the name when left empty, and records the creation", async () => {
    const admin = await adminOf("sites-add");
    const result = await create(admin, GOOD);
    expect(result).toEqual({ ok: true, data: { id: expect.any(String), slug: "demo-motors-goteborg" } });
    if (!result.ok) return;
    expect(await getSiteForDealer({ dealerId: admin.dealerId, siteId: result.data.id })).toEqual({
      id: result.data.id,
      slug: "demo-motors-goteborg",
      name: "Demo Motors Göteborg",
      addressLine: "Mölndalsvägen 10",
      postalCode: "412 63",
      city: "Göteborg",
      country: "SE",
      phone: "+46 31 123 45 67",
      email: "goteborg@demo.test",
      timeZone: "Europe/Stockholm",
      showPrices: false,
      checkinEnabled: false,
      checkinWindowDays: 5,
      checkinSendTime: "18:30",
      checkinChannel: "BOTH",
      reminderDaysBefore: 2,
      updatedAt: expect.any(Date),
    });
    const [change] = await siteChanges(admin.dealerId);
    expect(change).toMatchObject({
      actorType: "STAFF",
      actorId: admin.staffUserId,
      ip: "192.0.2.8",
      data: {
        entity: "site",
        entityId: result.data.id,
        change: "created",
        before: null,
        after: expect.objectContaining({ slug: "demo-motors-goteborg", checkinSendTime: "18:30", reminderDaysBefore: 2 }),
      },
    });
    expect((await listSites({ dealerId: admin.dealerId })).map((s) => s.slug)).toEqual(["main", "demo-motors-goteborg"]);
  });

  it("keeps the defaults of an unticked form: check-in off is false, no reminder is null", async () => {
    const admin = await adminOf("sites-defaults");
    const result = await create(admin, { ...GOOD, slug: "north", checkinEnabled: "true", showPrices: "true", reminderDaysBefore: "" });
    if (!result.ok) throw new Error(result.error);
    expect(await getSiteForDealer({ dealerId: admin.dealerId, siteId: result.data.id })).toMatchObject({
      slug: "north",
      checkinEnabled: true,
      showPrices: true,
      reminderDaysBefore: null,
    });
  });

  it("refuses a slug another of the dealer's sites has, next to the slug; another dealer may use it", async () => {
    const admin = await adminOf("sites-slug");
    expect(await create(admin, { ...GOOD, slug: "main" })).toEqual({ ok: false, error: "conflict", fieldErrors: { slug: "slugTaken" } });
    expect(await create(admin, { ...GOOD, slug: "Bad Slug!" })).toEqual({
      ok: false,
      error: "validation_failed",
      fieldErrors: { slug: "slug" },
    });
    expect(await create(admin, { ...GOOD, slug: "", name: "§§" })).toMatchObject({ ok: false, fieldErrors: { slug: "slug" } });
    const other = await adminOf("sites-slug-other");
    expect(await create(other, { ...GOOD, slug: "main-2" })).toMatchObject({ ok: true });
    expect(await create(admin, { ...GOOD, slug: "main-2" })).toMatchObject({ ok: true });
    expect(await db().site.count({ where: { dealerId: admin.dealerId } })).toBe(2);
  });

  it("makes slugs a DMS can send", () => {
    expect(slugFromName("  Demo Motors – Ghent (North)  ")).toBe("demo-motors-ghent-north");
    expect(slugFromName("Škoda Zürich")).toBe("skoda-zurich");
    expect(slugFromName("x".repeat(39) + " y")).toBe("x".repeat(39));
  });
});

describe("site validation", () => {
  const cases: [string, string, string][] = [
    ["timeZone", "Europe/Brusels", "timeZone"],
    ["timeZone", "europe/brussels", "timeZone"],
    ["timeZone", "EST", "timeZone"],
    ["timeZone", "GMT+1", "timeZone"],
    ["checkinWindowDays", "0", "windowDays"],
    ["checkinWindowDays", "15", "windowDays"],
    ["checkinWindowDays", "2.5", "windowDays"],
    ["checkinWindowDays", "three", "windowDays"],
    ["checkinSendTime", "24:00", "sendTime"],
    ["checkinSendTime", "7:00", "sendTime"],
    ["checkinSendTime", "7pm", "sendTime"],
    ["reminderDaysBefore", "0", "reminderDays"],
    ["reminderDaysBefore", "5", "reminderDays"],
    ["email", "not-an-address", "email"],
    ["email", "", "required"],
    ["country", "XX", "country"],
    ["country", "UK", "country"],
    ["phone", "call us", "phone"],
    ["phone", "09 123 45 67", "phone"],
    ["name", "   ", "required"],
    ["checkinChannel", "PIGEON", "invalid"],
  ];
  let badCase = 0;
  it.each(cases)("refuses %s = %j with the code %s next to the field, and stores nothing", async (field, value, code) => {
    const admin = await adminOf(`sites-bad-${++badCase}`);
    const result = await create(admin, { ...GOOD, slug: "x1", [field]: value });
    expect(result).toEqual({ ok: false, error: "validation_failed", fieldErrors: { [field]: code } });
    expect(await db().site.count({ where: { dealerId: admin.dealerId } })).toBe(1);
  });

  it("takes real IANA zones (current names too) and UTC, and nothing Intl merely tolerates", () => {
    for (const zone of ["Europe/Brussels", "America/Argentina/Buenos_Aires", "Europe/Kyiv", "Asia/Kolkata", "UTC"]) {
      expect(isSelectableTimeZone(zone), zone).toBe(true);
    }
    for (const zone of ["Mars/Olympus_Mons", "utc", "Etc/GMT+5", "US/Eastern", "EST", "Europe/BRUSSELS", "Europe/Brussels ", ""]) {
      expect(isSelectableTimeZone(zone), zone).toBe(false);
    }
  });

  it("refuses every bad field of one post at once", async () => {
    const admin = await adminOf("sites-bad-many");
    const result = await create(admin, { ...GOOD, timeZone: "Nowhere", checkinWindowDays: "99", checkinSendTime: "99:99", email: "x" });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { timeZone: "timeZone", checkinWindowDays: "windowDays", checkinSendTime: "sendTime", email: "email" },
    });
  });
});

describe("editing a site", () => {
  it("saves the changed fields, records only them before and after, and keeps the slug", async () => {
    const admin = await adminOf("sites-edit");
    const values = await editValues(admin);
    const result = await update(admin, { ...values, name: "Brussels Centre", phone: "+32 2 555 01 02", slug: "renamed" });
    expect(result).toEqual({ ok: true, data: { changed: true, replanned: 0 } });
    const site = await getSiteForDealer({ dealerId: admin.dealerId, siteId: admin.siteId });
    expect(site).toMatchObject({ slug: "main", name: "Brussels Centre", phone: "+32 2 555 01 02" });
    const [change] = await siteChanges(admin.dealerId);
    expect(change?.data).toEqual({
      entity: "site",
      entityId: admin.siteId,
      change: "updated",
      before: { name: "sites-edit main site", phone: "+32 2 000 00 00" },
      after: { name: "Brussels Centre", phone: "+32 2 555 01 02" },
    });
  });

  it("changes nothing and records nothing for the same form sent twice, even with its old version", async () => {
    const admin = await adminOf("sites-twice");
    const values = { ...(await editValues(admin)), city: "Gent" };
    expect(await update(admin, values)).toMatchObject({ ok: true, data: { changed: true } });
    expect(await update(admin, values)).toEqual({ ok: true, data: { changed: false, replanned: 0 } });
    expect(await siteChanges(admin.dealerId)).toHaveLength(1);
  });

  it("refuses to save over a newer change made meanwhile", async () => {
    const admin = await adminOf("sites-stale");
    const stale = await editValues(admin);
    expect(await update(admin, { ...stale, city: "Antwerpen" })).toMatchObject({ ok: true });
    expect(await update(admin, { ...stale, city: "Leuven" })).toEqual({ ok: false, error: "conflict" });
    expect((await getSiteForDealer({ dealerId: admin.dealerId, siteId: admin.siteId }))?.city).toBe("Antwerpen");
  });

  it("refuses bad values next to their field and keeps the site as it was", async () => {
    const admin = await adminOf("sites-edit-bad");
    const values = await editValues(admin);
    expect(await update(admin, { ...values, timeZone: "Europe/Atlantis", checkinSendTime: "19h" })).toEqual({
      ok: false,
      error: "validation_failed",
      fieldErrors: { timeZone: "timeZone", checkinSendTime: "sendTime" },
    });
    expect(await getSiteForDealer({ dealerId: admin.dealerId, siteId: admin.siteId })).toMatchObject({
      timeZone: "Europe/Brussels",
      checkinSendTime: "19:00",
    });
  });

  it("never reads or writes another dealer's site: not found, and nothing changes", async () => {
    const owner = await adminOf("sites-tenant-owner");
    const intruder = await adminOf("sites-tenant-intruder");
    const values = await editValues(owner);
    expect(await getSiteForDealer({ dealerId: intruder.dealerId, siteId: owner.siteId })).toBeNull();
    expect(await getSiteForDealer({ dealerId: owner.dealerId, siteId: "not-a-uuid" })).toBeNull();
    expect(await update(intruder, { ...values, name: "Taken over" })).toEqual({ ok: false, error: "not_found" });
    expect((await getSiteForDealer({ dealerId: owner.dealerId, siteId: owner.siteId }))?.name).toBe("sites-tenant-owner main site");
    expect(await listSites({ dealerId: intruder.dealerId })).toHaveLength(1);
    expect(await siteChanges(owner.dealerId)).toHaveLength(0);
    expect(await siteChanges(intruder.dealerId)).toHaveLength(0);
  });

  it("is the admin's alone", async () => {
    const advisor = await adminOf("sites-advisor", "ADVISOR");
    const values = await editValues(advisor);
    expect(await update(advisor, { ...values, name: "Advisor was here" })).toEqual({ ok: false, error: "not_found" });
    expect(await create(advisor, { ...GOOD, slug: "advisor" })).toEqual({ ok: false, error: "not_found" });
  });
});
