import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeAppointmentWithContacts, makeThemedDealer } from "@/test/fixtures";
import { closedPort, startSmtp } from "@/test/smtp";
import { env, resetEnvCache } from "@/lib/env";
import { sendEmail } from "@/lib/notify/email/send-email";
import { seal } from "@/lib/notify/seal";
import { DeliveryError, type OutboxMessage } from "@/lib/notify/types";
import { generateToken } from "@/lib/tokens";

withMigratedDatabase();

const originalSmtpUrl = process.env.SMTP_URL;
afterEach(() => {
  if (originalSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = originalSmtpUrl;
  resetEnvCache();
});

function useSmtp(url: string | undefined): void {
  if (url === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = url;
  resetEnvCache();
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

let dealer: { id: string; siteId: string };
let appointmentId: string;
const logoAssetId = randomUUID();
const attack = "<script>alert(1)</script>";

beforeAll(async () => {
  dealer = await makeThemedDealer("mail-fr", { primaryColor: "#c8102e", logoAssetId, name: "Garage Dupont" });
  const appointment = await makeAppointmentWithContacts(dealer, {
    externalId: "mail-fr-1",
    startsAt: new Date("2026-12-01T07:30:00Z"), // 08:30 in Brussels
    contacts: [{ firstName: `Inès ${attack}`, email: "ines@example.com", locale: "fr" }],
  });
  appointmentId = appointment.id;
});

function invitation(overrides: Partial<OutboxMessage> = {}): { message: OutboxMessage; link: string } {
  const link = new URL(`/c/${generateToken()}`, env().APP_URL).toString();
  const message: OutboxMessage = {
    id: randomUUID(),
    dealerId: dealer.id,
    appointmentId,
    kind: "CHECKIN_INVITATION",
    channel: "EMAIL",
    recipient: "ines@example.com",
    locale: "fr",
    payload: { sealedLink: seal(link), note: `Merci d'apporter le carnet ${attack}` },
    webhookEndpointId: null,
    attempts: 1,
    ...overrides,
  };
  return { message, link };
}

async function deliveryErrorOf(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DeliveryError)) throw new Error(`expected a DeliveryError, got ${String(error)}`);
  return error;
}

describe("sendEmail over SMTP", () => {
  it("delivers the invitation in the recipient's language, in the dealer's colours, with the row id as Message-ID", async () => {
    const smtp = await startSmtp();
    try {
      useSmtp(smtp.url);
      const { message, link } = invitation();
      const delivered = await sendEmail(message);

      expect(smtp.received).toHaveLength(1);
      const { mail, rcptTo, user } = smtp.received[0]!;
      expect(user).toBe("mailer");
      expect(rcptTo).toEqual(["ines@example.com"]);
      expect(mail.subject).toBe("Enregistrez-vous en ligne pour votre rendez-vous du mardi 1 décembre à 08:30");
      expect(mail.messageId).toBe(`<${message.id}@greenlight>`);
      expect(mail.headers.get("x-greenlight-notification")).toBe(message.id);
      expect(mail.from?.value).toEqual([{ name: "Garage Dupont", address: "no-reply@greenlight.local" }]);
      expect(mail.replyTo?.value[0]?.address).toBe("mail-fr@example.com");

      const html = typeof mail.html === "string" ? mail.html : "";
      expect(html).toMatch(new RegExp(`<a href="${link}" style="[^"]*background-color:#c8102e;color:#ffffff`));
      expect(html).toContain(`src="http://localhost:3000/brand/${logoAssetId}"`);
      expect(html).toContain("Bonjour Inès &lt;script&gt;alert(1)&lt;/script&gt;,");
      expect(html).toContain("le carnet &lt;script&gt;alert(1)&lt;/script&gt;");
      expect(html).not.toContain("<script");
      expect(mail.text).toContain(`M’enregistrer\n${link}`);
      expect(mail.text).toContain(`le carnet ${attack}`);

      expect(delivered).toEqual({
        providerMessageId: `<${message.id}@greenlight>`,
        subject: mail.subject,
        bodyText: mail.text,
        bodyHtml: html,
      });
    } finally {
      await smtp.close();
    }
  });

  it("falls back to the dealer's language when the row has none and the address matches no contact", async () => {
    const smtp = await startSmtp();
    try {
      useSmtp(smtp.url);
      const { message } = invitation({ kind: "REPORT", locale: null, recipient: "someone.else@example.com" });
      await sendEmail(message);
      expect(smtp.received[0]?.mail.subject).toBe("Your car's report is ready");
      expect(smtp.received[0]?.mail.text?.startsWith("Hello,\n")).toBe(true);
    } finally {
      await smtp.close();
    }
  });

  it("gives up on a recipient the server refuses with 550", async () => {
    const smtp = await startSmtp({ onRcptTo: () => smtpError("5.1.1 No such user here", 550) });
    try {
      useSmtp(smtp.url);
      const error = await deliveryErrorOf(sendEmail(invitation().message));
      expect(error.permanent).toBe(true);
      expect(error.message).toMatch(/550/);
      expect(smtp.received).toHaveLength(0);
    } finally {
      await smtp.close();
    }
  });

  it("retries a 4xx refusal, a failed login and a server that is down", async () => {
    const smtp = await startSmtp({ onRcptTo: () => smtpError("4.2.1 Mailbox busy, try later", 451) });
    try {
      useSmtp(smtp.url);
      expect((await deliveryErrorOf(sendEmail(invitation().message))).permanent).toBe(false);
      useSmtp(`smtp://mailer:wrong@127.0.0.1:${smtp.port}`);
      const login = await deliveryErrorOf(sendEmail(invitation().message));
      expect(login).toMatchObject({ permanent: false, message: expect.stringMatching(/EAUTH/) });
    } finally {
      await smtp.close();
    }
    useSmtp(`smtp://127.0.0.1:${await closedPort()}`);
    const down = await deliveryErrorOf(sendEmail(invitation().message));
    expect(down).toMatchObject({ permanent: false, message: expect.stringMatching(/ECONNECTION|ECONNREFUSED/) });
  });

  it("refuses an address that is not one, without rendering or connecting", async () => {
    useSmtp(`smtp://127.0.0.1:${await closedPort()}`);
    const error = await deliveryErrorOf(sendEmail(invitation({ recipient: "not an address" }).message));
    expect(error.permanent).toBe(true);
  });

  it("without SMTP_URL keeps the rendered message and sends nothing", async () => {
    useSmtp(undefined);
    const { message, link } = invitation();
    const delivered = await sendEmail(message);
    expect(delivered.providerMessageId).toBe(`stored:${message.id}`);
    expect(delivered.subject).toBe("Enregistrez-vous en ligne pour votre rendez-vous du mardi 1 décembre à 08:30");
    expect(delivered.bodyText).toContain(link);
    expect(delivered.bodyHtml).toContain(`href="${link}"`);
  });
});
