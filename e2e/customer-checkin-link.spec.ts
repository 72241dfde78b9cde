import { expect, test } from "@playwright/test";
import { demo, expectAccessible, otherDealer, snapshot } from "./fixtures";

test.describe("a customer opens their check-in link on a phone", () => {
  test("sees their appointment in their own language, in the dealer's theme, with safe headers", async ({ page }, testInfo) => {
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    const response = await page.goto(demo().links.checkin!);
    expect(response?.status()).toBe(200);

    const headers = response!.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).toContain("object-src 'none'");
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["x-robots-tag"]).toContain("noindex");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    await expect(page.locator('meta[name="robots"]').first()).toHaveAttribute("content", /noindex/);

    // Pieter's preferred language is Dutch.
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Pieter");
    await expect(page.getByRole("banner")).toContainText("Demo Motors");
    await expect(page.getByRole("img", { name: /Demo Motors/ })).toBeVisible();
    const planned = page.locator("section[aria-labelledby=planned-heading]");
    await expect(planned.getByText("Annual service")).toBeVisible();
    await expect(page.getByText("1-ABC-123").or(page.getByText("2-DEF-456"))).toBeVisible();
    // 100.00 + 35.50 + 19.99 @ 21 % → 188,15 incl. VAT (api-v1.md's vector), in Dutch number format.
    await expect(planned.getByText("188,15")).toBeVisible();
    await expect(page.getByRole("link", { name: /\+32 9 123 45 67/ })).toHaveAttribute("href", "tel:+3291234567");

    const primary = await page
      .locator("header")
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(primary).toBe("rgb(11, 61, 92)");
    expect(requested.every((url) => url.startsWith("http://localhost:"))).toBe(true);

    await expectAccessible(page);
    await snapshot(page, testInfo, "checkin-link");
  });

  test("switches language with a plain link, and the choice sticks", async ({ page }) => {
    const link = demo().links.checkin!;
    await page.goto(link);
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(new RegExp(`${link}$`));
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello Pieter,");
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello Pieter,");
    await page.getByRole("link", { name: "Français" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("link", { name: "Français" })).toHaveAttribute("aria-current", "true");
    await expectAccessible(page);
  });

  test("reads the same without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(demo().links.checkinSwedish!);
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Astrid");
    await expect(page.getByRole("banner")).toContainText("Göteborg");
    await context.close();
  });

  test("a cancelled appointment's link shows the branded closed page with the phone number", async ({ page }, testInfo) => {
    const response = await page.goto(demo().links.closed!);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(/\/closed$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("banner")).toContainText("Demo Motors");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator("main").getByRole("link", { name: /\+32 9 123 45 67/ })).toHaveAttribute("href", "tel:+3291234567");
    await expectAccessible(page);
    await snapshot(page, testInfo, "checkin-closed");
  });

  test("another dealer's link wears that dealer's brand, not the demo's", async ({ page }) => {
    await page.goto(otherDealer().checkin);
    await expect(page.getByRole("banner")).toContainText("Other Garage");
    await expect(page.getByRole("banner")).not.toContainText("Demo Motors");
    await expectAccessible(page);
  });
});

test.describe("bad links", () => {
  test("an unknown token gets the neutral page with 404, naming no dealer", async ({ page }, testInfo) => {
    const response = await page.goto("/c/AAAAAAAAAAAAAAAAAAAAAA");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We could not find this link");
    await expect(page.locator("body")).not.toContainText("Demo Motors");
    await expectAccessible(page);
    await snapshot(page, testInfo, "unknown-link");
  });

  test("malformed, hostile and oversized tokens and unknown locales never cause a 5xx", async ({ request }) => {
    const paths = [
      "/c/abc",
      "/c/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
      "/c/..%2F..%2Fetc%2Fpasswd",
      "/c/' OR '1'='1",
      `/c/${"a".repeat(3000)}`,
      "/c/AAAAAAAAAAAAAAAAAAAAAA/closed",
      "/c/%00%00",
      "/no-such-page",
    ];
    for (const path of paths) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
    }
    const huge = await request.get(`/c/${"a".repeat(20_000)}`, { maxRedirects: 0 });
    expect(huge.status()).toBeGreaterThanOrEqual(400);
    expect(huge.status()).toBeLessThan(500);

    // A form post from another site is refused before any action runs (CSRF), whatever the Origin.
    const crossSite = await request.post(demo().links.checkin!, {
      headers: { "Sec-Fetch-Site": "cross-site", Origin: "null" },
      form: { token: "x" },
    });
    expect(crossSite.status()).toBe(403);

    const unknownLocale = await request.get(`${demo().links.checkin}?lang=xx`, { maxRedirects: 0 });
    expect(unknownLocale.status()).toBe(303);
    const followed = await request.get(`${demo().links.checkin}?lang=%00%3Cx%3E`);
    expect(followed.status()).toBe(200);
  });
});
