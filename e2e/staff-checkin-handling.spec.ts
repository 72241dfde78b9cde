import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible, snapshot } from "./fixtures";

async function signIn(page: Page, email: string) {
  await page.goto("/dealer/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Appointments");
}

async function mechanicPage(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signIn(page, "mechanic@demo-motors.test");
  return { context, page };
}

const pinnedSection = (page: Page) => page.locator("section").filter({ has: page.getByRole("heading", { name: "Answers to handle" }) });
const item = (page: Page, title: string) => page.locator(`[data-checkin-item="${title}"]`);

/**
 * Seed 003 steps 3–5 end to end on the demo's answered check-in (Emma Wouters, A-1004: two extras, a
 * remark with a photo and a remark without). The steps depend on each other, so they run in order.
 */
test.describe.serial("the advisor handles a check-in answer; the mechanic sees only what was shared", () => {
  test("an answered check-in is pinned first with the customer's name highlighted", async ({ page }, testInfo) => {
    await signIn(page, "advisor@demo-motors.test");
    const row = pinnedSection(page).locator('tr[data-appointment="A-1004"]');
    await expect(row).toContainText("Emma Wouters");
    await expect(row.getByTitle("Check-in answer to handle")).toBeVisible();
    await expectAccessible(page);
    await snapshot(page, testInfo, "checkin-pinned-list");
  });

  test("the answer shows the photo, converts an extra and a remark to jobs once, and shares a remark", async ({ page }, testInfo) => {
    await signIn(page, "advisor@demo-motors.test");
    await pinnedSection(page).getByRole("link", { name: "Emma Wouters" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Emma Wouters");
    const photo = item(page, "Squeaking brakes").getByRole("img", { name: "Photo 1 of “Squeaking brakes”" });
    await expect(photo).toBeVisible();
    expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(item(page, "Squeaking brakes").getByRole("link")).toHaveAttribute("href", /\/files\/[0-9a-f-]{36}\?v=full&/);
    await expect(page.getByTestId("handled-count")).toHaveText("0 of 4 handled");
    await expectAccessible(page);
    await snapshot(page, testInfo, "checkin-answer-unhandled");

    await page.getByRole("button", { name: "Convert to job — Exterior car wash" }).click();
    await expect(item(page, "Exterior car wash")).toContainText("Converted to job");
    await expect(page.getByRole("button", { name: "Handled — Exterior car wash" })).toHaveAttribute("aria-pressed", "true");
    const work = page.locator("section").filter({ has: page.getByRole("heading", { name: "Planned work" }) });
    await expect(work.locator("tr").filter({ hasText: "Exterior car wash" })).toContainText("from the check-in");
    await expect(page.getByRole("link", { name: "History (version 2)" })).toBeVisible();

    // A remark is converted only after confirming what it does.
    await item(page, "Squeaking brakes").locator("summary").click();
    await page.getByRole("button", { name: "Yes, add it as a job" }).click();
    await expect(item(page, "Squeaking brakes")).toContainText("Converted to job");
    await expect(page.getByRole("button", { name: "Convert to job — Exterior car wash" })).toHaveCount(0);
    await expect(work.locator("tr").filter({ hasText: "Exterior car wash" })).toHaveCount(1);
    await expect(page.getByRole("link", { name: "History (version 3)" })).toBeVisible();

    const share = page.getByRole("button", { name: "Visible to mechanics — Squeaking brakes" });
    await share.click();
    await expect(share).toHaveAttribute("aria-pressed", "true");
  });

  test("the mechanic opens the workshop view from the list and sees only the shared remark, without contact details", async ({
    page,
    browser,
  }, testInfo) => {
    const mechanic = await mechanicPage(browser);
    await mechanic.page.getByRole("link", { name: "Emma Wouters" }).first().click();
    await expect(mechanic.page).toHaveURL(/\/dealer\/workshop\/[0-9a-f-]{36}$/);
    await expect(mechanic.page.getByRole("heading", { level: 1 })).toHaveText("Polestar 2 2023 · 1-GHI-789");
    await expect(mechanic.page.getByText("Squeaking brakes").first()).toBeVisible();
    await expect(mechanic.page.getByText("Exterior car wash")).toBeVisible();
    let html = await mechanic.page.content();
    for (const hidden of ["Spare key", "glovebox", "Interior cleaning", "emma@example.com", "+32470333444", "Wouters", "/files/"]) {
      expect(html, hidden).not.toContain(hidden);
    }
    await expectAccessible(mechanic.page);
    await snapshot(mechanic.page, testInfo, "workshop-remark-without-photo");

    // The advisor shares the photo too: now (and only now) the mechanic sees it.
    await signIn(page, "advisor@demo-motors.test");
    await page.getByRole("link", { name: "Emma Wouters" }).first().click();
    const sharePhoto = page.getByRole("button", { name: "Visible to mechanics — Photo 1 of “Squeaking brakes”" });
    await sharePhoto.click();
    await expect(sharePhoto).toHaveAttribute("aria-pressed", "true");
    await mechanic.page.reload();
    await expect(mechanic.page.getByRole("img", { name: "Photo 1 of “Squeaking brakes”" })).toBeVisible();
    html = await mechanic.page.content();
    expect(html).not.toContain("Spare key");
    await snapshot(mechanic.page, testInfo, "workshop-remark-with-photo");
    await mechanic.context.close();
  });

  test("without JavaScript the advisor marks the rest handled; the appointment is unpinned and checked in online", async ({
    page: jsPage,
    browser,
  }, testInfo) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, "advisor@demo-motors.test");
    await page.getByRole("link", { name: "Emma Wouters" }).first().click();
    for (const title of ["Interior cleaning", "Spare key"]) {
      const toggle = page.getByRole("button", { name: `Handled — ${title}` });
      await expect(toggle).toHaveAttribute("aria-pressed", "false");
      await toggle.click();
      await expect(page.getByRole("button", { name: `Handled — ${title}` })).toHaveAttribute("aria-pressed", "true");
    }
    await expect(page.getByTestId("handled-count")).toHaveText("4 of 4 handled");
    await snapshot(page, testInfo, "checkin-answer-handled");

    await page.goto("/dealer");
    await expect(pinnedSection(page).locator('tr[data-appointment="A-1004"]')).toHaveCount(0);
    await expect(page.locator('tr[data-appointment="A-1004"]').getByTitle("Checked in online")).toBeVisible();
    await context.close();

    // axe needs scripts: the same list, checked in a browser with JavaScript.
    await signIn(jsPage, "advisor@demo-motors.test");
    const row = jsPage.locator('tr[data-appointment="A-1004"]');
    await expect(row.getByText("Checked in online")).toBeAttached();
    await expect(row.getByRole("link", { name: "Emma Wouters" })).toHaveClass(/bg-blue-100/);
    await expectAccessible(jsPage);
    await snapshot(jsPage, testInfo, "checkin-unpinned-list");
  });
});
