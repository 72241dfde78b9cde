import { expect, test, type APIRequestContext } from "@playwright/test";
import { demo, expectAccessible, mailTo, snapshot, signIn } from "./fixtures";

const EXTERNAL_ID = "T-7101";
const EMAIL = "camille.lefevre@example.com";
const FRENCH_SUBJECT = "Enregistrez-vous en ligne pour votre rendez-vous du {{appointmentDate}}";
const FRENCH_SMS = "Enregistrez-vous en ligne pour votre rendez-vous du {{appointmentDate}} : {{link}}";
const OWN_TEXT = "Bonjour {{firstName}} ! <script>alert(1)</script> Votre voiture vous attend chez {{siteName}}.";

/** The DMS books a visit for a French-speaking customer and sends the check-in link now (api-v1.md). */
async function dmsSendsCheckin(request: APIRequestContext): Promise<void> {
  const headers = { Authorization: `Bearer ${demo().apiKey}`, "Content-Type": "application/json" };
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const appointment = await request.put(`/api/v1/appointments/${EXTERNAL_ID}`, {
    headers,
    data: {
      site: "ghent",
      status: "scheduled",
      serviceType: "maintenance",
      startsAt: `${day}T08:30:00+01:00`,
      currency: "EUR",
      vehicle: { registration: "1-TPL-101", make: "Volvo", model: "XC40", modelYear: 2022, mileageKm: 21000 },
      contacts: [{ role: "driver", firstName: "Camille", lastName: "Lefèvre", email: EMAIL, language: "fr" }],
      plannedWork: [{ title: "Entretien annuel", quantity: "1", unitPrice: "100.00", vatRate: "21" }],
    },
  });
  expect(appointment.status()).toBe(201);
  const sent = await request.post(`/api/v1/appointments/${EXTERNAL_ID}/checkin/send`, { headers, data: { channel: "email" } });
  expect(sent.status()).toBe(202);
}

test("marketing rewords the French check-in invitation, and the customer's e-mail carries it with markup as text", async ({
  page,
  browser,
  request,
}, testInfo) => {
  await signIn(page, "marketing@demo-motors.test");
  await page.goto("/dealer/settings/templates");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Message templates");
  await expect(page.getByRole("link", { name: "Message templates" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "Check-in invitation, Français: Default" }).click();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("Check-in invitation — Français");
  await expect(page.getByTestId("template-status")).toHaveText("This message is sent with the default wording.");

  // The editor starts from the default wording, and documents this message's variables.
  const subject = page.getByLabel("E-mail subject");
  const emailText = page.getByLabel("E-mail text");
  const smsText = page.getByLabel("SMS text");
  await expect(subject).toHaveValue(FRENCH_SUBJECT);
  await expect(emailText).toHaveValue(/^Votre rendez-vous chez \{\{siteName\}\} est prévu le \{\{appointmentDate\}\}\./);
  await expect(smsText).toHaveValue(FRENCH_SMS);
  const variables = page.getByRole("list", { name: "Variables" });
  await expect(variables.getByRole("listitem").locator("code")).toHaveText([
    "{{firstName}}",
    "{{dealerName}}",
    "{{siteName}}",
    "{{sitePhone}}",
    "{{appointmentDate}}",
    "{{link}}",
    "{{note}}",
  ]);
  await expect(variables.locator("[data-variable=link]")).toContainText("Required in: SMS text");
  await expect(variables.locator("[data-variable=firstName]")).toContainText("Example: Camille");
  await expectAccessible(page);
  await snapshot(page, testInfo, "settings-templates-default");

  // The SMS is counted as it will be sent: the dealer's name in front, the link in place.
  const counter = page.getByTestId("sms-counter");
  await expect(counter).toHaveAttribute("data-encoding", "GSM-7");
  await expect(counter).toHaveText(/^GSM-7 · \d+ characters · 1 SMS$/);
  // The sample date's length varies with the day: count from what the counter says now.
  const characters = Number(/(\d+) characters/.exec((await counter.textContent()) ?? "")?.[1]);
  await expect(page.getByTestId("sms-as-sent")).toHaveText(
    /^Demo Motors: Enregistrez-vous en ligne pour votre rendez-vous du .+ : http:\/\/localhost:\d+\/c\/preview-sample-link-22$/,
  );
  await smsText.fill(`${FRENCH_SMS} 🚗`);
  await expect(counter).toHaveAttribute("data-encoding", "UCS-2");
  // A space and the emoji: two more characters, three more UTF-16 units, in parts of 67 now.
  const unicode = `Unicode (UCS-2) · ${characters + 2} characters · ${Math.ceil((characters + 3) / 67)} SMS`;
  await expect(counter).toHaveText(unicode);
  await expect(page.getByText("These characters make the whole SMS Unicode:")).toContainText("🚗");

  // An unknown variable is refused next to its field, naming it; what was typed stays.
  const typo = OWN_TEXT.replace("{{firstName}}", "{{fistName}}");
  await emailText.fill(typo);
  await page.getByRole("button", { name: "Save message" }).click();
  await expect(page.locator("#field-emailText-error")).toHaveText("{{fistName}} is not a variable. Did you mean {{firstName}}?");
  await expect(emailText).toHaveAttribute("aria-invalid", "true");
  await expect(emailText).toHaveValue(typo);
  await expect(smsText).toHaveValue(`${FRENCH_SMS} 🚗`);
  await expect(page.locator("form [role=alert]")).toHaveText("Please correct the fields marked above.");
  await expectAccessible(page);
  await snapshot(page, testInfo, "settings-templates-refused");

  await emailText.fill(OWN_TEXT);
  await page.getByRole("button", { name: "Save message" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved. Messages sent from now on use this wording.");
  await expect(page.locator("#field-emailText-error")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("template-status")).toHaveText(/^Your wording, last changed on .+ by Mia Marketing\.$/);
  await expect(emailText).toHaveValue(OWN_TEXT);
  await expect(page.getByRole("link", { name: "Check-in invitation, Français: Your wording" })).toHaveAttribute("aria-current", "page");
  // The server counts the saved SMS the way the editor counted it while typing.
  await expect(page.getByTestId("preview-sms-count")).toHaveText(unicode);
  await expect(counter).toHaveText(unicode);
  await expect(page.getByTestId("template-preview")).toContainText(
    "Bonjour Camille ! <script>alert(1)</script> Votre voiture vous attend chez",
  );

  // The DMS sends a check-in invitation to a French-speaking customer: the e-mail has the new words.
  await dmsSendsCheckin(request);
  const mail = await mailTo(EMAIL);
  expect(mail.subject).toMatch(/^Enregistrez-vous en ligne pour votre rendez-vous du /);
  expect(mail.text).toContain(
    "Bonjour Camille,\n\nBonjour Camille ! <script>alert(1)</script> Votre voiture vous attend chez Demo Motors Ghent.",
  );
  const html = String(mail.html);
  expect(html).not.toContain("<script");
  expect(html).toContain("Bonjour Camille ! &lt;script&gt;alert(1)&lt;/script&gt; Votre voiture vous attend");
  expect(html).not.toContain("Merci de vérifier vos coordonnées");

  // Opened in a browser, the e-mail shows the dealer's <script> as text and runs nothing.
  const reader = await browser.newPage({ javaScriptEnabled: true });
  const dialogs: string[] = [];
  reader.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await reader.setContent(html);
  const body = reader.getByRole("paragraph").filter({ hasText: "Votre voiture vous attend" });
  await expect(body).toHaveText("Bonjour Camille ! <script>alert(1)</script> Votre voiture vous attend chez Demo Motors Ghent.");
  await expect(body).toBeVisible();
  await expect(reader.locator("script")).toHaveCount(0);
  expect(dialogs).toEqual([]);
  await reader.close();

  // Back to the default: the row goes, the editor shows the default wording again.
  await page.getByText("Reset to default…").click();
  await page.getByRole("button", { name: "Reset to default" }).click();
  await expect(page.getByTestId("template-status")).toHaveText("This message is sent with the default wording.");
  await expect(emailText).toHaveValue(/^Votre rendez-vous chez \{\{siteName\}\}/);
  await expect(smsText).toHaveValue(FRENCH_SMS);
  await expect(page.getByText("Reset to default…")).toHaveCount(0);
});
