import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { transparentPng, zip } from "../test/files/make-files";
import { demo, expectAccessible, mailTo, snapshot, signIn } from "./fixtures";

// Issue 7, theme editor and marketing preview. Marketing changes the demo dealer's theme, sees it on a
// customer's phone, in an e-mail and in a PDF receipt, previews pages and messages, and puts the theme
// back for the journeys that run after this one.

const THEME = { primary: "#7a1f5c", accent: "#0f766e", font: "Lora" };
const EXTERNAL_ID = "TH-4001";
const EMAIL = "theme.customer@example.com";

async function saveColours(page: Page, colours: { primary: string; accent: string; font: string }) {
  await page.getByLabel("Primary colour", { exact: true }).fill(colours.primary);
  await page.getByLabel("Accent colour", { exact: true }).fill(colours.accent);
  await page.getByLabel("Font", { exact: true }).selectOption({ label: colours.font });
  await page.getByRole("button", { name: "Save theme" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
}

async function uploadImage(page: Page, section: "Logo" | "Welcome image", file: { name: string; mimeType: string; buffer: Buffer }) {
  const form = page.getByRole("region", { name: section });
  await form.getByLabel("Choose an image").setInputFiles(file);
  await form.getByRole("button", { name: "Upload" }).click();
}

/** The DMS books a visit for a customer who reads English e-mail and sends the check-in link. */
async function dmsSendsInvitation(request: APIRequestContext): Promise<void> {
  const headers = { Authorization: `Bearer ${demo().apiKey}`, "Content-Type": "application/json" };
  const day = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
  const booked = await request.put(`/api/v1/appointments/${EXTERNAL_ID}`, {
    headers,
    data: {
      site: "ghent",
      status: "scheduled",
      serviceType: "maintenance",
      startsAt: `${day}T10:00:00+01:00`,
      currency: "EUR",
      vehicle: { registration: "1-THM-400", make: "Volvo", model: "V90", modelYear: 2023, mileageKm: 9000 },
      contacts: [{ role: "driver", firstName: "Theo", lastName: "Maes", email: EMAIL, language: "en" }],
      plannedWork: [{ title: "First service", quantity: "1", unitPrice: "150.00", vatRate: "21" }],
    },
  });
  expect(booked.status()).toBe(201);
  const sent = await request.post(`/api/v1/appointments/${EXTERNAL_ID}/checkin/send`, { headers, data: { channel: "email" } });
  expect(sent.status()).toBe(202);
}

test("marketing saves a theme that every customer page, e-mail and PDF receipt then wears", async ({
  page,
  browser,
  request,
}, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, "marketing@demo-motors.test");
  await page.goto("/dealer/settings/theme");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Theme");
  const original = {
    primary: await page.getByLabel("Primary colour", { exact: true }).inputValue(),
    accent: await page.getByLabel("Accent colour", { exact: true }).inputValue(),
    font: (await page.getByLabel("Font", { exact: true }).locator("option:checked").textContent())!,
    logo: await page.getByRole("region", { name: "Logo" }).getByRole("img").getAttribute("src"),
  };
  await expectAccessible(page);

  // A pair that fails WCAG AA: the editor says so while typing, and saving refuses it next to the field.
  await page.getByLabel("Accent colour", { exact: true }).fill("#f2a900");
  await expect(page.getByTestId("contrast")).toContainText("Accent colour as the focus outline: 1.93:1, needs 3:1 — too faint");
  await page.getByRole("button", { name: "Save theme" }).click();
  const accent = page.getByLabel("Accent colour", { exact: true });
  await expect(accent).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("This colour is too faint as the focus outline on a white page")).toBeVisible();
  await expect(accent).toHaveValue("#f2a900");

  // The live preview wears the unsaved colours before anything is saved.
  await page.getByLabel("Primary colour", { exact: true }).fill(THEME.primary);
  const frame = page.frameLocator('iframe[title^="The check-in page on a phone"]');
  await expect(frame.locator("header").first()).toHaveCSS("background-color", "rgb(122, 31, 92)");

  await page.getByLabel("Welcome text in English").fill("Welcome to the theme test garage.\n<script>alert(1)</script>");
  await saveColours(page, THEME);

  // Images: an SVG with a script becomes a PNG; an archive is refused with the reason next to the field.
  const svg = `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="400" height="100"><script>alert(1)</script><rect width="400" height="100" fill="${THEME.primary}"/></svg>`;
  await uploadImage(page, "Logo", { name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from(svg) });
  await expect(page.getByText("Saved: customers see the new image now.")).toBeVisible();
  const logo = await page.getByRole("region", { name: "Logo" }).getByRole("img").getAttribute("src");
  expect(logo).toMatch(/^\/brand\/[0-9a-f-]{36}$/);
  expect(logo).not.toBe(original.logo);
  const served = await page.request.get(logo!);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect((await served.body()).includes(Buffer.from("<script"))).toBe(false);
  await uploadImage(page, "Welcome image", { name: "archive.png", mimeType: "image/png", buffer: zip() });
  await expect(page.getByRole("region", { name: "Welcome image" }).getByRole("alert")).toHaveText(
    "This file is not a PNG, JPEG, WebP or SVG image.",
  );
  await uploadImage(page, "Welcome image", { name: "welcome.png", mimeType: "image/png", buffer: await transparentPng(1600, 700) });
  await expect(page.getByRole("region", { name: "Welcome image" }).getByRole("img")).toBeVisible();
  await snapshot(page, testInfo, "settings-theme");

  // A customer's phone: the new colours, font, logo, welcome image and text (the script as text).
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  const customer = await phone.newPage();
  await customer.goto(`${demo().links.checkin!}?lang=en`);
  await expect(customer.locator("header").first()).toHaveCSS("background-color", "rgb(122, 31, 92)");
  expect(await customer.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain("Lora");
  await expect(customer.getByRole("banner").getByRole("img")).toHaveAttribute("src", logo!);
  await expect(customer.getByTestId("welcome-text")).toHaveText("Welcome to the theme test garage.\n<script>alert(1)</script>");
  await expect(customer.locator("main img").first()).toHaveAttribute("src", /^\/brand\//);
  await expectAccessible(customer);
  await snapshot(customer, testInfo, "checkin-themed");

  // The e-mail the customer gets, through the real SMTP catcher.
  await dmsSendsInvitation(request);
  const mail = await mailTo(EMAIL);
  expect(String(mail.html)).toContain(`4px solid ${THEME.primary}`);
  expect(String(mail.html)).toContain(logo!);

  // The PDF receipt of an answered check-in, in the chosen font.
  const pdf = await customer.request.get(`${demo().links.checkinSubmitted!}/receipt.pdf`);
  expect(pdf.status()).toBe(200);
  const dir = mkdtempSync(path.join(tmpdir(), "theme-pdf-"));
  writeFileSync(path.join(dir, "receipt.pdf"), await pdf.body());
  expect(execFileSync("pdffonts", [path.join(dir, "receipt.pdf")], { encoding: "utf8" })).toMatch(/\+Lora-/);
  await phone.close();

  // Back to the theme the other journeys expect.
  await page.goto("/dealer/settings/theme");
  await page.getByRole("region", { name: "Welcome image" }).getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("No welcome image.")).toBeVisible();
  await page.getByLabel("Welcome text in English").fill("");
  await saveColours(page, original);
  if (original.logo) {
    const bytes = await (await page.request.get(original.logo)).body();
    await uploadImage(page, "Logo", { name: "logo.png", mimeType: "image/png", buffer: bytes });
    await expect(page.getByText("Saved: customers see the new image now.")).toBeVisible();
  }
});

test("the preview shows every customer page and message with sample data, in any language, and changes nothing", async ({
  page,
}, testInfo) => {
  await signIn(page, "marketing@demo-motors.test");
  await page.goto("/dealer/preview?page=report&message=REPORT&locale=sv");
  await expect(page.getByRole("note")).toHaveText("Preview — sample data; nothing is saved or sent to customers");
  const phone = page.frameLocator('iframe[title="Diagnostic report on a phone"]');
  const desktop = page.frameLocator('iframe[title="Diagnostic report on a computer"]');
  for (const frame of [phone, desktop]) {
    await expect(frame.locator("html")).toHaveAttribute("lang", "sv");
    await expect(frame.getByRole("note")).toBeVisible();
    await expect(frame.locator("[inert]")).toHaveCount(1);
  }
  // The sample customer, never a real one: no demo customer's surname anywhere.
  const html = await page.content();
  for (const name of ["Janssens", "Lindqvist", "Wouters", "Peeters"]) expect(html).not.toContain(name);
  const email = page.frameLocator('iframe[title^="The e-mail"]');
  await expect(email.getByRole("link").first()).toBeVisible();
  await expect(page.getByTestId("sms-text")).toContainText("Demo Motors:");
  await expect(page.getByTestId("email-text")).not.toBeEmpty();
  await expectAccessible(page);
  await snapshot(page, testInfo, "preview-report-sv");

  // "Send a test to me": the previewed message reaches the staff member's own inbox, and only theirs.
  await page.getByRole("button", { name: "Send this e-mail to me" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sent to marketing@demo-motors.test" })).toBeVisible();
  const test = await mailTo("marketing@demo-motors.test");
  expect(test.subject).toBe("Rapporten om din bil är klar");
  expect(test.text).toContain("Elsa");

  for (const [pageName, title] of [
    ["checkin", "Online check-in"],
    ["receipt", "Check-in receipt"],
    ["closed", "Closed link"],
  ] as const) {
    await page.getByLabel("Page", { exact: true }).selectOption(pageName);
    await page.getByLabel("Language", { exact: true }).selectOption("fr");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page.getByRole("heading", { level: 2, name: `Customer page: ${title}` })).toBeVisible();
    await expect(page.frameLocator(`iframe[title="${title} on a phone"]`).locator("html")).toHaveAttribute("lang", "fr");
  }

  // Each frame stands on its own, accessible to a screen reader as a customer page.
  const frame = await page.context().newPage();
  await frame.goto("/dealer/preview/frame/de/checkin");
  await expect(frame.locator("html")).toHaveAttribute("lang", "de");
  await expectAccessible(frame);
  await snapshot(frame, testInfo, "preview-frame-checkin-de");
  // A malformed theme in the query is ignored, never an error.
  expect((await frame.goto("/dealer/preview/frame/en/checkin?primary=red;}&font=comic&site=nope"))?.status()).toBe(200);
  expect((await frame.goto("/dealer/preview/frame/xx/checkin"))?.status()).toBe(404);
});
