import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, snapshot, signIn } from "./fixtures";

async function signedInPage(browser: Browser, email: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** GET of a cheap DMS endpoint (api-v1.md: GET /appointments/{externalId}) with the given key. */
async function apiStatus(page: Page, key: string): Promise<number> {
  const response = await page.request.get("/api/v1/appointments/A-1001", { headers: { authorization: `Bearer ${key}` } });
  return response.status();
}

const keyRow = (page: Page, name: string) => page.locator("tr", { has: page.getByRole("rowheader", { name, exact: true }) });

test.describe("API keys, webhook endpoints and the change history", () => {
  test("an admin creates a key that works once shown, revokes it, adds and deactivates an endpoint, and finds it all in the history", async ({
    page,
  }, testInfo) => {
    await signIn(page, "admin@demo-motors.test");
    await page.goto("/dealer/settings/api");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("API keys and webhooks");
    await expect(page.getByRole("link", { name: "API keys and webhooks" })).toHaveAttribute("aria-current", "page");
    await expect(keyRow(page, "Demo DMS")).toContainText("Active");
    await expectAccessible(page);

    await page.getByLabel("Name", { exact: true }).fill("E2E workshop DMS");
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByRole("status")).toHaveText("Key created.");
    const shown = page.getByLabel("Your new API key");
    await expect(shown).toHaveValue(/^glk_[A-Za-z0-9_-]{32}$/);
    const key = await shown.inputValue();
    await expect(page.getByText("it will not be shown again")).toBeVisible();
    await expect(keyRow(page, "E2E workshop DMS")).toContainText(key.slice(0, 10));
    await expect(keyRow(page, "E2E workshop DMS")).toContainText("Never");
    expect(await apiStatus(page, key)).toBe(200);
    await expectAccessible(page);
    await snapshot(page, testInfo, "settings-api-key-created");

    // Shown once: a fresh load of the page has the prefix only.
    await page.reload();
    await expect(keyRow(page, "E2E workshop DMS")).toBeVisible();
    await expect(page.getByLabel("Your new API key")).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(key);

    const row = keyRow(page, "E2E workshop DMS");
    await row.getByText("Revoke…").click();
    await expect(row.getByText("Revoke the key “E2E workshop DMS”?")).toBeVisible();
    await row.getByRole("button", { name: "Revoke key" }).click();
    await expect(keyRow(page, "E2E workshop DMS")).toContainText("Revoked");
    await expect(keyRow(page, "E2E workshop DMS").getByText("Revoke…")).toHaveCount(0);
    expect(await apiStatus(page, key)).toBe(401);

    const address = page.getByLabel("Address");
    await address.fill("http://127.0.0.1/hooks");
    await page.getByLabel(/Check-in submitted/).check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.locator("#webhook-url-error")).toHaveText("Use an address starting with https://.");
    await expect(address).toHaveAttribute("aria-invalid", "true");
    await expect(address).toHaveValue("http://127.0.0.1/hooks");
    await address.fill("https://127.0.0.1/hooks");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.locator("#webhook-url-error")).toContainText("private or local network");
    await address.fill("https://dms.example.com/greenlight");
    await page.getByLabel(/Check-in submitted/).uncheck();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.locator("#webhook-events-error")).toHaveText("Choose at least one event.");
    await expect(page.locator("#webhook-url-error")).toHaveCount(0);
    await page.getByLabel(/Check-in submitted/).check();
    await page.getByLabel(/Report answered/).check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByRole("status")).toHaveText("Endpoint added.");
    const secret = await page.getByLabel("Signing secret").inputValue();
    expect(secret).toMatch(/^whsec_/);
    const endpoint = page.locator("tr", { has: page.getByRole("rowheader", { name: "https://dms.example.com/greenlight" }) });
    await expect(endpoint).toContainText("Check-in submitted");
    await expect(endpoint).toContainText("Report answered");
    await expect(endpoint).toContainText("Active");
    await expectAccessible(page);
    await snapshot(page, testInfo, "settings-api-webhook-created");

    await endpoint.getByText("Deactivate…").click();
    await endpoint.getByRole("button", { name: "Deactivate endpoint" }).click();
    await expect(endpoint).toContainText("Deactivated");
    await expect(endpoint.getByText("Deactivate…")).toHaveCount(0);

    await page.goto("/dealer/settings/history");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Change history");
    const entries = page.getByRole("list", { name: "Changes, newest first" }).getByRole("listitem");
    await expect(entries.nth(0)).toContainText("Webhook endpoint changed");
    await expect(entries.nth(0)).toContainText("By Alex Admin");
    await expect(entries.nth(0).getByRole("row", { name: "active Yes No" })).toBeVisible();
    await expect(entries.nth(1)).toContainText("Webhook endpoint created");
    await expect(entries.nth(1)).toContainText("https://dms.example.com/greenlight");
    await expect(entries.nth(1).getByRole("row", { name: "events checkin.submitted, report.responded" })).toBeVisible();
    await expect(entries.nth(2)).toContainText("API key changed");
    await expect(entries.nth(2)).toContainText("E2E workshop DMS");
    await expect(entries.nth(2).getByRole("row", { name: "status active revoked" })).toBeVisible();
    await expect(entries.nth(3)).toContainText("API key created");
    await expect(page.locator("main")).not.toContainText(key);
    await expect(page.locator("main")).not.toContainText(secret);
    await expectAccessible(page);
    await snapshot(page, testInfo, "settings-history");

    await page.getByLabel("Show changes to").selectOption("api_key");
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await expect(page).toHaveURL(/entity=api_key/);
    await expect(entries).toHaveCount(2);
    await expect(page.locator("[data-history-entity]:not([data-history-entity=api_key])")).toHaveCount(0);
    await page.goto("/dealer/settings/history?before=not-a-cursor&entity=nonsense");
    await expect(entries.first()).toContainText("Webhook endpoint changed");
  });

  test("without JavaScript a key is created, shown once and revoked behind the confirm step", async ({ browser }) => {
    const page = await signedInPage(browser, "admin@demo-motors.test", false);
    await page.goto("/dealer/settings/api");
    await page.getByLabel("Name", { exact: true }).fill("No-script DMS");
    await page.getByRole("button", { name: "Create key" }).click();
    const key = await page.getByLabel("Your new API key").inputValue();
    expect(key).toMatch(/^glk_/);
    expect(await apiStatus(page, key)).toBe(200);
    const row = keyRow(page, "No-script DMS");
    await row.getByText("Revoke…").click();
    await row.getByRole("button", { name: "Revoke key" }).click();
    await expect(keyRow(page, "No-script DMS")).toContainText("Revoked");
    expect(await apiStatus(page, key)).toBe(401);
    await page.context().close();
  });

  for (const email of ["advisor@demo-motors.test", "marketing@demo-motors.test"]) {
    test(`${email.split("@")[0]} gets "not found" on the API and history pages`, async ({ browser }) => {
      const page = await signedInPage(browser, email);
      for (const path of ["/dealer/settings/api", "/dealer/settings/history"]) {
        const response = await page.goto(path);
        expect([path, response?.status()]).toEqual([path, 404]);
        await expect(page.locator("body")).not.toContainText("Demo DMS");
      }
      await page.context().close();
    });
  }
});
