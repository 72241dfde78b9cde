import { expect, test, type Page } from "@playwright/test";
import { heicHeader, phoneJpeg } from "../test/files/make-files";
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

  // "Is this still right?": a new phone number, written the Swedish way at a Swedish site.
  await page.getByText("Has your e-mail or phone changed?").click();
  // A refused value stays in the field with the reason next to it: nothing typed is lost.
  await page.getByLabel("Phone").fill("12");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Please enter a valid phone number")).toBeVisible();
  await expect(page.getByLabel("Phone")).toHaveValue("12");
  await expect(page.getByLabel("Phone")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Phone").fill("070-765 43 21");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Thank you. Your advisor will see the change.")).toBeVisible();
  await expect(page.getByText("+46707654321 (updated)")).toBeVisible();

  await page.getByLabel("What is it about?").fill("Squeak when braking");
  await page.getByLabel("Tell us more (optional)").fill("Front left, mostly in the morning.");
  // Each file uploads as soon as it is chosen; a HEIC that slipped through says what to do.
  const files = page.getByLabel("Photos or videos (optional)");
  await files.setInputFiles({ name: "IMG_0001.HEIC", mimeType: "image/heic", buffer: heicHeader() });
  await expect(page.getByRole("alert").filter({ hasText: "This photo is in HEIC format" })).toBeVisible();
  await page.getByRole("button", { name: "Remove file 1" }).click();
  const photo = await phoneJpeg({ width: 1200, height: 900, orientation: 6 });
  await files.setInputFiles({ name: "brake.jpg", mimeType: "image/jpeg", buffer: photo });
  await expect(page.getByRole("img", { name: "Photo 1" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add remark" })).toBeEnabled();
  await snapshot(page, testInfo, "checkin-remark-photo");
  await page.getByRole("button", { name: "Add remark" }).click();
  await expect(page.getByText("Squeak when braking", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove — Squeak when braking" })).toBeVisible();
  const thumbnail = page.getByRole("img", { name: "Photo 1 — Squeak when braking" });
  await expect(thumbnail).toBeVisible();
  // The stored photo is the re-encoded one, upright, without the phone's EXIF and GPS.
  const full = await page.request.get((await thumbnail.locator("xpath=..").getAttribute("href"))!);
  expect(full.status()).toBe(200);
  expect(full.headers()["content-type"]).toBe("image/webp");
  const stored = await full.body();
  expect(stored.includes(Buffer.from("iPhone"))).toBe(false);
  expect(stored.includes(Buffer.from("Exif"))).toBe(false);
  await expectAccessible(page);
  await snapshot(page, testInfo, "checkin-remarks");

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
  // A remark with a photo: text and file in one multipart form post.
  await page.getByLabel("What is it about?").fill("Dent in the boot lid");
  await page.getByLabel("Photos or videos (optional)").setInputFiles({
    name: "dent.jpg",
    mimeType: "image/jpeg",
    buffer: await phoneJpeg({ width: 800, height: 600 }),
  });
  await page.getByRole("button", { name: "Add remark" }).click();
  await expect(page.getByRole("img", { name: "Photo 1 — Dent in the boot lid" })).toBeVisible();
  // A file of the wrong kind: the form comes back saying why, and nothing was added.
  await page.getByLabel("What is it about?").fill("Manual");
  await page.getByLabel("Photos or videos (optional)").setInputFiles({
    name: "manual.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from("%PDF-1.7 not a photo"),
  });
  await page.getByRole("button", { name: "Add remark" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This file can't be used." })).toBeVisible();
  await expect(page.getByText("Manual", { exact: true })).toHaveCount(0);
  await page.getByLabel("I have read and accept the terms.").check();
  await page.getByRole("button", { name: "Confirm my check-in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you, your check-in is confirmed");
  await expect(page.getByTestId("receipt-total")).toHaveText("€213.15");
  await context.close();
});
