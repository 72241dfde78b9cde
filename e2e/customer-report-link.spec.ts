import { expect, test } from "@playwright/test";
import { demo, expectAccessible, snapshot } from "./fixtures";

test("a customer opens their diagnostic report: welcome, items by category, hidden items absent", async ({ page }, testInfo) => {
  const response = await page.goto(demo().links.report!);
  expect(response?.status()).toBe(200);
  // Marie prefers French.
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nous avons contrôlé votre voiture — voici ce que nous avons trouvé");
  await expect(page.getByRole("heading", { name: "À traiter maintenant" })).toBeVisible();
  await expect(page.getByText("Front brake pads worn (2 mm)")).toBeVisible();
  // 89.90 + 0.8 × 95.00 = 165.90 net, 34.84 VAT → 200,74 € incl. VAT (api-v1.md's report example).
  await expect(page.getByText("200,74")).toBeVisible();
  await expect(page.getByText("2 points contrôlés et en ordre")).toBeVisible();
  expect(await page.content()).not.toContain("Internal: check warranty claim");
  await expectAccessible(page);
  await snapshot(page, testInfo, "report-link");
});
