import { describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeAppointment, makeDealer } from "@/test/fixtures";
import { getCheckinByToken } from "@/lib/checkin/get-checkin-by-token";
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
});
