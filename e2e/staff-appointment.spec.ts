import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible, snapshot } from "./fixtures";

async function signInAsAdvisor(page: Page) {
  await page.goto("/dealer/sign-in");
  await page.getByLabel("E-mail").fill("advisor@demo-motors.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Appointments");
}

test.describe("the advisor's appointment page", () => {
  test("shows a bounced invitation and sends the link by SMS instead; the dispatcher delivers it", async ({ page }, testInfo) => {
    await signInAsAdvisor(page);
    await page.getByRole("link", { name: "Noah Claes" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Noah Claes");
    const bounced = page.locator("li[data-notification]").filter({ hasText: "Failed" });
    await expect(bounced).toContainText("Check-in invitation");
    await expect(bounced).toContainText("mailbox unavailable");
    await expectAccessible(page);
    await snapshot(page, testInfo, "appointment-bounced");

    await bounced.getByRole("button", { name: "Send by SMS instead" }).click();
    await expect(bounced.getByRole("status")).toHaveText("Queued: it goes out within seconds.");
    // The in-process dispatcher sends it within a tick or two (the demo's SMS provider only logs).
    await expect(async () => {
      await page.reload();
      const sms = page.locator("li[data-notification]").filter({ hasText: "+32470246810" });
      await expect(sms).toContainText("Sent");
      await expect(sms).toContainText("SMS");
    }).toPass({ timeout: 20_000 });
    await expect(page.getByText("Invitation sent")).toBeVisible();
  });

  test("shows the customer's confirmed check-in answer first: extras and remarks", async ({ page }) => {
    await signInAsAdvisor(page);
    await page.getByRole("link", { name: "Emma Wouters" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Emma Wouters");
    await expect(page.getByText(/Answer 1, confirmed/)).toBeVisible();
    await expect(page.getByText("Squeaking brakes", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Extras chosen" })).toBeVisible();
    await expectAccessible(page);
  });

  test("the outbox lists what customers were sent, with the message and no token", async ({ page }) => {
    await signInAsAdvisor(page);
    await page.getByRole("link", { name: "Outbox" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Outbox");
    await expect(page.locator("li[data-notification]").first()).toBeVisible();
    const body = await page.locator("main").innerText();
    expect(body).not.toMatch(/\/c\/[A-Za-z0-9_-]{22}/);
    await expectAccessible(page);
  });

  test("a mechanic cannot open it, and another dealer's appointment id is not found", async ({ page, browser }) => {
    await signInAsAdvisor(page);
    await page.getByRole("link", { name: "Pieter Janssens" }).click();
    const url = page.url();
    expect(url).toMatch(/\/dealer\/appointments\/[0-9a-f-]{36}$/);

    const mechanic = await browser.newContext();
    const other = await mechanic.newPage();
    await other.goto("/dealer/sign-in");
    await other.getByLabel("E-mail").fill("mechanic@demo-motors.test");
    await other.getByLabel("Password").fill(DEMO_PASSWORD);
    await other.getByRole("button", { name: "Sign in" }).click();
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("Appointments");
    expect((await other.goto(url))?.status()).toBe(404);
    await mechanic.close();

    const otherDealer = await browser.newContext();
    const stranger = await otherDealer.newPage();
    await stranger.goto("/dealer/sign-in");
    await stranger.getByLabel("E-mail").fill("advisor@other-garage.test");
    await stranger.getByLabel("Password").fill("other-garage-pass");
    await stranger.getByRole("button", { name: "Sign in" }).click();
    await expect(stranger.getByRole("heading", { level: 1 })).toHaveText("Appointments");
    const response = await stranger.goto(url);
    expect(response?.status()).toBe(404);
    await expect(stranger.locator("body")).not.toContainText("Pieter");
    await otherDealer.close();
  });
});
