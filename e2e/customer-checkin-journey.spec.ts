import { expect, test, type Page } from "@playwright/test";
import { demo, expectAccessible, snapshot } from "./fixtures";

async function inEnglish(page: Page, link: string) {
  await page.goto(`${link}?lang=en`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
}

test("a customer checks in on a phone: adds an extra, leaves a remark, accepts the terms, gets the receipt", async ({ page }, testInfo) => {
  const link = demo().links.checkinSwedish!;
  await inEnglish(page, link);
  const total = page.getByTestId("total-gross");
  await expect(total).toHaveText("€121.00");

  const wash = page.locator("li[data-service]").filter({ hasText: "Exterior car wash" });
  await wash.getByRole("button", { name: "Add" }).click();
  // With JavaScript the card and the total change at once, then the server confirms.
  await expect(wash.getByRole("button", { name: /Added/ })).toHaveAttribute("aria-pressed", "true");
  await expect(total).toHaveText("€146.00");
  const interior = page.locator("li[data-service]").filter({ hasText: "Interior cleaning" });
  await expect(interior.getByRole("link", { name: /More info/ })).toHaveAttribute("rel", "noopener noreferrer");
  await expect(interior.getByRole("link", { name: /More info/ })).toHaveAttribute("target", "_blank");
  await snapshot(page, testInfo, "checkin-extras");

  await page.getByLabel("What is it about?").fill("Squeak when braking");
  await page.getByLabel("Tell us more (optional)").fill("Front left, mostly in the morning.");
  await page.getByRole("button", { name: "Add remark" }).click();
  await expect(page.getByText("Squeak when braking", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove — Squeak when braking" })).toBeVisible();

  await page.getByRole("button", { name: "Confirm my check-in" }).click();
  await expect(page.locator("#confirm-error")).toHaveText("Please accept the terms to confirm.");
  await expectAccessible(page);

  await page.getByLabel("I have read and accept the terms.").check();
  await page.getByRole("button", { name: "Confirm my check-in" }).click();
  await expect(page).toHaveURL(new RegExp(`${link}/done$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you, your check-in is confirmed");
  await expect(page.getByTestId("receipt-total")).toHaveText("€146.00");
  await expect(page.getByText(/You can change your answers until/)).toBeVisible();
  await expect(page.getByText("Front left, mostly in the morning.")).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, testInfo, "checkin-receipt");
  const pdf = await page.request.get(`${link}/receipt.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // Coming back shows what was confirmed, ready to change.
  await page.getByRole("link", { name: "Change my answers" }).click();
  await expect(wash.getByRole("button", { name: /Added/ })).toBeVisible();
});

test("the same check-in works without JavaScript: every step is a plain form", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const link = demo().links.checkin!;
  await inEnglish(page, link);
  const wash = page.locator("li[data-service]").filter({ hasText: "Exterior car wash" });
  await wash.getByRole("button", { name: "Add" }).click();
  await expect(wash.getByRole("button", { name: /Added/ })).toBeVisible();
  await expect(page.getByTestId("total-gross")).toHaveText("€213.15");
  await page.getByLabel("I have read and accept the terms.").check();
  await page.getByRole("button", { name: "Confirm my check-in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you, your check-in is confirmed");
  await expect(page.getByTestId("receipt-total")).toHaveText("€213.15");
  await context.close();
});
