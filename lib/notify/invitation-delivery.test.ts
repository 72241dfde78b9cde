import { afterEach, describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeAppointmentWithContacts, makeThemedDealer } from "@/test/fixtures";
import { closedPort, startSmtp } from "@/test/smtp";
import { syncAppointmentMessages } from "@/lib/appointments/appointment-messages";
import { getCheckinByToken } from "@/lib/checkin/get-checkin-by-token";
import { sendCheckinNow } from "@/lib/checkin/schedule-checkin";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { defaultChannels } from "@/lib/notify/channels";
import { dispatchOnce } from "@/lib/notify/dispatcher";

withMigratedDatabase();

const staffActor = { type: "STAFF" as const, id: "advisor-1" };

const originalSmtpUrl = process.env.SMTP_URL;
afterEach(() => {
  if (originalSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = originalSmtpUrl;
  resetEnvCache();
});
function useSmtp(url: string) {
  process.env.SMTP_URL = url;
  resetEnvCache();
}
const dispatchAt = (iso: string) => dispatchOnce({ channels: defaultChannels(), now: () => new Date(iso) });

describe("the check-in invitation, end to end through a real SMTP server", () => {
  it("arrives at 19:00 site time three days before, to the driver, in French, with a link that opens the check-in", async () => {
    const smtp = await startSmtp();
    try {
      useSmtp(smtp.url);
      const dealer = await makeThemedDealer("deliver-a", { name: "Garage Dupont" });
      const appointment = await makeAppointmentWithContacts(dealer, {
        externalId: "deliver-a-1",
        startsAt: new Date("2026-12-01T07:30:00Z"),
        contacts: [
          { role: "OWNER", firstName: "Paul", email: "paul@example.com", locale: "en" },
          { role: "DRIVER", firstName: "Inès", email: "ines@example.com", locale: "fr" },
        ],
      });
      const ids = { dealerId: dealer.id, appointmentId: appointment.id };
      await db().$transaction((tx) => syncAppointmentMessages(tx, { ...ids, now: new Date("2026-11-20T10:00:00Z") }));

      expect((await dispatchAt("2026-11-28T17:59:59Z")).claimed).toBe(0);
      expect(smtp.received).toHaveLength(0);
      expect(await dispatchAt("2026-11-28T18:00:00Z")).toMatchObject({ claimed: 1, sent: 1 });

      expect(smtp.received).toHaveLength(1);
      const { mail, rcptTo } = smtp.received[0]!;
      expect(rcptTo).toEqual(["ines@example.com"]);
      expect(mail.subject).toMatch(/^Enregistrez-vous en ligne/);
      const link = /http:\/\/localhost:3000\/c\/[A-Za-z0-9_-]{22}/.exec(mail.text ?? "")?.[0];
      expect(link).toBeDefined();
      expect(String(mail.html)).toContain(link);
      const token = link!.split("/").pop()!;
      const opened = await getCheckinByToken(token, new Date("2026-11-28T18:05:00Z"));
      expect(opened.status).toBe("open");

      const checkIn = await db().checkIn.findUniqueOrThrow({ where: { appointmentId: appointment.id } });
      expect(checkIn.state).toBe("SENT");
      expect(checkIn.sentAt?.toISOString()).toBe("2026-11-28T18:00:00.000Z");
      // The log keeps what was sent, with the token redacted and the sealed link gone.
      const row = await db().notification.findFirstOrThrow({ where: { appointmentId: appointment.id, kind: "CHECKIN_INVITATION" } });
      expect(row.status).toBe("SENT");
      expect(row.bodyText).toContain("/c/••••••");
      expect(row.bodyText).not.toContain(token);
      expect(JSON.stringify(row.payload)).not.toContain("sealedLink");
      // Nothing is sent twice.
      expect((await dispatchAt("2026-11-28T18:10:00Z")).claimed).toBe(0);
      expect(smtp.received).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });

  it("is retried while the SMTP server is down and delivered exactly once when it is back", async () => {
    const port = await closedPort();
    useSmtp(`smtp://mailer:s3cret@127.0.0.1:${port}`);
    const dealer = await makeThemedDealer("deliver-b");
    const appointment = await makeAppointmentWithContacts(dealer, {
      externalId: "deliver-b-1",
      startsAt: new Date("2026-12-01T07:30:00Z"),
      contacts: [{ firstName: "Emma", email: "emma@example.com", locale: "en" }],
    });
    const now = "2026-11-25T09:00:00Z";
    const { notificationId } = await db().$transaction((tx) =>
      sendCheckinNow(tx, { dealerId: dealer.id, appointmentId: appointment.id, channel: "EMAIL", actor: staffActor, now: new Date(now) }),
    );

    expect(await dispatchAt(now)).toMatchObject({ claimed: 1, retried: 1 });
    let row = await db().notification.findUniqueOrThrow({ where: { id: notificationId } });
    expect(row).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(row.lastError).toBeTruthy();
    expect(row.dueAt.getTime()).toBeGreaterThan(new Date(now).getTime());

    // Still down at the second attempt.
    expect(await dispatchAt(row.dueAt.toISOString())).toMatchObject({ claimed: 1, retried: 1 });
    row = await db().notification.findUniqueOrThrow({ where: { id: notificationId } });

    const smtp = await startSmtp({ port });
    try {
      expect(await dispatchAt(row.dueAt.toISOString())).toMatchObject({ claimed: 1, sent: 1 });
      expect(await dispatchAt("2026-11-26T09:00:00Z")).toMatchObject({ claimed: 0 });
      expect(smtp.received.filter((r) => r.rcptTo.includes("emma@example.com"))).toHaveLength(1);
      expect(smtp.received[0]?.mail.messageId).toBe(`<${notificationId}@greenlight>`);
      expect(await db().notification.findUniqueOrThrow({ where: { id: notificationId } })).toMatchObject({ status: "SENT", attempts: 3 });
    } finally {
      await smtp.close();
    }
  });
});
