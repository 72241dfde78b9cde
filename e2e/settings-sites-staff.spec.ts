import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, mailTo, snapshot, signIn } from "./fixtures";

// Issue 7, sites and staff: the admin edits and adds sites (a refused value is shown next to its field
// and kept), invites a colleague who sets a password from the e-mail's link and signs in, then changes
// their role and deactivates them, which signs their open session out.

async function freshPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

const siteRow = (page: Page, name: string) => page.locator("tr", { has: page.getByRole("rowheader", { name, exact: true }) });
const staffRow = (page: Page, name: string) => page.locator("tr", { has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) });

test("the admin adds a site, sees a refused value next to its field with what was typed kept, and saves it", async ({ page }, testInfo) => {
  await signIn(page, "admin@demo-motors.test");
  await page.goto("/dealer/settings/sites");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sites");
  await expect(page.getByRole("link", { name: "Sites" })).toHaveAttribute("aria-current", "page");
  await expect(siteRow(page, "Demo Motors Ghent")).toContainText("Europe/Brussels");
  await expect(siteRow(page, "Demo Motors Göteborg")).toContainText("goteborg");
  await expectAccessible(page);

  // A new site, with a phone number in local format and the slug left to the name.
  await page.getByLabel("Name", { exact: true }).fill("Demo Motors Antwerpen");
  await page.getByLabel("Street and number").fill("Noorderlaan 12");
  await page.getByLabel("Postal code").fill("2030");
  await page.getByLabel("City").fill("Antwerpen");
  await page.getByLabel("Phone").fill("03 123 45 67");
  await page.getByLabel("E-mail").fill("antwerpen@demo-motors.test");
  await page.getByRole("button", { name: "Add site" }).click();
  const phone = page.getByLabel("Phone");
  await expect(page.locator("#field-phone-error")).toHaveText("Enter the phone number in international format, e.g. +32 9 123 45 67.");
  await expect(phone).toHaveAttribute("aria-invalid", "true");
  await expect(phone).toHaveValue("03 123 45 67");
  await expect(page.getByLabel("City")).toHaveValue("Antwerpen");
  await expect(page.getByRole("alert").filter({ hasText: "Please correct the fields marked above." })).toBeVisible();
  await snapshot(page, testInfo, "settings-site-add-refused");

  await phone.fill("+32 3 123 45 67");
  await page.getByRole("button", { name: "Add site" }).click();
  await expect(page.getByRole("status")).toHaveText("Site added.");
  await expect(page.getByText("Your DMS can now send appointments for it with the slug demo-motors-antwerpen.")).toBeVisible();
  await expect(siteRow(page, "Demo Motors Antwerpen")).toContainText("demo-motors-antwerpen");
  await expect(siteRow(page, "Demo Motors Antwerpen")).toContainText("3 days before at 19:00, E-mail");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("");
  await expectAccessible(page);
  await snapshot(page, testInfo, "settings-sites");

  // Editing it: a zone that does not exist and a window too long are refused where they were typed.
  await page.getByRole("link", { name: "Edit Demo Motors Antwerpen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Site Demo Motors Antwerpen");
  await expect(page.getByText("Your DMS names this site by its slug, so it cannot be changed.")).toBeVisible();
  const zone = page.getByLabel("Time zone");
  await zone.fill("Europe/Antwerp");
  await page.getByLabel("Days before the appointment").fill("20");
  await page.getByLabel("Send time").fill("07:30");
  await page.getByRole("button", { name: "Save site" }).click();
  await expect(page.locator("#field-timeZone-error")).toHaveText("Choose a time zone from the list, e.g. Europe/Brussels.");
  await expect(page.locator("#field-checkinWindowDays-error")).toHaveText("Enter a whole number of days from 1 to 14.");
  await expect(zone).toHaveAttribute("aria-invalid", "true");
  await expect(zone).toHaveValue("Europe/Antwerp");
  await expect(page.getByLabel("Send time")).toHaveValue("07:30");
  await expectAccessible(page);
  await snapshot(page, testInfo, "settings-site-edit-refused");

  await zone.fill("Europe/Brussels");
  await page.getByLabel("Days before the appointment").fill("2");
  await page.getByLabel("Appointment reminder").selectOption("1");
  await page.getByRole("button", { name: "Save site" }).click();
  await expect(page.getByRole("status")).toHaveText("Site saved.");
  await expect(page.locator("#field-timeZone-error")).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("Days before the appointment")).toHaveValue("2");
  await expect(page.getByLabel("Send time")).toHaveValue("07:30");
  await page.getByRole("link", { name: "All sites" }).click();
  await expect(siteRow(page, "Demo Motors Antwerpen")).toContainText("2 days before at 07:30, E-mail");
  await expect(siteRow(page, "Demo Motors Antwerpen")).toContainText("1 day before");

  // Every change is in the history, with what it was before.
  await page.goto("/dealer/settings/history?entity=site");
  const entries = page.getByRole("list", { name: "Changes, newest first" }).getByRole("listitem");
  await expect(entries.nth(0)).toContainText("Site changed");
  await expect(entries.nth(0).getByRole("row", { name: "checkinWindowDays 3 2" })).toBeVisible();
  await expect(entries.nth(1)).toContainText("Site created");
});

test("another dealer's site, or one that does not exist, is not found; other roles never see the editor", async ({ page, browser }) => {
  await signIn(page, "admin@demo-motors.test");
  const response = await page.goto("/dealer/settings/sites/00000000-0000-4000-8000-000000000000");
  expect(response?.status()).toBe(404);
  await page.goto("/dealer/settings/sites");
  const href = await page.getByRole("link", { name: "Edit Demo Motors Ghent" }).getAttribute("href");
  for (const email of ["advisor@demo-motors.test", "marketing@demo-motors.test"]) {
    const other = await freshPage(browser);
    await signIn(other, email);
    expect((await other.goto(href!))?.status(), email).toBe(404);
    await other.context().close();
  }
  const stranger = await freshPage(browser);
  await signIn(stranger, "advisor@other-garage.test", "other-garage-pass");
  expect((await stranger.goto(href!))?.status()).toBe(404);
  await stranger.context().close();
});

test("a colleague is invited, sets a password from the e-mail and signs in; the admin changes their role and deactivates them", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const email = "nina.e2e@example.test";
  await signIn(page, "admin@demo-motors.test");
  await page.goto("/dealer/settings/staff");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff");
  await expect(staffRow(page, "Alex Admin")).toContainText("(you)");
  await expect(staffRow(page, "Alex Admin").getByText("Deactivate…")).toHaveCount(0);
  await expectAccessible(page);

  // An address already in use is refused in the same words, whoever holds it.
  await page.getByLabel("Name", { exact: true }).fill("Nina Nieuw");
  await page.getByLabel("E-mail", { exact: true }).fill("advisor@other-garage.test");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.locator("#field-email-error")).toHaveText("This e-mail address is already in use.");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Nina Nieuw");

  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("ADVISOR");
  await page.getByLabel("Language of the invitation").selectOption("nl");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toHaveText("Invitation sent.");
  await expect(staffRow(page, "Nina Nieuw")).toContainText("Invited, link valid until");
  await expect(staffRow(page, "Nina Nieuw")).toContainText("Never");
  await expectAccessible(page);
  await snapshot(page, testInfo, "settings-staff-invited");

  // The e-mail, in Dutch and in the dealer's name, with the link.
  const mail = await mailTo(email);
  expect(mail.subject).toBe("Uw toegang tot de back-office van Demo Motors");
  expect(mail.from?.value[0]?.name).toBe("Demo Motors");
  const link = /https?:\/\/[^\s]+\/dealer\/invitation\/[A-Za-z0-9_-]{22}\?lang=nl/.exec(mail.text ?? "")?.[0];
  expect(link, "the e-mail carries the invitation link").toBeTruthy();

  const nina = await freshPage(browser);
  await nina.goto(link!);
  await expect(nina).toHaveURL(/\/dealer\/invitation\/[A-Za-z0-9_-]{22}$/);
  await expect(nina.getByRole("heading", { level: 1 })).toHaveText("Aan de slag bij Demo Motors");
  await expect(nina.getByLabel("E-mail")).toHaveValue(email);
  await expectAccessible(nina);
  await snapshot(nina, testInfo, "staff-invitation-accept");
  await nina.getByLabel("Nieuw wachtwoord").fill("kort");
  await nina.getByLabel("Herhaal het wachtwoord").fill("kort");
  await nina.getByRole("button", { name: "Wachtwoord opslaan en aanmelden" }).click();
  await expect(nina.locator("#field-invitation-password-error")).toHaveText("Gebruik minstens 10 tekens.");
  await expect(nina.getByLabel("Nieuw wachtwoord")).toHaveAttribute("aria-invalid", "true");
  await snapshot(nina, testInfo, "staff-invitation-refused");
  await nina.getByLabel("Nieuw wachtwoord").fill("fiets tulp molen kaas");
  await nina.getByLabel("Herhaal het wachtwoord").fill("fiets tulp molen kaas");
  await nina.getByRole("button", { name: "Wachtwoord opslaan en aanmelden" }).click();
  await expect(nina).toHaveURL(/\/dealer$/);
  await expect(nina.getByText("Aangemeld als Nina Nieuw (Serviceadviseur)")).toBeVisible();

  // The link worked once.
  const replay = await freshPage(browser);
  await replay.goto(link!);
  await expect(replay.getByRole("heading", { level: 1 })).toHaveText("Deze uitnodiging kan niet gebruikt worden");
  await expect(replay.getByText("Deze uitnodiging is al gebruikt.")).toBeVisible();
  await expectAccessible(replay);
  await snapshot(replay, testInfo, "staff-invitation-used");
  await replay.context().close();

  // Signing in with the chosen password works, like anyone's.
  const again = await freshPage(browser);
  await signIn(again, email, "fiets tulp molen kaas");
  await expect(again.getByText("Signed in as Nina Nieuw (Advisor)")).toBeVisible();
  await again.context().close();

  await page.reload();
  const row = staffRow(page, "Nina Nieuw");
  await expect(row).toContainText("Active");
  await expect(row).not.toContainText("Never");

  // A new role applies from Nina's next click.
  await row.getByLabel("Role of Nina Nieuw").selectOption("MECHANIC");
  await row.getByRole("button", { name: "Change role" }).click();
  await expect(row.getByRole("status")).toHaveText("Role changed.");
  await nina.reload();
  await expect(nina.getByText("Aangemeld als Nina Nieuw (Technicus)")).toBeVisible();

  // Deactivated: her open session is signed out at once.
  await row.getByText("Deactivate…").click();
  await expect(row.getByText("Deactivate Nina Nieuw?")).toBeVisible();
  await row.getByRole("button", { name: "Deactivate", exact: true }).click();
  await expect(row).toContainText("Deactivated");
  await expect(row.getByRole("button", { name: "Reactivate" })).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, testInfo, "settings-staff-deactivated");
  await nina.reload();
  await expect(nina).toHaveURL(/\/dealer\/sign-in$/);
  await nina.context().close();

  await page.goto("/dealer/settings/history?entity=staff");
  const entries = page.getByRole("list", { name: "Changes, newest first" }).getByRole("listitem");
  await expect(entries.nth(0).getByRole("row", { name: "active Yes No" })).toBeVisible();
  await expect(entries.nth(1).getByRole("row", { name: "role ADVISOR MECHANIC" })).toBeVisible();
  await expect(entries.nth(2)).toContainText("Staff member created");
});

test("an invitation link that was never issued gets a clear page, not an error", async ({ page }, testInfo) => {
  for (const token of ["AbCdEfGhIjKlMnOpQrStUv", "not-a-token"]) {
    const response = await page.goto(`/dealer/invitation/${token}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This invitation cannot be used");
    await expect(page.getByText("This link is not valid.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to sign-in" })).toBeVisible();
  }
  await expectAccessible(page);
  await snapshot(page, testInfo, "staff-invitation-unknown");
});
