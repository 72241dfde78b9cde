import { describe, expect, it } from "vitest";
import { locales, type Locale } from "@/lib/i18n/locales";
import { staffInvitationEmail, type StaffInvitationContext } from "@/lib/notify/render/staff-invitation-email";

const LINK = "https://service.demo-motors.example/dealer/invitation/AbCdEfGhIjKlMnOpQrStUv?lang=fr";

function sample(locale: Locale, overrides: Partial<StaffInvitationContext> = {}): StaffInvitationContext {
  return {
    locale,
    link: LINK,
    name: "Inès Nouvelle",
    role: "Advisor",
    inviter: { name: "Alex Admin", email: "alex@demo-motors.example" },
    expiresAt: new Date("2026-12-10T08:35:00Z"),
    brand: {
      dealerName: "Demo Motors",
      primaryColor: "#0b3d5c",
      logoUrl: null,
      site: {
        name: "Demo Motors Ghent",
        addressLine: "Kortrijksesteenweg 100",
        postalCode: "9000",
        city: "Gent",
        phone: "+32 9 123 45 67",
        email: "ghent@demo-motors.example",
        timeZone: "Europe/Brussels",
      },
    },
    ...overrides,
  };
}

const visibleText = (html: string) => html.replace(/<!--[\s\S]*?-->/g, "").replace(/<[^>]+>/g, " ");

describe.each(locales)("the staff invitation in %s", (locale) => {
  it("is complete: every argument filled, the link once as the button and once in the text, the expiry on the site's clock", async () => {
    const email = await staffInvitationEmail(sample(locale));
    for (const text of [email.subject, email.text, visibleText(email.html)]) {
      expect(text).not.toMatch(/[{}]/);
      expect(text).not.toMatch(/staffInvitation\./);
    }
    expect(email.subject).toContain("Demo Motors");
    expect(email.html).toContain(`lang="${locale}"`);
    expect(email.html.match(/href="https:\/\/service[^"]*"/g)).toEqual([`href="${LINK}"`]);
    expect(email.text).toContain(LINK);
    expect(email.text).toContain("Alex Admin");
    expect(email.text).toMatch(/09[:.]35/);
    expect(email).toMatchObject({ senderName: "Demo Motors", replyTo: "alex@demo-motors.example" });
  });
});

describe("the staff invitation", () => {
  it("escapes whatever was typed and keeps the subject on one line", async () => {
    const attack = "<script>alert(1)</script>";
    const brand = { ...sample("en").brand, dealerName: "Evil\r\nBcc: x@example.com" };
    const email = await staffInvitationEmail(sample("en", { name: attack, inviter: { name: `<b>${attack}</b>`, email: "a@b.c" }, brand }));
    expect(email.html).not.toContain("<script");
    expect(email.html).not.toContain("<b>");
    expect(email.subject).toBe("Your access to the Evil Bcc: x@example.com back-office");
  });

  it("reads without an inviter (they have since left) and answers to the dealer's site then", async () => {
    const email = await staffInvitationEmail(sample("de", { inviter: null }));
    expect(email.text).toContain("Sie wurden als Advisor in das Back-Office von Demo Motors eingeladen.");
    expect(email.replyTo).toBe("ghent@demo-motors.example");
  });
});
