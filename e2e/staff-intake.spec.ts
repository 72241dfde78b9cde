import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible, snapshot } from "./fixtures";

async function signInAsAdvisor(page: Page) {
  await page.goto("/dealer/sign-in");
  await page.getByLabel("E-mail").fill("advisor@demo-motors.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Appointments");
}

test("an advisor books an appointment for a customer who phoned, edits it, and reads its history", async ({ page }, testInfo) => {
  await signInAsAdvisor(page);
  await page.getByRole("link", { name: "New appointment" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New appointment");
  await expectAccessible(page);

  const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Date", { exact: true }).fill(inTwoWeeks);
  await page.getByLabel("Start time").fill("09:15");
  await page.getByLabel("First name").fill("Sofie");
  await page.getByLabel("Last name").fill("Maes");
  await page.getByLabel("Customer's language").selectOption("nl");
  await page.getByLabel("Make").fill("Volvo");
  await page.getByLabel("Model", { exact: true }).fill("XC40");
  await page.getByLabel("Operation 1").fill("Winter tyres fitting");
  await page.getByLabel("Price (€)").first().fill("45");

  // No way to reach the customer yet: refused next to the field, everything typed kept.
  await page.getByRole("button", { name: "Save" }).click();
  const email = page.getByLabel("E-mail");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#email-error")).toHaveText("Enter an e-mail address or a mobile number, so the customer can be reached.");
  await expect(page.getByLabel("First name")).toHaveValue("Sofie");
  await expect(page.getByLabel("Operation 1")).toHaveValue("Winter tyres fitting");
  await expect(page.getByLabel("Customer's language")).toHaveValue("nl");
  await snapshot(page, testInfo, "intake-error");

  await email.fill("sofie@example.com");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sofie Maes");
  await expect(page.getByText("Winter tyres fitting")).toBeVisible();
  await expect(page.locator("li[data-notification]").filter({ hasText: "Appointment confirmation" })).toBeVisible();
  await expect(page.getByText("Invitation scheduled")).toBeVisible();

  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Start time").fill("10:30");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sofie Maes");
  await page.getByRole("link", { name: /History \(version 2\)/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Appointment history");
  await expect(page.getByRole("link", { name: /Version 2/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText(/\b10:30\b/)).toBeVisible();
  await page.getByRole("link", { name: /Version 1/ }).click();
  await expect(page.getByText(/\b9:15\b/)).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, testInfo, "appointment-history");
});
