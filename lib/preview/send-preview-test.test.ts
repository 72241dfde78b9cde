import { describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeDealer, makeStaff } from "@/test/fixtures";
import { smtpUrlPerTest, startSmtp } from "@/test/smtp";
import type { StaffSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { defaultChannels } from "@/lib/notify/channels";
import { dispatchOnce } from "@/lib/notify/dispatcher";
import { sendPreviewTest } from "@/lib/preview/send-preview-test";
import { AppError } from "@/lib/errors";

withMigratedDatabase();

const useSmtp = smtpUrlPerTest();

async function marketingOf(slug: string): Promise<StaffSession & { siteId: string }> {
  const dealer = await makeDealer(slug);
  const user = await makeStaff(dealer.id, `mia@${slug}.test`, "MARKETING");
  return {
    sessionId: "s",
    staffUserId: user.id,
    dealerId: dealer.id,
    role: "MARKETING",
    name: "Mia",
    email: user.email,
    siteId: dealer.siteId,
  };
}

describe("sending a previewed message to oneself", () => {
  it("delivers that message, to the sample customer in its language, to the staff member's own address only", async () => {
    const smtp = await startSmtp();
    try {
      useSmtp(smtp.url);
      const staff = await marketingOf("preview-test");
      expect(await sendPreviewTest(staff, { message: "REPORT", locale: "de", site: staff.siteId })).toEqual({ sentTo: staff.email });
      expect(await dispatchOnce({ channels: defaultChannels() })).toMatchObject({ claimed: 1, sent: 1 });
      expect(smtp.received).toHaveLength(1);
      const [{ mail, rcptTo }] = smtp.received as [(typeof smtp.received)[number]];
      expect(rcptTo).toEqual([staff.email]);
      expect(mail.subject).toBe("Der Bericht zu Ihrem Auto ist fertig");
      expect(mail.text).toContain("Lena");
      expect(mail.text).toContain("Die vorderen Bremsbeläge sind fast abgenutzt");
      expect(mail.text).toContain("/r/preview-sample-link-22");
      const row = await db().notification.findFirstOrThrow({ where: { dealerId: staff.dealerId } });
      expect(row).toMatchObject({ kind: "TEST", status: "SENT", appointmentId: null, recipient: staff.email });
    } finally {
      await smtp.close();
    }
  });

  it("refuses another dealer's site and writes nothing", async () => {
    const staff = await marketingOf("preview-mine");
    const other = await marketingOf("preview-other");
    await expect(sendPreviewTest(staff, { message: "CHECKIN_INVITATION", locale: "en", site: other.siteId })).rejects.toEqual(
      new AppError("not_found"),
    );
    expect(await db().notification.count({ where: { dealerId: staff.dealerId } })).toBe(0);
  });

  it("is limited to ten in ten minutes per staff member", async () => {
    const staff = await marketingOf("preview-many");
    for (let i = 0; i < 10; i++) await sendPreviewTest(staff, { message: "CHECKIN_REMINDER", locale: "sv", site: staff.siteId });
    await expect(sendPreviewTest(staff, { message: "CHECKIN_REMINDER", locale: "sv", site: staff.siteId })).rejects.toMatchObject({
      code: "rate_limited",
    });
    expect(await db().notification.count({ where: { dealerId: staff.dealerId } })).toBe(10);
  });
});
