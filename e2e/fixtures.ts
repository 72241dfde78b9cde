import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { simpleParser, type ParsedMail } from "mailparser";
import path from "node:path";

const dataDir = path.resolve(".data/e2e");

/** The links and key the demo seed printed for this run. */
export function demo(): { dealerId: string; apiKey: string; links: Record<string, string> } {
  const file = readdirSync(dataDir).find((f) => f.startsWith("demo-credentials-"));
  if (!file) throw new Error("demo credentials not written; did the server start?");
  return JSON.parse(readFileSync(path.join(dataDir, file), "utf8"));
}

export function otherDealer(): { checkin: string } {
  return JSON.parse(readFileSync(path.join(dataDir, "other-dealer.json"), "utf8"));
}

export const DEMO_PASSWORD = "greenlight-demo";

/** Signs in to the back-office with the sign-in form, as a person would; resolves once past it. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/dealer/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

/** axe-core over the whole page: WCAG 2.x A and AA rules must report nothing. */
export async function expectAccessible(page: Page): Promise<void> {
  // After a navigation by a server action's redirect, Next streams the new <title> with the page's
  // metadata, which can land a moment after the content: wait for it, so axe judges the finished page.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** A full-page screenshot kept with the test's artifacts (and under test-results/screenshots). */
export async function snapshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = path.resolve("test-results/screenshots", `${testInfo.project.name}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

/**
 * The first e-mail to `address` the test SMTP server received (see e2e/mail-catcher.mjs), parsed; waits
 * for the app's dispatcher to send it.
 */
export async function mailTo(address: string, timeoutMs = 30_000): Promise<ParsedMail> {
  const dir = path.join(dataDir, "mail");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = existsSync(dir) ? readdirSync(dir).sort() : [];
    for (const file of files) {
      const mail = await simpleParser(readFileSync(path.join(dir, file)));
      const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
      if (to.some((t) => t.value.some((v) => v.address === address))) return mail;
    }
    if (Date.now() > deadline) throw new Error(`no e-mail to ${address} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
