import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD, demo, expectAccessible, mailTo, snapshot } from "./fixtures";

const EXTERNAL_ID = "J-7001";
const EMAIL = "lena.peeters@example.com";

/** The DMS books the visit and sets the report's items (api-v1.md), as a real integration would. */
async function dmsPrepares(request: APIRequestContext) {
  const headers = { Authorization: `Bearer ${demo().apiKey}`, "Content-Type": "application/json" };
  const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const appointment = await request.put(`/api/v1/appointments/${EXTERNAL_ID}`, {
    headers,
    data: {
      site: "ghent",
      status: "scheduled",
      serviceType: "maintenance",
      startsAt: `${day}T08:30:00+01:00`,
      currency: "EUR",
      vehicle: { registration: "2-XYZ-789", make: "Volvo", model: "V60", modelYear: 2020, mileageKm: 61000 },
      contacts: [{ role: "driver", firstName: "Lena", lastName: "Peeters", email: EMAIL, language: "en" }],
      plannedWork: [{ title: "Annual service", quantity: "1", unitPrice: "100.00", vatRate: "21" }],
    },
  });
  expect(appointment.status()).toBe(201);
  const report = await request.put(`/api/v1/appointments/${EXTERNAL_ID}/report`, {
    headers,
    data: {
      items: [
        {
          key: "brakes-front",
          category: "necessary",
          title: "Front brake pads worn (2 mm)",
          visible: true,
          lines: [
            { title: "Brake pads", quantity: "1", unitPrice: "89.90", vatRate: "21" },
            { title: "Labour", quantity: "0.8", unitPrice: "95.00", vatRate: "21" },
          ],
        },
        {
          key: "wipers",
          category: "recommended",
          title: "Wiper blades streaking",
          visible: true,
          lines: [{ title: "Wiper blades", quantity: "1", unitPrice: "35.50", vatRate: "21" }],
        },
        { key: "tyres", category: "ok", title: "Tyres 6 mm", visible: true, lines: [] },
        { key: "internal", category: "recommended", title: "Internal: goodwill check", visible: false, lines: [] },
      ],
    },
  });
  expect(report.status()).toBe(200);
}

/**
 * Seed 004 across both sides: the advisor sends the report by e-mail, a real SMTP server receives it,
 * the customer opens the link from that e-mail on a phone and answers, and the advisor sees every answer
 * and authorises the work.
 */
test("advisor sends a report, the customer answers from the e-mail on a phone, the advisor authorises", async ({
  page,
  browser,
  request,
}, testInfo) => {
  await dmsPrepares(request);

  await page.goto("/dealer/sign-in");
  await page.getByLabel("E-mail").fill("advisor@demo-motors.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "Lena Peeters" }).first().click();
  await page.getByRole("link", { name: /diagnostic report/ }).click();
  await page.getByLabel("Recipient").selectOption({ label: `Lena Peeters — e-mail ${EMAIL}` });
  await page.getByLabel("Note for the customer").fill("Two things need a look before winter.");
  await page.getByRole("button", { name: "Send the report" }).click();
  await expect(page.getByTestId("report-status").locator('[aria-current="step"]')).toContainText("Sent");

  // The customer's inbox: the e-mail, with the advisor's note and the link.
  const mail = await mailTo(EMAIL);
  const link = /\/r\/[A-Za-z0-9_-]{22}/.exec(mail.text ?? "")?.[0];
  expect(link, "the e-mail carries the report link").toBeTruthy();
  expect(mail.text).toContain("Two things need a look before winter.");

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const customer = await phone.newPage();
  await customer.goto(link!);
  await expect(customer.getByText("Two things need a look before winter.")).toBeVisible();
  expect(await customer.content()).not.toContain("Internal: goodwill check");
  await customer
    .locator("li[data-item='brakes-front']")
    .getByRole("button", { name: /^Repair/ })
    .click();
  await expect(customer.getByTestId("report-budget")).toHaveText("€200.74");
  await customer
    .locator("li[data-item='wipers']")
    .getByRole("button", { name: /^Call me/ })
    .click();
  const wipers = customer.locator("li[data-item='wipers']");
  await wipers.getByText("Ask a question").click();
  await wipers.getByLabel("Your question").fill("Can you fit them while I wait?");
  await wipers.getByRole("button", { name: "Send", exact: true }).click();
  await expect(wipers.getByText("Can you fit them while I wait?")).toBeVisible();
  await customer.getByRole("button", { name: "Send my answers" }).click();
  await expect(customer.getByRole("heading", { level: 1 })).toHaveText("Thank you, we have your answers");
  await expectAccessible(customer);
  await phone.close();

  // Back at the desk: every answer, the question, and the authorisation for the mechanic.
  await page.reload();
  await expect(page.getByTestId("report-status").locator('[aria-current="step"]')).toContainText("Answered");
  const brakes = page.locator('[data-report-item="Front brake pads worn (2 mm)"]');
  await expect(brakes.getByTestId("item-answer")).toContainText("Customer wants it repaired");
  await expect(page.locator('[data-report-item="Wiper blades streaking"]')).toContainText("Can you fit them while I wait?");
  await page.getByRole("button", { name: "Authorise (thumbs up) — Front brake pads worn (2 mm)" }).click();
  await expect(page.getByRole("button", { name: "Authorise (thumbs up) — Front brake pads worn (2 mm)" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expectAccessible(page);
  await snapshot(page, testInfo, "report-journey-authorised");
});
