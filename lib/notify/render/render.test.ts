import { describe, expect, it } from "vitest";
import { locales, type Locale } from "@/lib/i18n/locales";
import type { CustomerMessageKind, MessageContext } from "@/lib/notify/render/message-context";
import { emailFromContext } from "@/lib/notify/render/render-email";
import { smsFromContext } from "@/lib/notify/render/render-sms";
import { countSms, gsmFriendly } from "@/lib/sms-text";

const kinds: CustomerMessageKind[] = [
  "CHECKIN_INVITATION",
  "CHECKIN_REMINDER",
  "REPORT",
  "APPOINTMENT_CONFIRMATION",
  "APPOINTMENT_REMINDER",
  "TEST",
];

// A realistic worst case for length: a long-ish dealer and site name and a production-like link.
const LINK = "https://service.demo-motors.example/c/AbCdEfGhIjKlMnOpQrStUv";

function sample(kind: CustomerMessageKind, locale: Locale, overrides: Partial<MessageContext> = {}): MessageContext {
  return {
    kind,
    locale,
    link: LINK,
    note: "Please bring the spare key.",
    firstName: "Inès",
    startsAt: new Date("2026-12-01T07:30:00Z"),
    brand: {
      dealerName: "Demo Motors Göteborg",
      primaryColor: "#f2a900",
      logoUrl: "https://service.demo-motors.example/brand/0b6f1c1e-4c59-4f0e-9a39-1f2ad9b8c7d0",
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

/** The visible words of an HTML e-mail: no tags, no comments, entities left as they are. */
function visibleText(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, "").replace(/<[^>]+>/g, " ");
}

describe.each(locales)("messages in %s", (locale) => {
  it.each(kinds)("%s renders complete e-mail and SMS texts", async (kind) => {
    const email = await emailFromContext(sample(kind, locale));
    const sms = smsFromContext(sample(kind, locale));
    for (const text of [email.subject, email.text, visibleText(email.html), sms]) {
      expect(text).not.toMatch(/[{}]/);
      expect(text).not.toMatch(/\b(email|sms|common)\.[a-zA-Z]+/);
    }
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.html).toContain(`lang="${locale}"`);
    expect(email.html).toContain(`href="${LINK}"`);
    expect(email.text).toContain(LINK);
    expect(email.text).toContain("Please bring the spare key.");
    expect(sms.startsWith("Demo Motors Göteborg: ")).toBe(true);
    expect(sms.endsWith(` ${LINK}`)).toBe(true);
    expect(countSms(sms).parts, sms).toBeLessThanOrEqual(2);
  });
});

describe("e-mail", () => {
  it("shows the appointment on the site's wall clock, in words", async () => {
    const brussels = await emailFromContext(sample("CHECKIN_INVITATION", "en"));
    expect(brussels.subject).toBe("Check in online for your appointment on Tuesday 1 December at 08:30");
    const site = { ...sample("TEST", "en").brand.site, timeZone: "America/New_York" };
    const newYork = await emailFromContext(sample("CHECKIN_INVITATION", "en", { brand: { ...sample("TEST", "en").brand, site } }));
    expect(newYork.subject).toBe("Check in online for your appointment on Tuesday 1 December at 02:30");
    expect((await emailFromContext(sample("CHECKIN_INVITATION", "fr"))).subject).toBe(
      "Enregistrez-vous en ligne pour votre rendez-vous du mardi 1 décembre à 08:30",
    );
    expect((await emailFromContext(sample("APPOINTMENT_REMINDER", "de"))).subject).toBe(
      "Erinnerung: Ihr Termin am Dienstag, 1. Dezember um 08:30",
    );
  });

  it("paints one button in the dealer's colour with readable text", async () => {
    const light = await emailFromContext(sample("REPORT", "en"));
    expect(light.html.match(/<a [^>]*href="https:\/\/service/g)).toHaveLength(1);
    expect(light.html).toMatch(/background-color:#f2a900;color:#000000/);
    const brand = { ...sample("REPORT", "en").brand, primaryColor: "#1f4e79" };
    const dark = await emailFromContext(sample("REPORT", "en", { brand }));
    expect(dark.html).toMatch(/background-color:#1f4e79;color:#ffffff/);
  });

  it("loads nothing but the dealer's logo and links only to the customer's page and the phone", async () => {
    const { html } = await emailFromContext(sample("REPORT", "sv"));
    const urls = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
    expect(urls.sort()).toEqual([LINK, sample("REPORT", "sv").brand.logoUrl, "tel:+3291234567"].sort());
    expect(html).not.toMatch(/<(script|link|style|iframe)\b/i);
    expect(html).not.toMatch(/url\(/i);
  });

  it("escapes whatever people typed", async () => {
    const attack = "<script>alert(1)</script>";
    const brand = { ...sample("REPORT", "en").brand, dealerName: `Evil ${attack} & Co` };
    const email = await emailFromContext(sample("REPORT", "en", { firstName: attack, note: `<b>${attack}</b>`, brand }));
    expect(email.html).not.toContain("<script");
    expect(email.html).not.toContain("<b>");
    expect(email.html).toContain("Hello &lt;script&gt;alert(1)&lt;/script&gt;,");
    expect(email.html).toContain("&lt;b&gt;&lt;script&gt;");
    expect(email.html).toContain("Evil &lt;script&gt;");
  });

  it("keeps a subject on one line whatever the dealer's name holds", async () => {
    const brand = { ...sample("TEST", "en").brand, dealerName: "Demo\r\nBcc: victim@example.com" };
    const { subject } = await emailFromContext(sample("TEST", "en", { brand }));
    expect(subject).toBe("Test message from Demo Bcc: victim@example.com");
  });

  it("greets without a name, and leaves out the note, the button and the link warning when there are none", async () => {
    const email = await emailFromContext(sample("APPOINTMENT_CONFIRMATION", "nl", { firstName: null, note: null, link: null }));
    expect(email.text.startsWith("Goedendag,\n\n")).toBe(true);
    expect(email.text).not.toContain("serviceadviseur");
    expect(email.text).not.toContain("persoonlijk");
    expect(email.html).not.toContain('<a href="https');
  });

  it("works without a logo", async () => {
    const brand = { ...sample("TEST", "de").brand, logoUrl: null };
    const { html } = await emailFromContext(sample("TEST", "de", { brand }));
    expect(html).not.toContain("<img");
  });
});

describe("SMS", () => {
  it("reads like the dealer wrote it and stays GSM-7 in English", () => {
    const sms = smsFromContext(sample("CHECKIN_INVITATION", "en"));
    expect(sms).toBe(`Demo Motors Göteborg: Check in online for your appointment on Tue 1 Dec, 08:30: ${LINK}`);
    expect(countSms(sms)).toMatchObject({ encoding: "GSM-7", parts: 1 });
  });

  it("stays GSM-7 in every language for a report", () => {
    for (const locale of locales) {
      expect(countSms(smsFromContext(sample("REPORT", locale))).encoding, locale).toBe("GSM-7");
    }
  });

  it("folds a generated date to GSM-7 so one accent does not triple the cost", () => {
    const sms = smsFromContext(sample("CHECKIN_REMINDER", "fr", { startsAt: new Date("2026-08-01T07:30:00Z") }));
    expect(sms).toContain("du sam. 1 aout, 09:30 :");
    expect(countSms(sms)).toMatchObject({ encoding: "GSM-7", parts: 2 });
  });

  it("replaces typographic punctuation that would force UCS-2", () => {
    expect(gsmFriendly("L’atelier “Demo” – ouvert…\u00a0à\u202f08:30\n")).toBe('L\'atelier "Demo" - ouvert... à 08:30');
    const brand = { ...sample("REPORT", "en").brand, dealerName: "Garage d’Anvers" };
    expect(countSms(smsFromContext(sample("REPORT", "en", { brand }))).encoding).toBe("GSM-7");
  });
});
