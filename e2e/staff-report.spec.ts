import { expect, test, type Page } from "@playwright/test";
import { phoneJpeg } from "../test/files/make-files";
import { DEMO_PASSWORD, expectAccessible, snapshot } from "./fixtures";

async function signIn(page: Page, email = "advisor@demo-motors.test") {
  await page.goto("/dealer/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Appointments");
}

async function openReport(page: Page, customer: string) {
  await page.getByRole("link", { name: customer }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(customer);
  await page.getByRole("link", { name: /diagnostic report/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Diagnostic report");
}

const item = (page: Page, title: string) => page.locator(`[data-report-item="${title}"]`);
const pinned = (page: Page) => page.locator("section").filter({ has: page.getByRole("heading", { name: "Answers to handle" }) });

/**
 * Seed 004 for the advisor, end to end on the demo: build and send Tom Peeters' draft report (A-1007)
 * with a photo, resend it changed, then handle Erik Johansson's answered report (A-1008): authorise,
 * read and share the question, see it in the workshop, close. The steps depend on each other.
 */
test.describe.serial("the advisor builds, sends and follows up a diagnostic report", () => {
  test("builds an item with lines and a photo, hides one, and sends it by e-mail", async ({ page }, testInfo) => {
    await signIn(page);
    await openReport(page, "Tom Peeters");
    await expect(page.getByTestId("report-status").locator('[aria-current="step"]')).toContainText("Draft");
    await expect(item(page, "Front brake pads worn (2 mm)")).toBeVisible();

    const add = page.locator("section").filter({ has: page.getByRole("heading", { name: "Add an item" }) });
    await add.getByLabel("Category").selectOption("NECESSARY");
    await add.getByLabel("Title").fill("Cracked windscreen");
    await add.getByLabel("Description").fill("A crack of 20 cm in the driver's view.");
    await add.getByLabel("Line 1: part or labour").fill("Windscreen");
    await add.getByLabel("Line 1: unit price").fill("420,00");
    await add.getByLabel("Line 2: part or labour").fill("Labour");
    await add.getByLabel("Line 2: quantity").fill("1.5");
    await add.getByLabel("Line 2: unit price").fill("95.00");
    await add.getByRole("button", { name: "Add item" }).click();
    const windscreen = item(page, "Cracked windscreen");
    // 420.00 + 1.5 × 95.00 = 562.50 net, 118.13 VAT → 680.63 incl. VAT.
    await expect(windscreen).toContainText("680.63");

    await windscreen.getByLabel("Photo or video for “Cracked windscreen”").setInputFiles({
      name: "windscreen.jpg",
      mimeType: "image/jpeg",
      buffer: await phoneJpeg({ width: 1200, height: 900 }),
    });
    await windscreen.getByRole("button", { name: "Upload" }).click();
    const photo = item(page, "Cracked windscreen").getByRole("img", { name: "Photo 1 of “Cracked windscreen”" });
    await expect(photo).toBeVisible();
    expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

    const eye = page.getByRole("button", { name: "Shown to the customer — Lights and indicators" });
    await expect(eye).toHaveAttribute("aria-pressed", "true");
    await eye.click();
    await expect(page.getByRole("button", { name: "Shown to the customer — Lights and indicators" })).toHaveAttribute(
      "aria-pressed",
      "false",
    );
    await expect(item(page, "Lights and indicators")).toContainText("Hidden from the customer");

    await page.getByRole("button", { name: "Move up — Cracked windscreen" }).click();
    await expect(page.locator("[data-report-item]").nth(1)).toHaveAttribute("data-report-item", "Cracked windscreen");

    await expectAccessible(page);
    await snapshot(page, testInfo, "report-builder");

    await page.getByLabel("Recipient").selectOption({ label: "Tom Peeters — e-mail tom@example.com" });
    await page.getByLabel("Note for the customer").fill("We found a crack in the windscreen.");
    await page.getByRole("button", { name: "Send the report" }).click();
    await expect(page.getByTestId("report-status").locator('[aria-current="step"]')).toContainText("Sent");
    const history = page.locator("section").filter({ has: page.getByRole("heading", { name: "Customer communication history" }) });
    await expect(history.locator("tbody tr")).toHaveCount(1);
    await expect(history).toContainText("Sent version 1 by e-mail (Sam Advisor)");
    await expect(history).toContainText("tom@example.com");

    // The message itself, as the outbox shows it (the demo stores e-mails instead of sending them).
    await page.goto("/dealer/outbox");
    const message = page.locator("li[data-notification]").filter({ hasText: "A-1007" }).first();
    await expect(message).toContainText("tom@example.com");
  });

  test("a changed quote is sent again as version 2", async ({ page }, testInfo) => {
    await signIn(page);
    await openReport(page, "Tom Peeters");
    const windscreen = item(page, "Cracked windscreen");
    await windscreen.locator("summary").click();
    await windscreen.getByLabel("Line 1: unit price").fill("390.00");
    await windscreen.getByRole("button", { name: "Save item" }).click();
    await expect(page.getByText("Version 2 has changes the customer has not received yet")).toBeVisible();
    await expect(item(page, "Cracked windscreen").getByRole("img", { name: "Photo 1 of “Cracked windscreen”" })).toBeVisible();
    await page.getByRole("button", { name: "Send again" }).click();
    const history = page.locator("section").filter({ has: page.getByRole("heading", { name: "Customer communication history" }) });
    await expect(history).toContainText("Sent version 2 by e-mail");
    await expect(page.getByText("Version 2 has changes")).toHaveCount(0);
    await snapshot(page, testInfo, "report-resent");
  });

  test("an answered report is pinned; the advisor authorises, reads and shares the question, replies", async ({ page }, testInfo) => {
    await signIn(page);
    const row = pinned(page).locator('tr[data-appointment="A-1008"]');
    await expect(row.getByTitle("Report answer to authorise")).toBeVisible();
    await expectAccessible(page);
    await snapshot(page, testInfo, "report-pinned-list");

    await openReport(page, "Erik Johansson");
    await expect(page.getByTestId("report-status").locator('[aria-current="step"]')).toContainText("Answered");
    const brakes = item(page, "Front brake pads worn (2 mm)");
    await expect(brakes.getByTestId("item-answer")).toContainText("Customer wants it repaired");
    await expect(item(page, "Wiper blades streaking").getByTestId("item-answer")).toContainText("Customer does not want it repaired");
    await expect(item(page, "Wiper blades streaking").getByTestId("item-answer")).toContainText("Remind on");
    await expect(page.getByText("Please call me before 15:00.")).toBeVisible();
    const history = page.locator("section").filter({ has: page.getByRole("heading", { name: "Customer communication history" }) });
    await expect(history.locator("tr").filter({ hasText: "Answers sent by the customer" })).toContainText("203.0.113.24");
    await expect(history.locator("tr").filter({ hasText: "Answers sent by the customer" })).toContainText("Erik Johansson");
    await expect(history.locator("tr").filter({ hasText: "Sent version 1 by e-mail (Sam Advisor)" })).toContainText("erik@example.com");
    await expectAccessible(page);
    await snapshot(page, testInfo, "report-answered");

    const up = page.getByRole("button", { name: "Authorise (thumbs up) — Front brake pads worn (2 mm)" });
    await expect(up).toHaveAttribute("aria-pressed", "false");
    await up.click();
    await expect(page.getByRole("button", { name: "Authorise (thumbs up) — Front brake pads worn (2 mm)" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );

    const read = page.getByRole("button", { name: "Read — customer's message about Front brake pads worn (2 mm)" });
    await expect(brakes).toContainText("Unread");
    await read.click();
    await expect(page.getByRole("button", { name: "Read — customer's message about Front brake pads worn (2 mm)" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(item(page, "Front brake pads worn (2 mm)")).not.toContainText("Unread");
    await page.getByRole("button", { name: "Visible to mechanics — customer's message about Front brake pads worn (2 mm)" }).click();
    await expect(
      page.getByRole("button", { name: "Visible to mechanics — customer's message about Front brake pads worn (2 mm)" }),
    ).toHaveAttribute("aria-pressed", "true");
    await brakes.getByLabel("Reply about “Front brake pads worn (2 mm)”").fill("Yes, we will check them too.");
    await brakes.getByRole("button", { name: "Reply" }).click();
    await expect(item(page, "Front brake pads worn (2 mm)").locator('[data-message="Yes, we will check them too."]')).toContainText(
      "Advisor",
    );
    await snapshot(page, testInfo, "report-authorised");

    // Nothing left to authorise (A-1008's check-in answer may still keep it pinned on its own).
    await page.goto("/dealer");
    await expect(page.locator('tr[data-appointment="A-1008"]').getByTitle("Report answer to authorise")).toHaveCount(0);
  });

  test("the mechanic sees the authorised item and the shared question, never prices or declined work", async ({ page }, testInfo) => {
    await signIn(page, "mechanic@demo-motors.test");
    await page.getByRole("link", { name: "Erik Johansson" }).first().click();
    await expect(page).toHaveURL(/\/dealer\/workshop\/[0-9a-f-]{36}$/);
    const authorised = page.locator('[data-report-item="Front brake pads worn (2 mm)"]');
    await expect(authorised).toContainText("Authorised");
    await expect(authorised).toContainText("Brake pads");
    await expect(authorised).toContainText("Can you also check the rear brakes?");
    // The page's main content (the full document also carries the UI's message catalogue).
    const html = await page.locator("main").innerHTML();
    for (const hidden of [
      "89.90",
      "89,90",
      "Wiper blades streaking",
      "Internal: check warranty claim",
      "erik@example.com",
      "Yes, we will check",
    ]) {
      expect(html, hidden).not.toContain(hidden);
    }
    await expectAccessible(page);
    await snapshot(page, testInfo, "report-workshop");
  });

  test("the advisor closes the report", async ({ page }, testInfo) => {
    await signIn(page);
    await openReport(page, "Erik Johansson");
    await page.getByRole("button", { name: "Close the report" }).click();
    await expect(page.getByTestId("report-status").locator('[aria-current="step"]')).toContainText("Closed");
    await expect(page.getByRole("button", { name: "Close the report" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Add item" })).toHaveCount(0);
    await expectAccessible(page);
    await snapshot(page, testInfo, "report-closed");
  });
});
