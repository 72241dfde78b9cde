import { expect, test, type APIRequestContext, type Page, type Response } from "@playwright/test";
import { demo } from "./fixtures";

// The page cache (lib/page-cache): a customer's second look at a link is served from memory, with a CSP
// nonce of its own, and the page is rendered again the moment anything it shows changes — here through
// the DMS API, the path a page cache is most likely to miss because no customer action is involved.
const EXTERNAL_ID = "PC-3001";

function booking(title: string) {
  const day = new Date(Date.now() + 4 * 86_400_000).toISOString().slice(0, 10);
  return {
    site: "ghent",
    status: "scheduled",
    serviceType: "maintenance",
    startsAt: `${day}T09:00:00+01:00`,
    currency: "EUR",
    vehicle: { registration: "1-PCX-300", make: "Volvo", model: "XC40", modelYear: 2022, mileageKm: 18000 },
    contacts: [{ role: "driver", firstName: "Noor", lastName: "Claessens", email: "noor.claessens@example.com", language: "en" }],
    plannedWork: [{ title, quantity: "1", unitPrice: "100.00", vatRate: "21" }],
  };
}

async function dms(request: APIRequestContext) {
  const headers = { Authorization: `Bearer ${demo().apiKey}`, "Content-Type": "application/json" };
  return {
    book: async (title: string) => {
      const response = await request.put(`/api/v1/appointments/${EXTERNAL_ID}`, { headers, data: booking(title) });
      expect([200, 201]).toContain(response.status());
    },
    sendCheckin: async (): Promise<string> => {
      const response = await request.post(`/api/v1/appointments/${EXTERNAL_ID}/checkin/send`, { headers, data: { channel: "email" } });
      expect(response.status()).toBe(202);
      return new URL((await response.json()).url).pathname;
    },
  };
}

const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

/**
 * Reloads until the view comes from memory. Writes in the background also move the page's version and
 * cost one render each — the dispatcher marking the invitation sent, the page's beacon recording the
 * first real look — so the first reloads may render; after that, nothing changes and the page is kept.
 */
async function reloadUntilStored(page: Page): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const response = await page.reload();
    if (response?.headers()["x-page-cache"] === "hit" || attempt === 6) return response!;
    await page.waitForTimeout(500);
  }
}

test("a second look is served from memory with a fresh nonce, and a change through the API shows at once", async ({ page, request }) => {
  const api = await dms(request);
  await api.book("Annual service");
  const link = await api.sendCheckin();

  const first = await page.goto(link);
  expect(first?.headers()["x-page-cache"]).toBe("miss");
  const second = await reloadUntilStored(page);
  expect(second.headers()["x-page-cache"]).toBe("hit");

  // Each response grants its own nonce, and the document's scripts carry exactly that one.
  const [firstNonce, secondNonce] = [
    nonceOf(first?.headers()["content-security-policy"]),
    nonceOf(second.headers()["content-security-policy"]),
  ];
  expect(firstNonce).toBeTruthy();
  expect(secondNonce).toBeTruthy();
  expect(secondNonce).not.toBe(firstNonce);
  const html = await second.text();
  expect(html).toContain(`nonce="${secondNonce}"`);
  expect(html).not.toContain(firstNonce!);

  // The stored page is a live page: its scripts ran under the new nonce, so the total reacts at once.
  const total = page.getByTestId("total-gross");
  await expect(total).toHaveText("€121.00");
  const wash = page.locator("li[data-service]").filter({ hasText: "Exterior car wash" });
  await wash.getByRole("button", { name: "Add" }).click();
  await expect(total).toHaveText("€146.00");
  await expect(wash.getByRole("button", { name: /Added/ })).toHaveAttribute("aria-pressed", "true");
  // The server has the choice once the summary is no longer busy saving it.
  await expect(page.locator("details[data-bottom-bar]")).toHaveAttribute("aria-busy", "false");

  // The customer's own change: the next view is rendered again and shows it.
  const afterChoice = await page.reload();
  expect(afterChoice?.headers()["x-page-cache"]).toBe("miss");
  await expect(wash.getByRole("button", { name: /Added/ })).toBeVisible();

  // The DMS renames the planned work: no customer action, yet the very next view shows it.
  expect((await reloadUntilStored(page)).headers()["x-page-cache"]).toBe("hit");
  await api.book("Annual service with brake fluid");
  const afterApi = await page.reload();
  expect(afterApi?.headers()["x-page-cache"]).toBe("miss");
  await expect(page.locator("section[aria-labelledby=planned-heading]").getByText("Annual service with brake fluid")).toBeVisible();
});

test("each language is its own stored page, and a cancelled appointment's link closes at once", async ({ page, request }) => {
  const api = await dms(request);
  await api.book("Annual service");
  const link = await api.sendCheckin();

  await page.goto(link);
  expect((await reloadUntilStored(page)).headers()["x-page-cache"]).toBe("hit");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // The switcher sits at the end of the footer, under where the summary bar is fixed on a phone.
  await page.getByRole("link", { name: "Nederlands" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  const dutch = await reloadUntilStored(page);
  expect(dutch.headers()["x-page-cache"]).toBe("hit");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");

  const cancelled = await request.post(`/api/v1/appointments/${EXTERNAL_ID}/cancel`, {
    headers: { Authorization: `Bearer ${demo().apiKey}`, "Content-Type": "application/json" },
    data: {},
  });
  expect(cancelled.status()).toBe(200);
  await page.goto(link);
  await expect(page).toHaveURL(/\/closed$/);
});
