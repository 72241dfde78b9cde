import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/locales";
import type { MessageContext } from "@/lib/notify/render/message-context";
import { emailFromContext } from "@/lib/notify/render/render-email";
import { smsFromContext } from "@/lib/notify/render/render-sms";
import { defaultTemplate } from "@/lib/templates/default-templates";
import { compileTemplate } from "@/lib/templates/template-syntax";
import { TEMPLATE_FIELDS, TEMPLATE_KINDS, templateRules } from "@/lib/templates/template-variables";

const LINK = "https://service.demo-motors.example/c/AbCdEfGhIjKlMnOpQrStUv";

function context(overrides: Partial<MessageContext> = {}): MessageContext {
  return {
    kind: "CHECKIN_INVITATION",
    locale: "fr",
    link: LINK,
    note: null,
    firstName: "Inès",
    startsAt: new Date("2026-12-01T07:30:00Z"),
    brand: {
      dealerName: "Garage Dupont",
      primaryColor: "#1f4e79",
      logoUrl: null,
      site: {
        name: "Dupont Gent",
        addressLine: "Kortrijksesteenweg 100",
        postalCode: "9000",
        city: "Gent",
        phone: "+32 9 123 45 67",
        email: "gent@dupont.example",
        timeZone: "Europe/Brussels",
      },
    },
    ...overrides,
  };
}

const own = (texts: Partial<Record<"subject" | "emailText" | "smsText", string>>) => ({
  template: { subject: texts.subject ?? null, emailText: texts.emailText ?? null, smsText: texts.smsText ?? null },
});

/** The visible words of an HTML e-mail: no tags, no comments, entities left as they are. */
function visibleText(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, "").replace(/<[^>]+>/g, " ");
}

describe("default templates", () => {
  it("read under their own rules, for every message and language", () => {
    for (const kind of TEMPLATE_KINDS) {
      for (const locale of locales) {
        const texts = defaultTemplate(kind, locale);
        for (const field of TEMPLATE_FIELDS) {
          const compiled = compileTemplate(texts[field], templateRules(kind, field));
          expect(compiled.ok, `${kind} ${locale} ${field}: ${texts[field]}`).toBe(true);
        }
      }
    }
  });

  it("are today's wording with the catalogue's arguments as variables", () => {
    expect(defaultTemplate("CHECKIN_INVITATION", "fr")).toEqual({
      subject: "Enregistrez-vous en ligne pour votre rendez-vous du {{appointmentDate}}",
      emailText:
        "Votre rendez-vous chez {{siteName}} est prévu le {{appointmentDate}}. Merci de vérifier vos coordonnées et les travaux prévus, d’ajouter ce dont vous avez besoin et de nous dire ce que nous devons savoir. Cela ne prend qu’une minute, et c’est possible jusqu’à la veille au soir de votre rendez-vous.",
      smsText: "Enregistrez-vous en ligne pour votre rendez-vous du {{appointmentDate}} : {{link}}",
    });
    expect(defaultTemplate("REPORT", "en").smsText).toBe("Your car's report is ready: {{link}}");
  });
});

describe("a dealer's own template", () => {
  it("replaces subject, body and SMS, keeps the layout, button and footer, and fills in the values", async () => {
    const email = await emailFromContext(
      context(
        own({
          subject: "{{firstName}}, votre visite du {{appointmentDate}}",
          emailText: "Bonjour de {{siteName}} !\nAppelez le {{sitePhone}}.\n\nÀ bientôt, {{dealerName}}.",
          smsText: "RDV {{appointmentDate}} chez {{siteName}}. {{link}}",
        }),
      ),
    );
    expect(email.subject).toBe("Inès, votre visite du mardi 1 décembre à 08:30");
    expect(email.html).toContain("Bonjour de Dupont Gent !<br/>Appelez le +32 9 123 45 67.</p>");
    expect(email.html).toMatch(/<p [^>]*>À bientôt, Garage Dupont\.<\/p>/);
    expect(email.html).toContain(`href="${LINK}"`);
    expect(email.html).toContain("M’enregistrer");
    expect(email.html).toContain("Kortrijksesteenweg 100, 9000 Gent");
    expect(email.html).not.toContain("Merci de vérifier vos coordonnées");
    expect(email.text).toContain(
      "Bonjour Inès,\n\nBonjour de Dupont Gent !\nAppelez le +32 9 123 45 67.\n\nÀ bientôt, Garage Dupont.\n\nM’enregistrer\n",
    );
    // The inbox preview line follows the dealer's body.
    expect(email.html).toContain(">Bonjour de Dupont Gent ! Appelez le +32 9 123 45 67.<");
    expect(smsFromContext(context(own({ smsText: "RDV {{appointmentDate}} chez {{siteName}}. {{link}}" })))).toBe(
      `Garage Dupont: RDV mar. 1 déc., 08:30 chez Dupont Gent. ${LINK}`,
    );
  });

  it("shows what the dealer typed as text: markup in the template and in every value is escaped", async () => {
    const attack = "<script>alert(1)</script>";
    const email = await emailFromContext(
      context({
        kind: "REPORT",
        note: `<img src=x onerror=alert(1)>`,
        firstName: attack,
        brand: { ...context().brand, dealerName: `<b>Evil</b>` },
        ...own({ subject: `${attack} {{firstName}}`, emailText: `${attack} <a href="https://evil.example">{{firstName}}</a> {{note}}` }),
      }),
    );
    expect(email.html).not.toMatch(/<script|<img src=x|<a href="https:\/\/evil|<b>Evil/);
    expect(visibleText(email.html)).toContain(
      "&lt;script&gt;alert(1)&lt;/script&gt; &lt;a href=&quot;https://evil.example&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;/a&gt; &lt;img src=x onerror=alert(1)&gt;",
    );
    expect(email.subject).toBe(`${attack} ${attack}`);
    expect(email.text).toContain(`${attack} <a href="https://evil.example">${attack}</a> <img src=x onerror=alert(1)>`);
  });

  it("substitutes once: a value holding a variable is sent as typed", async () => {
    const ctx = context({
      firstName: "{{link}}",
      note: "{{firstName}} {{constructor}}",
      ...own({ emailText: "Hi {{firstName}}: {{note}}", smsText: "{{firstName}} {{note}} {{link}}" }),
    });
    const email = await emailFromContext(ctx);
    expect(email.text).toContain("Hi {{link}}: {{firstName}} {{constructor}}");
    expect(smsFromContext(ctx)).toBe(`Garage Dupont: {{link}} {{firstName}} {{constructor}} ${LINK}`);
  });

  it("shows the note once: where the body carries {{note}}, not again in its own box", async () => {
    const withNote = (emailText?: string) => emailFromContext(context({ kind: "REPORT", note: "Pads at 3 mm.", ...own({ emailText }) }));
    const boxed = await withNote("Your report.");
    expect(boxed.text.match(/Pads at 3 mm\./g)).toHaveLength(1);
    expect(boxed.text).toContain("Un mot de votre conseiller service\nPads at 3 mm.");
    const inline = await withNote("Your report. Note: {{note}}");
    expect(inline.text.match(/Pads at 3 mm\./g)).toHaveLength(1);
    expect(inline.text).not.toContain("Un mot de votre conseiller service");
  });

  it("keeps the default wording of the fields the dealer left alone, and the default preview line with the default body", async () => {
    const onlySms = await emailFromContext(context(own({ smsText: "Vite : {{link}}" })));
    const untouched = await emailFromContext(context());
    expect(onlySms).toEqual(untouched);
    expect(smsFromContext(context(own({ smsText: "Vite : {{link}}" })))).toBe(`Garage Dupont: Vite : ${LINK}`);
  });

  it("falls back to the default for a saved field that no longer reads", async () => {
    const broken = context(own({ subject: "Hello {{vehicle}}", smsText: "No link any more" }));
    expect((await emailFromContext(broken)).subject).toBe((await emailFromContext(context())).subject);
    expect(smsFromContext(broken)).toBe(smsFromContext(context()));
  });

  it("never applies to the test message", async () => {
    const test = context({ kind: "TEST", link: null, ...own({ subject: "Custom", emailText: "Custom", smsText: "Custom" }) });
    expect((await emailFromContext(test)).subject).toBe("Message de test de Garage Dupont");
    expect(smsFromContext(test)).toBe("Garage Dupont: Message de test. Si vous le lisez, nos SMS vous parviennent bien.");
  });
});
