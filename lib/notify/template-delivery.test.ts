import { describe, expect, it, vi } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeAppointmentWithContacts, makeStaff, makeThemedDealer } from "@/test/fixtures";
import { smtpUrlPerTest, startSmtp } from "@/test/smtp";
import type { StaffSession } from "@/lib/auth/session";
import { sendCheckinNow } from "@/lib/checkin/schedule-checkin";
import { db } from "@/lib/db";
import { defaultChannels } from "@/lib/notify/channels";
import { dispatchOnce } from "@/lib/notify/dispatcher";
import { countSms } from "@/lib/sms-text";
import { resetTemplateForStaff, saveTemplateForStaff } from "@/lib/templates/template-admin";
import { defaultTemplate } from "@/lib/templates/default-templates";

// Outside a request there are no headers to read the IP and user agent from; the audit row gets fixed ones.
vi.mock("@/lib/request-context", () => ({ requestContext: async () => ({ ip: "192.0.2.7", userAgent: "vitest" }) }));

withMigratedDatabase();

const useSmtp = smtpUrlPerTest();

const attack = "<script>alert(1)</script>";
const NOW = new Date("2026-11-20T10:00:00Z");

async function setUp(slug: string) {
  const dealer = await makeThemedDealer(slug, { name: "Garage Dupont" });
  const appointment = await makeAppointmentWithContacts(dealer, {
    externalId: `${slug}-1`,
    startsAt: new Date("2026-12-01T07:30:00Z"),
    contacts: [{ firstName: "Inès {{link}}", email: `ines@${slug}.example`, phone: "+32470123456", locale: "fr" }],
  });
  const user = await makeStaff(dealer.id, `marketing@${slug}.test`, "MARKETING");
  const marketing: StaffSession = {
    sessionId: "s",
    staffUserId: user.id,
    dealerId: dealer.id,
    role: "MARKETING",
    name: "M",
    email: user.email,
  };
  const send = (channel: "EMAIL" | "SMS") =>
    db().$transaction((tx) =>
      sendCheckinNow(tx, {
        dealerId: dealer.id,
        appointmentId: appointment.id,
        channel,
        note: `Le carnet ${attack}`,
        actor: { type: "SYSTEM" },
        now: NOW,
      }),
    );
  return { dealer, marketing, send };
}

const dispatch = () => dispatchOnce({ channels: defaultChannels(), now: () => NOW });

describe("a saved template, sent by the dispatcher", () => {
  it("reaches the customer through a real SMTP server with the dealer's words, every value escaped, the layout kept", async () => {
    const smtp = await startSmtp();
    try {
      useSmtp(smtp.url);
      const { marketing, send } = await setUp("tpl-mail");
      const fr = defaultTemplate("CHECKIN_INVITATION", "fr");
      await saveTemplateForStaff(marketing, {
        kind: "CHECKIN_INVITATION",
        locale: "fr",
        version: "",
        subject: "{{firstName}}, votre visite du {{appointmentDate}} chez {{siteName}}",
        emailText: `Bonjour ! ${attack}\n\nVotre mot : {{note}}\nÀ bientôt.`,
        smsText: fr.smsText,
      });
      const { url } = await send("EMAIL");
      expect(await dispatch()).toMatchObject({ claimed: 1, sent: 1 });

      const { mail } = smtp.received[0]!;
      // The first name "Inès {{link}}" is a value: inserted as typed, never read as a variable again.
      expect(mail.subject).toBe("Inès {{link}}, votre visite du mardi 1 décembre à 08:30 chez tpl-mail main site");
      const html = String(mail.html);
      expect(html).not.toContain("<script");
      expect(html).toContain(`Bonjour ! &lt;script&gt;alert(1)&lt;/script&gt;`);
      expect(html).toContain(`Votre mot : Le carnet &lt;script&gt;alert(1)&lt;/script&gt;<br/>À bientôt.`);
      expect(html).not.toContain("Merci de vérifier vos coordonnées");
      // The note is in the dealer's text, so it is not repeated in its own box.
      expect(html).not.toContain("Un mot de votre conseiller service");
      // The layout around the dealer's words stays: button with the link, footer with the site's address.
      expect(html.match(new RegExp(`href="${url}"`, "g"))).toHaveLength(1);
      expect(html).toContain("M’enregistrer");
      expect(html).toContain("Street 1, 1000 Brussels");
      expect(mail.text).toContain(
        `Bonjour Inès {{link}},\n\nBonjour ! ${attack}\n\nVotre mot : Le carnet ${attack}\nÀ bientôt.\n\nM’enregistrer\n${url}`,
      );

      const row = await db().notification.findFirstOrThrow({
        where: { recipient: "ines@tpl-mail.example" },
        select: { subject: true, bodyHtml: true },
      });
      expect(row.subject).toBe(mail.subject);
      expect(row.bodyHtml).not.toContain(url);
    } finally {
      await smtp.close();
    }
  });

  it("words the SMS as the dealer wrote it, and goes back to today's wording after a reset", async () => {
    const { marketing, send } = await setUp("tpl-sms");
    const fr = defaultTemplate("CHECKIN_INVITATION", "fr");
    const saved = await saveTemplateForStaff(marketing, {
      kind: "CHECKIN_INVITATION",
      locale: "fr",
      version: "",
      ...fr,
      smsText: "{{firstName}}, enregistrez-vous avant le {{appointmentDate}} 🚗 {{link}}",
    });
    await send("SMS");
    expect(await dispatch()).toMatchObject({ sent: 1 });
    const bodies = async () =>
      (
        await db().notification.findMany({
          where: { recipient: "+32470123456", status: "SENT" },
          orderBy: { sentAt: "asc" },
          select: { bodyText: true },
        })
      ).map((row) => row.bodyText);
    const [custom] = await bodies();
    // The link is redacted in the log (lib/notify/seal.ts); the rest is what the customer got.
    expect(custom).toMatch(
      /^Garage Dupont: Inès \{\{link\}\}, enregistrez-vous avant le mar\. 1 déc\., 08:30 🚗 http:\/\/localhost:3000\/c\/\S+$/,
    );
    expect(countSms(custom!).encoding).toBe("UCS-2");

    await resetTemplateForStaff(marketing, { kind: "CHECKIN_INVITATION", locale: "fr", version: saved.version });
    await send("SMS");
    expect(await dispatch()).toMatchObject({ sent: 1 });
    const [, back] = await bodies();
    expect(back).toMatch(
      /^Garage Dupont: Enregistrez-vous en ligne pour votre rendez-vous du mar\. 1 déc\., 08:30 : http:\/\/localhost:3000\/c\/\S+$/,
    );
  });
});
