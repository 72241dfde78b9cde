import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible, snapshot } from "./fixtures";

test.describe("staff sign-in and the back-office home", () => {
  test("a wrong password is refused with a clear message next to the form", async ({ page }) => {
    await page.goto("/dealer");
    await expect(page).toHaveURL(/\/dealer\/sign-in$/);
    await page.getByLabel("E-mail").fill("advisor@demo-motors.test");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#sign-in-error")).toHaveText("The e-mail or password is not correct.");
    await expect(page.getByLabel("Password")).toHaveAttribute("aria-describedby", "sign-in-error");
    await expect(page.getByLabel("E-mail")).toHaveValue("advisor@demo-motors.test");
    await expectAccessible(page);
  });

  test("an advisor sees their dealer's appointments and nothing of another dealer, then signs out", async ({ page, context }, testInfo) => {
    await page.goto("/dealer/sign-in");
    await page.getByLabel("E-mail").fill("advisor@demo-motors.test");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/dealer$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Appointments");
    await expect(page.getByText("Signed in as Sam Advisor (Advisor)")).toBeVisible();
    await expect(page.getByRole("cell", { name: "Pieter Janssens" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Marie Leclercq" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText("Secretname");
    await expect(page.locator("body")).not.toContainText("OTHER-SECRET-REG");

    const cookie = (await context.cookies()).find((c) => c.name === "gl_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    await expectAccessible(page);
    await snapshot(page, testInfo, "back-office-home");

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/dealer\/sign-in$/);
    await page.goto("/dealer");
    await expect(page).toHaveURL(/\/dealer\/sign-in$/);
  });

  test("sign-in works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/dealer/sign-in");
    await page.getByLabel("E-mail").fill("advisor@other-garage.test");
    await page.getByLabel("Password").fill("other-garage-pass");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Appointments");
    await expect(page.locator("body")).not.toContainText("Pieter");
    await context.close();
  });
});
