import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { locales, type Locale } from "@/lib/i18n/locales";
import type { CustomerMessageKind, MessageContext } from "@/lib/notify/render/message-context";
import { emailFromContext } from "@/lib/notify/render/render-email";
import { smsFromContext } from "@/lib/notify/render/render-sms";

// The messages as they were sent before dealers could edit them (commit bdc82da), every kind × locale,
// with and without the optional parts. The snapshot files were written by that commit's rendering; a
// dealer with no saved template must still get exactly these bytes. Regenerate (`vitest -u`) only for
// a deliberate change of the layout or the default wording. The HTML is kept whole for English and as
// a SHA-256 for the other languages (their markup is the same, their words are in the text part).

const kinds: CustomerMessageKind[] = [
  "CHECKIN_INVITATION",
  "CHECKIN_REMINDER",
  "REPORT",
  "APPOINTMENT_CONFIRMATION",
  "APPOINTMENT_REMINDER",
  "TEST",
];

const brand: MessageContext["brand"] = {
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
};

const variants = {
  // Everything present; a date in August, whose French short form "août" the SMS folds to GSM-7.
  full: {
    link: "https://service.demo-motors.example/c/AbCdEfGhIjKlMnOpQrStUv",
    note: "Please bring the spare key.\nAnd the service book.",
    firstName: "Inès",
    startsAt: new Date("2026-08-04T07:30:00Z"),
  },
  // No name (a recipient matching no contact), no note, no link where a kind can go without one.
  bare: { link: null, note: null, firstName: null, startsAt: new Date("2026-12-01T07:30:00Z") },
} as const;

const NEEDS_LINK: CustomerMessageKind[] = ["CHECKIN_INVITATION", "CHECKIN_REMINDER", "REPORT"];

function context(kind: CustomerMessageKind, locale: Locale, variant: keyof typeof variants): MessageContext {
  const parts = variants[variant];
  return {
    kind,
    locale,
    brand,
    ...parts,
    link: parts.link ?? (NEEDS_LINK.includes(kind) ? variants.full.link : null),
  };
}

describe.each(locales)("messages in %s as sent before templates", (locale) => {
  it("are unchanged for every kind, with and without name, note and link", async () => {
    const blocks: string[] = [];
    for (const kind of kinds) {
      for (const variant of Object.keys(variants) as (keyof typeof variants)[]) {
        const email = await emailFromContext(context(kind, locale, variant));
        const sms = smsFromContext(context(kind, locale, variant));
        blocks.push(
          [
            `===== ${kind} ${variant}`,
            `subject: ${email.subject}`,
            `sender: ${email.senderName} / reply-to: ${email.replyTo}`,
            `----- sms`,
            sms,
            `----- text`,
            email.text,
            `----- html`,
            locale === "en" ? email.html : `sha256 ${createHash("sha256").update(email.html).digest("hex")}`,
          ].join("\n"),
        );
      }
    }
    await expect(`${blocks.join("\n\n")}\n`).toMatchFileSnapshot(`./__snapshots__/today-messages.${locale}.txt`);
  });
});
