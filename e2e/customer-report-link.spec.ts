import { expect, test } from "@playwright/test";
import { demo, expectAccessible, snapshot } from "./fixtures";

test("a customer opens their diagnostic report: welcome, items by category, hidden items absent", async ({ page }, testInfo) => {
  const response = await page.goto(demo().links.report!);
  expect(response?.status()).toBe(200);
  // Marie prefers French.
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nous avons contrôlé votre voiture — voici ce que nous avons trouvé");
  await expect(page.getByRole("heading", { name: "À traiter maintenant" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Front brake pads worn (2 mm)" })).toBeVisible();
  // 89.90 + 0.8 × 95.00 = 165.90 net, 34.84 VAT → 200,74 € incl. VAT (api-v1.md's report example).
  await expect(page.getByText("200,74")).toBeVisible();
  await expect(page.getByText("2 points contrôlés et en ordre")).toBeVisible();
  expect(await page.content()).not.toContain("Internal: check warranty claim");
  await expectAccessible(page);
  await snapshot(page, testInfo, "report-link");
});

test("the customer answers per item on a phone, with a live budget, a question, final comments, a receipt and a PDF", async ({
  page,
}, testInfo) => {
  const link = demo().links.report!;
  await page.goto(`${link}?lang=en`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const budget = page.getByTestId("report-budget");
  // Planned work only, until the customer decides: 100.00 + 21 % VAT.
  await expect(budget).toHaveText("€121.00");

  const brakes = page.locator("li[data-item='brakes-front']");
  await brakes.getByRole("button", { name: "Repair — Front brake pads worn (2 mm)" }).click();
  await expect(brakes.getByRole("button", { name: /Repair/ })).toHaveAttribute("aria-pressed", "true");
  // 121.00 + 200.74 (api-v1.md's example item), VAT 21.00 + 34.84.
  await expect(budget).toHaveText("€321.74");

  const wipers = page.locator("li[data-item='wipers']");
  await wipers.getByText("I don't agree").click();
  await wipers.getByLabel("Why don't you agree? (optional)").fill("Changed them in the summer");
  await wipers.getByLabel("Remind me later").selectOption("3");
  await wipers.getByRole("button", { name: "Confirm: don't repair — Wiper blades streaking" }).click();
  await expect(wipers.getByText("We will remind you on")).toBeVisible();
  await expect(budget).toHaveText("€321.74");

  await wipers.getByText("Ask a question").click();
  await wipers.getByLabel("Your question").fill("Are these the original blades?");
  await wipers.getByRole("button", { name: "Send", exact: true }).click();
  await expect(wipers.getByText("Are these the original blades?")).toBeVisible();

  await page.getByText("Budget incl. VAT").first().click();
  await expect(page.getByTestId("summary-approved").locator("visible=true")).toContainText("Front brake pads worn (2 mm)");
  await expect(page.getByTestId("report-vat").locator("visible=true")).toHaveText("€55.84");
  await expectAccessible(page);
  await snapshot(page, testInfo, "report-answered");
  await page.getByText("Budget incl. VAT").first().click();

  await page.getByLabel("Final comments or questions (optional)").fill("Please call before 17:00.");
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page).toHaveURL(new RegExp(`${link}/done$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you, we have your answers");
  await expect(page.getByTestId("report-receipt-total")).toHaveText("€321.74");
  await expect(page.getByText("Changed them in the summer")).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, testInfo, "report-receipt");
  const pdf = await page.request.get(`${link}/receipt.pdf`);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

test("the report works without JavaScript: each answer and the final send are plain forms", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const link = demo().links.report!;
  await page.goto(`${link}?lang=en`);
  const wipers = page.locator("li[data-item='wipers']");
  await wipers.getByRole("button", { name: "Call me — Wiper blades streaking" }).click();
  await expect(wipers.getByRole("button", { name: /Call me/ })).toHaveAttribute("aria-pressed", "true");
  await page.getByText("Budget incl. VAT").first().click();
  await expect(page.getByTestId("summary-contact").first()).toContainText("Wiper blades streaking");
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you, we have your answers");
  await expect(page.getByTestId("report-receipt-total")).toHaveText("€321.74");
  await context.close();
});
