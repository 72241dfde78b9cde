import sharp from "sharp";
import { describe, expect, it, vi } from "vitest";
import { runDealerAction } from "@/lib/auth/dealer-action";
import { BRAND_EDITORS } from "@/lib/auth/require-staff";
import type { StaffSession } from "@/lib/auth/session";
import { cachedBrand, invalidateDealerCache } from "@/lib/dealers/dealer-cache";
import { removeThemeImage, setThemeImage } from "@/lib/dealers/theme-images";
import { loadThemeSettings, saveTheme, themeSchema } from "@/lib/dealers/theme-settings";
import { db } from "@/lib/db";
import { getPublicAsset } from "@/lib/uploads/brand-assets";
import { UploadError } from "@/lib/uploads/upload-error";
import { withMigratedDatabase } from "@/test/database";
import { pngBomb, transparentPng, zip } from "@/test/files/make-files";
import { makeDealer, makeStaff } from "@/test/fixtures";

vi.mock("@/lib/request-context", () => ({ requestContext: async () => ({ ip: "192.0.2.9", userAgent: "vitest" }) }));

withMigratedDatabase();

async function marketingOf(slug: string): Promise<StaffSession> {
  const dealer = await makeDealer(slug);
  const staff = await makeStaff(dealer.id, `marketing@${slug}.test`, "MARKETING");
  return { sessionId: "s", staffUserId: staff.id, dealerId: dealer.id, role: "MARKETING", name: "Mia", email: staff.email };
}

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
};

const saveForm = (staff: StaffSession, entries: Record<string, string>) =>
  runDealerAction({
    staff,
    roles: BRAND_EDITORS,
    schema: themeSchema,
    formData: form(entries),
    fn: ({ staff: s, input }) => saveTheme(s, input),
  });

const themeChanges = (dealerId: string) =>
  db().auditEvent.findMany({
    where: { dealerId, type: "settings.changed" },
    orderBy: { createdAt: "asc" },
    select: { data: true, actorId: true },
  });

describe("saving the theme", () => {
  it("saves colours, font and welcome texts, audits only what changed, and the brand customers see carries them", async () => {
    const staff = await marketingOf("theme-save");
    const siteId = (await db().site.findFirstOrThrow({ where: { dealerId: staff.dealerId } })).id;
    expect((await cachedBrand({ dealerId: staff.dealerId, siteId }))?.fontKey).toBe("inter");

    const result = await saveForm(staff, {
      primaryColor: "#7A1F5C",
      accentColor: "#0f766e",
      fontKey: "lora",
      "welcome.en": "  Welcome!  ",
      "welcome.sv": "Välkommen!",
      "welcome.fr": "",
    });
    expect(result).toEqual({ ok: true, data: { changed: true } });
    const theme = await loadThemeSettings({ dealerId: staff.dealerId });
    expect(theme).toMatchObject({
      primaryColor: "#7a1f5c",
      accentColor: "#0f766e",
      fontKey: "lora",
      welcomeText: { en: "Welcome!", sv: "Välkommen!" },
    });
    // What settingsAction does after every settings change: the customer pages' copy is dropped.
    invalidateDealerCache(staff.dealerId);
    expect(await cachedBrand({ dealerId: staff.dealerId, siteId })).toMatchObject({
      primaryColor: "#7a1f5c",
      fontKey: "lora",
      welcomeText: { en: "Welcome!", sv: "Välkommen!" },
    });
    const [change] = await themeChanges(staff.dealerId);
    expect(change!.actorId).toBe(staff.staffUserId);
    expect(change!.data).toMatchObject({
      entity: "theme",
      change: "updated",
      before: { primaryColor: "#1f4e79", accentColor: "#b45309", fontKey: "inter" },
      after: { primaryColor: "#7a1f5c", accentColor: "#0f766e", fontKey: "lora", "welcome.en": "Welcome!", "welcome.sv": "Välkommen!" },
    });

    expect(
      await saveForm(staff, {
        primaryColor: "#7a1f5c",
        accentColor: "#0f766e",
        fontKey: "lora",
        "welcome.en": "Welcome!",
        "welcome.sv": "Välkommen!",
      }),
    ).toEqual({
      ok: true,
      data: { changed: false },
    });
    expect(await themeChanges(staff.dealerId)).toHaveLength(1);
  });

  it("refuses a pair that fails WCAG AA, naming the field, and changes nothing", async () => {
    const staff = await marketingOf("theme-contrast");
    const result = await saveForm(staff, { primaryColor: "#ffd700", accentColor: "#f2a900", fontKey: "inter" });
    expect(result).toEqual({
      ok: false,
      error: "validation_failed",
      fieldErrors: { primaryColor: "contrastPrimary", accentColor: "contrastAccent" },
    });
    expect((await loadThemeSettings({ dealerId: staff.dealerId })).primaryColor).toBe("#1f4e79");
    expect(await themeChanges(staff.dealerId)).toHaveLength(0);
  });

  it("refuses what is not a colour or a bundled font, and a welcome text too long, as field errors", async () => {
    const staff = await marketingOf("theme-bad");
    const result = await saveForm(staff, {
      primaryColor: "red;}</style><script>",
      accentColor: "#12345",
      fontKey: "comic-sans",
      "welcome.de": "x".repeat(601),
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { primaryColor: "color", accentColor: "color", fontKey: "invalid", "welcome.de": "tooLong" },
    });
  });

  it("lets only admin and marketing save, and an advisor gets not found", async () => {
    const staff = await marketingOf("theme-roles");
    const advisor = { ...staff, role: "ADVISOR" as const };
    expect(await saveForm(advisor, { primaryColor: "#1f4e79", accentColor: "#b45309", fontKey: "inter" })).toEqual({
      ok: false,
      error: "not_found",
    });
  });
});

describe("the theme's images", () => {
  it("stores a logo re-encoded as PNG, and an SVG rasterised so its script cannot survive", async () => {
    const staff = await marketingOf("theme-logo");
    await setThemeImage(staff, "logo", await transparentPng(800, 200));
    const first = (await loadThemeSettings({ dealerId: staff.dealerId })).logoUrl!;
    const svg = Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?>\n<!-- logo --><svg xmlns="http://www.w3.org/2000/svg" width="300" height="80" onload="alert(1)"><script>alert(2)</script><rect width="300" height="80" fill="#7a1f5c"/></svg>`,
    );
    await setThemeImage(staff, "logo", svg);
    const { logoUrl } = await loadThemeSettings({ dealerId: staff.dealerId });
    expect(logoUrl).not.toBe(first);
    const asset = await getPublicAsset(logoUrl!.split("/").pop()!);
    expect(asset?.contentType).toBe("image/png");
    expect(asset!.bytes.includes(Buffer.from("script"))).toBe(false);
    const meta = await sharp(asset!.bytes).metadata();
    expect(meta).toMatchObject({ format: "png", width: 300, height: 80 });
    const changes = await themeChanges(staff.dealerId);
    expect(changes.at(-1)!.data).toMatchObject({ before: { logo: first }, after: { logo: logoUrl } });
  });

  it("stores the welcome image as 16:7 WebP and removes it again, both audited", async () => {
    const staff = await marketingOf("theme-welcome");
    await setThemeImage(staff, "welcome", await transparentPng(2000, 1200));
    const { welcomeImageUrl } = await loadThemeSettings({ dealerId: staff.dealerId });
    const asset = await getPublicAsset(welcomeImageUrl!.split("/").pop()!);
    expect(await sharp(asset!.bytes).metadata()).toMatchObject({ format: "webp", width: 1600, height: 700 });
    expect(await removeThemeImage(staff, { image: "welcome" })).toEqual({ removed: true });
    expect(await removeThemeImage(staff, { image: "welcome" })).toEqual({ removed: false });
    expect((await loadThemeSettings({ dealerId: staff.dealerId })).welcomeImageUrl).toBeNull();
    expect(await themeChanges(staff.dealerId)).toHaveLength(2);
  });

  it("refuses an archive, a bomb, an empty file and an SVG bomb with their codes, and keeps the theme as it was", async () => {
    const staff = await marketingOf("theme-refused");
    const refusal = async (bytes: Uint8Array) => {
      try {
        await setThemeImage(staff, "logo", bytes);
        return "stored";
      } catch (error) {
        return error instanceof UploadError ? error.code : String(error);
      }
    };
    expect(await refusal(zip())).toBe("unsupported");
    expect(await refusal(Buffer.from("<html><script>alert(1)</script></html>"))).toBe("unsupported");
    expect(await refusal(new Uint8Array())).toBe("unreadable");
    expect(await refusal(await pngBomb())).toBe("unreadable");
    expect(
      await refusal(
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="100000"><rect width="1" height="1"/></svg>'),
      ),
    ).toBe("unreadable");
    expect((await loadThemeSettings({ dealerId: staff.dealerId })).logoUrl).toBeNull();
    expect(await themeChanges(staff.dealerId)).toHaveLength(0);
  });

  it("changes only the staff member's own dealer", async () => {
    const mine = await marketingOf("theme-mine");
    const other = await marketingOf("theme-other");
    await setThemeImage(mine, "logo", await transparentPng());
    expect((await loadThemeSettings({ dealerId: other.dealerId })).logoUrl).toBeNull();
  });
});
