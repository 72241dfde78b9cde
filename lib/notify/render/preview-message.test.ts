import { beforeAll, describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeThemedDealer } from "@/test/fixtures";
import { db } from "@/lib/db";
import { previewMessage } from "@/lib/notify/render/preview-message";

withMigratedDatabase();

let dealer: { id: string; siteId: string };
let other: { id: string; siteId: string };
const NOW = new Date("2026-11-28T10:00:00Z");

beforeAll(async () => {
  dealer = await makeThemedDealer("preview-a", { name: "Garage Dupont" });
  other = await makeThemedDealer("preview-b");
  await db().messageTemplate.create({
    data: { dealerId: dealer.id, kind: "REPORT", locale: "fr", subject: "Rapport pour {{firstName}}", emailText: "", smsText: "" },
  });
});

const counts = async () =>
  Promise.all([db().messageTemplate.count(), db().notification.count(), db().auditEvent.count(), db().accessToken.count()]);

describe("previewMessage", () => {
  it("shows the dealer's saved wording with the sample customer, and writes nothing", async () => {
    const before = await counts();
    const preview = await previewMessage({ dealerId: dealer.id, siteId: dealer.siteId, kind: "REPORT", locale: "fr", now: NOW });
    expect(preview?.email.subject).toBe("Rapport pour Alex");
    // The fields left as the default keep the default wording.
    expect(preview?.sms).toBe("Garage Dupont: Le rapport de votre voiture est disponible : http://localhost:3000/r/preview-sample-link-22");
    expect(preview?.email.text).toContain("We will check the brakes while the car is with us.");
    expect(
      (await previewMessage({ dealerId: dealer.id, siteId: dealer.siteId, kind: "REPORT", locale: "de", now: NOW }))?.email.subject,
    ).toBe("Der Bericht zu Ihrem Auto ist fertig");
    expect(await counts()).toEqual(before);
  });

  it("previews an unsaved draft, field by field, and reports the draft fields that do not read", async () => {
    const before = await counts();
    const preview = await previewMessage({
      dealerId: dealer.id,
      siteId: dealer.siteId,
      kind: "REPORT",
      locale: "fr",
      now: NOW,
      draft: { emailText: "Voici le rapport, {{firstName}}.", smsText: "Rapport prêt {{vin}} {{link}}" },
    });
    expect(preview?.email.subject).toBe("Rapport pour Alex");
    expect(preview?.email.text).toContain("Voici le rapport, Alex.");
    expect(preview?.problems).toEqual({ smsText: { code: "unknownVariable", names: ["vin"], suggestion: null } });
    expect(preview?.sms).toBe("Garage Dupont: Le rapport de votre voiture est disponible : http://localhost:3000/r/preview-sample-link-22");
    expect(await counts()).toEqual(before);
  });

  it("gives appointment messages the check-in link they really carry, and the test message none", async () => {
    for (const kind of ["APPOINTMENT_CONFIRMATION", "APPOINTMENT_REMINDER", "CHECKIN_INVITATION"] as const) {
      const preview = await previewMessage({ dealerId: dealer.id, siteId: dealer.siteId, kind, locale: "en", now: NOW });
      expect(preview?.context.link, kind).toBe("http://localhost:3000/c/preview-sample-link-22");
      expect(preview?.email.html, kind).toContain('href="http://localhost:3000/c/preview-sample-link-22"');
    }
    const test = await previewMessage({ dealerId: dealer.id, siteId: dealer.siteId, kind: "TEST", locale: "en", now: NOW });
    expect(test?.context.link).toBeNull();
  });

  it("refuses another dealer's site", async () => {
    expect(await previewMessage({ dealerId: dealer.id, siteId: other.siteId, kind: "REPORT", locale: "fr", now: NOW })).toBeNull();
  });
});
