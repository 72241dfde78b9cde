import { expect, test, type Browser, type Page, type Response } from "@playwright/test";
import { gif, phoneJpeg } from "../test/files/make-files";
import { demo, expectAccessible, snapshot, signIn } from "./fixtures";

// Issue 7, items 4 and 5: marketing changes the optional services and the terms, and a customer's
// check-in page shows the change at once — although customer pages are kept in memory for up to 30 s,
// a settings change drops that dealer's pages (lib/page-cache) as it commits.

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  return context.newPage();
}

/** Reloads until the page comes from memory, so the next view proves the change dropped it. */
async function reloadUntilStored(page: Page): Promise<void> {
  for (let attempt = 1; attempt <= 8; attempt++) {
    const response = await page.reload();
    if (response?.headers()["x-page-cache"] === "hit") return;
    await page.waitForTimeout(500);
  }
  throw new Error("the check-in page was never served from memory");
}

/** The customer looks again: rendered anew (not the stored page), with what the dealer just changed. */
async function looksAgain(page: Page): Promise<Response> {
  const response = await page.reload();
  expect(response?.headers()["x-page-cache"]).toBe("miss");
  return response!;
}

const cardTitles = (page: Page) => page.locator("li[data-service] h3").allTextContents();
const serviceRow = (page: Page, title: string) => page.locator(`li[data-service-row="${title}"]`);

test("marketing adds a service with an image and a Swedish title, moves it, deactivates another; the customer sees it at once", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const customer = await phone(browser);
  await customer.goto(demo().links.checkinSwedish!);
  await expect(customer.locator("html")).toHaveAttribute("lang", "sv");
  await reloadUntilStored(customer);
  const before = await cardTitles(customer);
  expect(before).toContain("AC-service");
  expect(before.at(-1)).toBe("Programuppdatering för Volvo");

  await signIn(page, "marketing@demo-motors.test");
  await page.goto("/dealer/settings/services");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Optional services");
  await expect(page.getByRole("link", { name: "Optional services" })).toHaveAttribute("aria-current", "page");
  await expect(serviceRow(page, "Exterior car wash")).toContainText("25.00 incl. VAT · 20.66 excl. VAT + 4.34 VAT (21 %)");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Add a service" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New optional service");
  await page.getByLabel("Title (English)").fill("Headlight restoration");
  await page.getByLabel("Description (English)").fill("We polish cloudy headlights clear again.");
  await page.getByLabel("Title (Svenska)").fill("Renovering av strålkastare");
  await page.getByLabel("Description (Svenska)").fill("Vi polerar matta strålkastare klara igen.");
  await page.getByLabel("Price for the customer, incl. VAT").fill("-5");
  await page.getByLabel("VAT rate (%)").fill("150");
  await page.getByLabel("“More info” link (optional)").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Create service" }).click();
  // Each refusal in words next to its field; nothing typed is lost.
  await expect(page.locator("#field-priceInclVat-error")).toHaveText("The price cannot be negative.");
  await expect(page.locator("#field-vatRate-error")).toHaveText("Enter a VAT rate between 0 and 100 %, like 21 or 5.5.");
  await expect(page.locator("#field-linkUrl-error")).toHaveText("Enter a web address starting with https:// or http://.");
  await expect(page.getByLabel("Price for the customer, incl. VAT")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Title (Svenska)")).toHaveValue("Renovering av strålkastare");
  await expectAccessible(page);
  await snapshot(page, testInfo, "settings-service-refused");

  await page.getByLabel("Price for the customer, incl. VAT").fill("45,00");
  await page.getByLabel("VAT rate (%)").fill("21");
  await expect(page.getByTestId("price-preview")).toHaveText("Kept as 37.19 excl. VAT + 7.81 VAT = 45.00 for the customer.");
  await page.getByLabel("“More info” link (optional)").fill("https://example.com/headlights");
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page).toHaveURL(/\/dealer\/settings\/services\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Service created." })).toBeVisible();
  await expect(page.getByTestId("service-status")).toHaveText("Active: customers are offered this service.");
  // Languages without their own text say what their customers see instead.
  await expect(page.getByText("If left empty, customers reading Deutsch see the English text, “Headlight restoration”.")).toBeVisible();
  await expect(page.getByLabel("Title (Deutsch)")).toHaveAttribute("placeholder", "Headlight restoration");

  const file = page.getByLabel(/^Image file/);
  await file.setInputFiles({ name: "headlight.gif", mimeType: "image/gif", buffer: await gif() });
  await page.getByRole("button", { name: "Upload image" }).click();
  await expect(page.locator("#service-image-error")).toHaveText("Use a PNG, JPEG or WebP image.");
  await expect(page.getByLabel(/^Image file/)).toHaveAttribute("aria-invalid", "true");
  await page
    .getByLabel(/^Image file/)
    .setInputFiles({ name: "headlight.jpg", mimeType: "image/jpeg", buffer: await phoneJpeg({ width: 1600, height: 1200 }) });
  await page.getByRole("button", { name: "Upload image" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Image saved." })).toBeVisible();
  const image = page.getByRole("img", { name: "Current image of “Headlight restoration”" });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(640);
  await expectAccessible(page);
  await snapshot(page, testInfo, "settings-service-edit");

  // The customer's page shows the new service, last, in Swedish, with its image and price.
  await looksAgain(customer);
  expect(await cardTitles(customer)).toEqual([...before, "Renovering av strålkastare"]);
  const card = customer.locator("li[data-service]").filter({ hasText: "Renovering av strålkastare" });
  await expect(card).toContainText("Vi polerar matta strålkastare klara igen.");
  await expect(card).toContainText("45,00");
  await expect(card.locator("img")).toHaveAttribute("src", /^\/brand\/[0-9a-f-]{36}$/);
  await card.locator("img").scrollIntoViewIfNeeded();
  await expect.poll(() => card.locator("img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
  await reloadUntilStored(customer);

  // Reordered and deactivated with plain forms on the list.
  await page.goto("/dealer/settings/services");
  await serviceRow(page, "Headlight restoration").getByRole("button", { name: "Move up — Headlight restoration" }).click();
  await expect(page.locator("li[data-service-row]").nth(-2)).toHaveAttribute("data-service-row", "Headlight restoration");
  await serviceRow(page, "Air-conditioning service").getByRole("button", { name: "Deactivate — Air-conditioning service" }).click();
  await expect(serviceRow(page, "Air-conditioning service")).toContainText("Inactive");
  await expect(serviceRow(page, "Air-conditioning service").getByRole("button", { name: /Reactivate/ })).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, testInfo, "settings-services-list");

  await looksAgain(customer);
  const after = await cardTitles(customer);
  expect(after).not.toContain("AC-service");
  expect(after.slice(-2)).toEqual(["Renovering av strålkastare", "Programuppdatering för Volvo"]);
  await snapshot(customer, testInfo, "checkin-new-service");

  // Reactivated, it is offered again (and the demo is as it was for the journeys after this one).
  await serviceRow(page, "Air-conditioning service").getByRole("button", { name: "Reactivate — Air-conditioning service" }).click();
  await expect(serviceRow(page, "Air-conditioning service")).toContainText("Active");
  await looksAgain(customer);
  expect(await cardTitles(customer)).toContain("AC-service");

  await customer.context().close();
});

test("without JavaScript a service is moved and deactivated by plain form posts", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, "admin@demo-motors.test");
  await page.goto("/dealer/settings/services");
  const titles = () => page.locator("li[data-service-row]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-service-row")));
  const start = await titles();
  await serviceRow(page, start[1]!)
    .getByRole("button", { name: `Move up — ${start[1]}` })
    .click();
  await expect.poll(titles).toEqual([start[1], start[0], ...start.slice(2)]);
  await serviceRow(page, start[1]!)
    .getByRole("button", { name: `Move down — ${start[1]}` })
    .click();
  await expect.poll(titles).toEqual(start);
  await serviceRow(page, start[0]!)
    .getByRole("button", { name: `Deactivate — ${start[0]}` })
    .click();
  await expect(serviceRow(page, start[0]!)).toContainText("Inactive");
  await serviceRow(page, start[0]!)
    .getByRole("button", { name: `Reactivate — ${start[0]}` })
    .click();
  await expect(serviceRow(page, start[0]!)).toContainText("Active");

  // Every change is in the admin's history, with what it was before.
  await page.goto("/dealer/settings/history?entity=service");
  const entries = page.getByRole("list", { name: "Changes, newest first" }).getByRole("listitem");
  await expect(entries.nth(0)).toContainText("Optional service changed");
  await expect(entries.nth(0)).toContainText(start[0]!);
  await expect(entries.nth(0).getByRole("row", { name: "active No Yes" })).toBeVisible();
  await expect(entries.nth(2)).toContainText("Optional service reordered");
  await expect(entries.nth(2)).toContainText(start[1]!);
  await expect(entries.nth(2).getByRole("row", { name: "place 1 2" })).toBeVisible();
  await expect(page.getByText("Optional service created")).toBeVisible();
  await context.close();
});

/** A booking of our own through the DMS API, so confirming it changes no other journey's appointment. */
async function bookedCheckin(page: Page, externalId: string): Promise<string> {
  const headers = { Authorization: `Bearer ${demo().apiKey}`, "Content-Type": "application/json" };
  const day = new Date(Date.now() + 4 * 86_400_000).toISOString().slice(0, 10);
  const booked = await page.request.put(`/api/v1/appointments/${externalId}`, {
    headers,
    data: {
      site: "ghent",
      status: "scheduled",
      serviceType: "maintenance",
      startsAt: `${day}T10:00:00+01:00`,
      currency: "EUR",
      vehicle: { registration: "1-TRM-310", make: "Volvo", model: "V90", modelYear: 2021, mileageKm: 52000 },
      contacts: [{ role: "driver", firstName: "Sam", lastName: "Termsson", email: "sam.termsson@example.com", language: "en" }],
      plannedWork: [{ title: "Annual service", quantity: "1", unitPrice: "100.00", vatRate: "21" }],
    },
  });
  expect([200, 201]).toContain(booked.status());
  const sent = await page.request.post(`/api/v1/appointments/${externalId}/checkin/send`, { headers, data: { channel: "email" } });
  expect(sent.status()).toBe(202);
  return new URL((await sent.json()).url).pathname;
}

test("marketing publishes new terms; the customer's page shows them at once and a returning customer accepts them anew", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const link = await bookedCheckin(page, "ST-3101");
  const customer = await phone(browser);
  await customer.goto(link);
  const terms = customer.getByText(/^Read the terms: /);
  await expect(terms).toHaveText("Read the terms: Online check-in agreement");
  await customer.getByLabel("I have read and accept the terms.").check();
  await customer.getByRole("button", { name: "Confirm my check-in" }).click();
  await expect(customer).toHaveURL(/\/done$/);

  // The customer comes back to add an extra: an open draft, on a page showing version 1 (kept in memory).
  await customer.goto(link);
  const wash = customer.locator("li[data-service]").filter({ hasText: "Exterior car wash" });
  await wash.getByRole("button", { name: "Add" }).click();
  await expect(wash.getByRole("button", { name: /Added/ })).toHaveAttribute("aria-pressed", "true");
  await reloadUntilStored(customer);
  await expect(terms).toHaveText("Read the terms: Online check-in agreement");

  await signIn(page, "marketing@demo-motors.test");
  await page.goto("/dealer/settings/terms");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Terms");
  const english = page.locator('tr[data-terms-locale="en"]');
  await expect(english).toContainText("Version 1: Online check-in agreement");
  await expectAccessible(page);
  await page.getByRole("link", { name: "English (default)" }).click();
  await expect(page.getByRole("heading", { name: "Terms in English" })).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("Online check-in agreement");
  await page.getByLabel("Title").fill("Online check-in agreement (2027)");
  const body = page.getByLabel("Text");
  await body.fill(`${await body.inputValue()}\n\nNew in 2027: extras you add are ready when you pick up your car.`);
  await page.getByRole("button", { name: "Publish version 2" }).click();
  await expect(page.getByRole("status")).toHaveText("Version 2 is published.");
  await expect(english).toContainText("Version 2: Online check-in agreement (2027)");
  const history = page.getByRole("list", { name: "Versions, newest first" }).getByRole("listitem");
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText("Version 2");
  await expect(history.nth(0)).toContainText("current");
  await expect(history.nth(1)).toContainText("Version 1");
  await expect(page.getByRole("button", { name: "Publish version 3" })).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, testInfo, "settings-terms-published");

  // Anyone opening the link now gets version 2: the stored page went with the publish.
  const fresh = await customer.request.get(link);
  expect(fresh.headers()["x-page-cache"]).toBe("miss");
  expect(await fresh.text()).toContain("Online check-in agreement (2027)");

  // The page the customer still has open shows version 1: confirming it is refused, with version 2 shown.
  await customer.getByLabel("I have read and accept the terms.").check();
  await customer.getByRole("button", { name: "Confirm my check-in" }).click();
  await expect(customer.locator("#confirm-error")).toHaveText(
    "The terms have changed since you opened this page. Please read the new version above and confirm again.",
  );
  await expect(terms).toHaveText("Read the terms: Online check-in agreement (2027)");
  await expect(customer.getByLabel("I have read and accept the terms.")).not.toBeChecked();
  await terms.click();
  await expect(customer.getByText("New in 2027: extras you add are ready when you pick up your car.")).toBeVisible();
  await snapshot(customer, testInfo, "checkin-terms-changed");
  await customer.getByLabel("I have read and accept the terms.").check();
  await customer.getByRole("button", { name: "Confirm my check-in" }).click();
  await expect(customer).toHaveURL(/\/done$/);

  // The advisor's view of the appointment says which text was accepted, in which language, and when.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@demo-motors.test");
  await admin.locator('tr[data-appointment="ST-3101"]').first().getByRole("link", { name: "Sam Termsson" }).click();
  await expect(admin.getByTestId("checkin-terms")).toContainText("Terms accepted: “Online check-in agreement (2027)”, version 2 (en),");
  await expectAccessible(admin);
  await admin.context().close();
  await customer.context().close();
});
