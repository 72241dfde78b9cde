import { describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeAppointment, makeDealer } from "@/test/fixtures";
import { addComment, setServiceSelected } from "@/lib/checkin/answer-checkin";
import { getCheckinAnswer } from "@/lib/checkin/get-checkin-answer";
import { getCheckinByToken } from "@/lib/checkin/get-checkin-by-token";
import { submitCheckin } from "@/lib/checkin/submit-checkin";
import { db } from "@/lib/db";
import { checkinClosesAt } from "@/lib/time";
import { issueToken, revokeTokens } from "@/lib/tokens";

withMigratedDatabase();

async function linkFor(slug: string, status: "SCHEDULED" | "CANCELLED" | "FINALIZED" = "SCHEDULED") {
  const dealer = await makeDealer(slug);
  const startsAt = new Date("2026-12-01T07:30:00Z"); // 08:30 in Brussels
  const appointment = await makeAppointment(dealer, { externalId: `${slug}-1`, startsAt, status });
  const closesAt = checkinClosesAt({ startsAt, timeZone: "Europe/Brussels" });
  await db().checkIn.create({ data: { dealerId: dealer.id, appointmentId: appointment.id, state: "SENT", closesAt } });
  const token = await issueToken(db(), {
    dealerId: dealer.id,
    appointmentId: appointment.id,
    purpose: "CHECKIN",
    recipientRole: "DRIVER",
    expiresAt: closesAt,
  });
  return { token, dealer, appointment, closesAt };
}

describe("getCheckinByToken", () => {
  it("shows an open link's appointment with the api-v1 totals and the recipient's language", async () => {
    const { token } = await linkFor("view-open");
    const result = await getCheckinByToken(token, new Date("2026-11-29T10:00:00Z"));
    expect(result.status).toBe("open");
    if (result.status !== "open") return;
    expect(result.view.recipientLocale).toBe("fr");
    expect(result.view.brand.site.timeZone).toBe("Europe/Brussels");
    expect(result.view.plannedWork.map((l) => l.title)).toEqual(["Annual service", "Wiper blades", "Safety check"]);
    expect(result.view.totals).toEqual({
      netMinor: 15549,
      vatMinor: 3266,
      grossMinor: 18815,
      vatByRate: [{ rateBp: 2100, vatMinor: 3266 }],
    });
  });

  it("closes at 00:00 of the appointment day in the site's zone", async () => {
    const { token, closesAt } = await linkFor("view-day");
    expect(closesAt.toISOString()).toBe("2026-11-30T23:00:00.000Z");
    expect((await getCheckinByToken(token, new Date("2026-11-30T22:59:59Z"))).status).toBe("open");
    expect(await getCheckinByToken(token, new Date("2026-11-30T23:00:00Z"))).toMatchObject({ status: "closed", reason: "appointment_day" });
  });

  it("is closed at once when the appointment is cancelled or finalized, or the link revoked", async () => {
    const before = new Date("2026-11-20T10:00:00Z");
    expect(await getCheckinByToken((await linkFor("view-cancelled", "CANCELLED")).token, before)).toMatchObject({
      status: "closed",
      reason: "cancelled",
    });
    expect(await getCheckinByToken((await linkFor("view-final", "FINALIZED")).token, before)).toMatchObject({
      status: "closed",
      reason: "finalized",
    });
    const revoked = await linkFor("view-revoked");
    await revokeTokens(db(), { dealerId: revoked.dealer.id, appointmentId: revoked.appointment.id });
    expect(await getCheckinByToken(revoked.token, before)).toMatchObject({ status: "closed", reason: "revoked" });
  });

  it("knows nothing of malformed or unknown tokens", async () => {
    for (const token of ["x", "AAAAAAAAAAAAAAAAAAAAAA", "%3Cscript%3E", "a".repeat(5000)]) {
      expect(await getCheckinByToken(token)).toEqual({ status: "unknown" });
    }
  });

  it("shows the customer's answer as getCheckinAnswer does: nothing, the open draft, the confirmed revision", async () => {
    const { token, dealer, appointment } = await linkFor("view-answer");
    const before = new Date("2026-11-20T10:00:00Z");
    const ids = { dealerId: dealer.id, appointmentId: appointment.id };
    const answerOf = async () => {
      const link = await getCheckinByToken(token, before);
      if (link.status !== "open") throw new Error(`link is ${link.status}`);
      return link.view.answer;
    };
    expect(await answerOf()).toEqual(await getCheckinAnswer(ids));

    const service = (title: string, position: number) =>
      db().optionalService.create({
        data: {
          dealerId: dealer.id,
          position,
          priceMinor: 1000 + position,
          vatRateBp: 2100,
          targetMakes: [],
          targetModels: [],
          targetSiteIds: [],
          texts: { create: [{ locale: "en", title, description: "…" }] },
        },
      });
    const link = { ...ids, context: {} };
    for (const s of [await service("Wash", 1), await service("Alignment", 2)]) {
      await setServiceSelected({ link, serviceId: s.id, selected: true, locale: "en" });
    }
    const photo = await db().asset.create({
      data: { dealerId: dealer.id, kind: "IMAGE", contentType: "image/webp", bytes: 1, storageKey: `${dealer.id}/p.webp`, sha256: "0" },
    });
    await addComment({ link, title: "Squeak", description: "Front left", assetIds: [photo.id] });
    await addComment({ link, title: "Rattle", description: "", assetIds: [] });
    const draft = await answerOf();
    expect(draft).toEqual(await getCheckinAnswer(ids));
    expect(draft).toMatchObject({ number: 1, confirmed: false, selections: [{ title: "Alignment" }, { title: "Wash" }] });
    expect(draft.comments.map((c) => [c.title, c.attachments])).toEqual([
      ["Squeak", [{ assetId: photo.id, contentType: "image/webp" }]],
      ["Rattle", []],
    ]);

    const terms = await db().termsVersion.create({ data: { dealerId: dealer.id, locale: "en", version: 1, title: "T", body: "…" } });
    const confirmedAt = new Date("2026-11-21T08:15:30.123Z");
    await submitCheckin({ link, termsVersionId: terms.id, now: confirmedAt });
    const confirmed = await answerOf();
    expect(confirmed).toEqual(await getCheckinAnswer(ids));
    expect(confirmed).toMatchObject({ number: 1, confirmed: true, submittedAt: confirmedAt, lastConfirmed: 1 });
  });
});
