import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectAccessible, snapshot, signIn } from "./fixtures";

// Issue 7, "roles enforced everywhere": every back-office page answers each role as the matrix says — the
// page, or the same 404 as another dealer's record (nothing to learn). Server actions are held against
// the same matrix in test/role-matrix.test.ts.
type Role = "admin" | "advisor" | "mechanic" | "marketing";
type Answer = "page" | "404" | "to-settings";

const ALL: Role[] = ["admin", "advisor", "mechanic", "marketing"];
const only = (...roles: Role[]) =>
  Object.fromEntries(ALL.map((role) => [role, roles.includes(role) ? "page" : "404"])) as Record<Role, Answer>;

/** Path (":id" = a demo appointment of this dealer) → answer per role. */
const PAGES: Record<string, Record<Role, Answer>> = {
  "/dealer": { admin: "page", advisor: "page", mechanic: "page", marketing: "to-settings" },
  "/dealer/outbox": only("admin", "advisor"),
  "/dealer/appointments/new": only("admin", "advisor"),
  "/dealer/appointments/:id": only("admin", "advisor"),
  "/dealer/appointments/:id/edit": only("admin", "advisor"),
  "/dealer/appointments/:id/history": only("admin", "advisor"),
  "/dealer/appointments/:id/report": only("admin", "advisor"),
  "/dealer/workshop/:id": only("admin", "advisor", "mechanic"),
  "/dealer/settings": only("admin", "marketing"),
  "/dealer/settings/services": only("admin", "marketing"),
  "/dealer/settings/services/new": only("admin", "marketing"),
  "/dealer/settings/terms": only("admin", "marketing"),
  "/dealer/settings/theme": only("admin", "marketing"),
  "/dealer/settings/api": only("admin"),
  "/dealer/settings/sites": only("admin"),
  "/dealer/settings/staff": only("admin"),
  "/dealer/settings/history": only("admin"),
  "/dealer/preview": only("admin", "marketing"),
  "/dealer/preview/frame/en/checkin": only("admin", "marketing"),
  "/dealer/preview/frame/fr/report": only("admin", "marketing"),
  "/dealer/preview/email?message=REPORT&locale=de": only("admin", "marketing"),
  "/dealer/settings/templates": only("admin", "marketing"),
};

/** The demo customers' surnames: marketing must never be shown one (seed-demo.ts). */
const CUSTOMER_NAMES = ["Dupont", "Janssens", "Lindqvist", "Wouters", "Becker", "Leclercq", "Peeters", "Johansson", "Claes"];

async function answerOf(request: APIRequestContext, url: string): Promise<{ answer: Answer | number; html: string }> {
  const response = await request.get(url, { maxRedirects: 0 });
  const html = await response.text();
  if (response.status() === 200) return { answer: "page", html };
  if (response.status() === 404) return { answer: "404", html };
  if ([303, 307, 308].includes(response.status()) && response.headers()["location"]?.endsWith("/dealer/settings"))
    return { answer: "to-settings", html };
  return { answer: response.status(), html };
}

test("every back-office page answers each role as the matrix says", async ({ browser }) => {
  test.setTimeout(240_000);
  // An appointment of this dealer, found by the admin (mechanics see the same list with workshop links).
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, "admin@demo-motors.test");
  const href = await adminPage.locator('a[href^="/dealer/appointments/"]').filter({ hasNotText: /new/i }).first().getAttribute("href");
  const appointmentId = /\/dealer\/appointments\/([0-9a-f-]{36})/.exec(href ?? "")?.[1];
  expect(appointmentId).toBeTruthy();

  for (const role of ALL) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, `${role}@demo-motors.test`);
    const seen: Record<string, Answer | number> = {};
    const expected: Record<string, Answer> = {};
    for (const [pattern, answers] of Object.entries(PAGES)) {
      const url = pattern.replace(":id", appointmentId!);
      const { answer, html } = await answerOf(context.request, url);
      seen[pattern] = answer;
      expected[pattern] = answers[role];
      if (role === "marketing" && answer === "page") {
        for (const name of CUSTOMER_NAMES) expect(html, `${url} shows a customer's name to marketing`).not.toContain(name);
      }
    }
    expect(seen, role).toEqual(expected);
    await context.close();
  }
});

test("marketing lands on the settings it may change, with no customer list", async ({ page }, testInfo) => {
  await signIn(page, "marketing@demo-motors.test");
  await expect(page).toHaveURL(/\/dealer\/settings$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
  const sections = page.getByRole("navigation", { name: "Settings sections" }).getByRole("link");
  await expect(sections).toHaveText(["Theme", "Optional services", "Terms", "Message templates"]);
  await expect(page.getByRole("link", { name: "Preview customer pages and messages" })).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, testInfo, "settings-index-marketing");
});

test("the admin sees every settings section", async ({ page }) => {
  await signIn(page, "admin@demo-motors.test");
  await page.goto("/dealer/settings");
  const sections = page.getByRole("navigation", { name: "Settings sections" }).getByRole("link");
  await expect(sections).toHaveText([
    "Theme",
    "Optional services",
    "Terms",
    "Message templates",
    "Sites",
    "Staff",
    "API keys and webhooks",
    "Change history",
  ]);
  await expectAccessible(page);
});
