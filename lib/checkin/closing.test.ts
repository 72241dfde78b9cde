import { afterEach, describe, expect, it } from "vitest";
import { POST as uploadRoute } from "@/app/files/checkin-upload/route";
import { cancelAppointment } from "@/lib/appointments/cancel-appointment";
import { runTokenAction } from "@/lib/auth/token-action";
import { setServiceSelected } from "@/lib/checkin/answer-checkin";
import { getCheckinByToken } from "@/lib/checkin/get-checkin-by-token";
import { submitCheckin } from "@/lib/checkin/submit-checkin";
import { setNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { computeTotals } from "@/lib/money";
import { checkinClosesAt } from "@/lib/time";
import { issueToken } from "@/lib/tokens";
import { withMigratedDatabase } from "@/test/database";
import { makeAppointment, makeDealer } from "@/test/fixtures";
import { z } from "zod";

withMigratedDatabase();
afterEach(() => setNow(null));

const context = { ip: "198.51.100.40", userAgent: "Mobile Safari" };

/** A check-in for an appointment on 1 December 08:30 in Brussels: it closes at 30 November 23:00 UTC. */
async function confirmedCheckin(slug: string) {
  const dealer = await makeDealer(slug);
  const startsAt = new Date("2026-12-01T07:30:00Z");
  const appointment = await makeAppointment(dealer, { externalId: `${slug}-1`, startsAt });
  const closesAt = checkinClosesAt({ startsAt, timeZone: "Europe/Brussels" });
  await db().checkIn.create({ data: { dealerId: dealer.id, appointmentId: appointment.id, state: "SENT", closesAt } });
  const token = await issueToken(db(), {
    dealerId: dealer.id,
    appointmentId: appointment.id,
    purpose: "CHECKIN",
    recipientRole: "DRIVER",
    expiresAt: closesAt,
  });
  const service = await db().optionalService.create({
    data: {
      dealerId: dealer.id,
      position: 1,
      priceMinor: 2500,
      vatRateBp: 2100,
      targetMakes: [],
      targetModels: [],
      targetSiteIds: [],
      texts: { create: [{ locale: "en", title: "Car wash", description: "…" }] },
    },
  });
  const terms = await db().termsVersion.create({ data: { dealerId: dealer.id, locale: "en", version: 1, title: "Terms", body: "…" } });
  const link = { dealerId: dealer.id, appointmentId: appointment.id, context };
  setNow(new Date("2026-11-29T18:00:00Z"));
  await setServiceSelected({ link, serviceId: service.id, selected: true, locale: "en" });
  await submitCheckin({ link, termsVersionId: terms.id });
  return { dealer, appointment, token, closesAt, service };
}

/** The customer's post (as the page's form sends it), through the same checks as every customer action. */
function removeService(token: string, serviceId: string) {
  const formData = new FormData();
  formData.set("token", token);
  formData.set("serviceId", serviceId);
  return runTokenAction({
    purpose: "CHECKIN",
    schema: z.object({ token: z.string(), serviceId: z.string() }),
    formData,
    context,
    fn: ({ link, input }) => setServiceSelected({ link, serviceId: input.serviceId, selected: false, locale: "en" }),
  });
}

async function confirmedAnswer(appointmentId: string) {
  return db().checkInRevision.findMany({
    where: { checkIn: { appointmentId } },
    orderBy: { number: "asc" },
    select: { number: true, submittedAt: true, grossMinor: true, selections: { select: { title: true } } },
  });
}

describe("the check-in link closes", () => {
  it("at 00:00 of the appointment day in the site's zone: a later post is refused and the confirmed answer stays", async () => {
    const { appointment, token, closesAt, service } = await confirmedCheckin("closing-day");
    const before = await confirmedAnswer(appointment.id);
    const planned = [10000, 3550, 1999, 2500].map((unitPriceMinor) => ({ quantityMilli: 1000, unitPriceMinor, vatRateBp: 2100 }));
    expect(before).toMatchObject([{ number: 1, grossMinor: computeTotals(planned).grossMinor, selections: [{ title: "Car wash" }] }]);

    setNow(new Date(closesAt.getTime() - 1000));
    expect((await getCheckinByToken(token)).status).toBe("open");

    setNow(closesAt);
    expect(await getCheckinByToken(token)).toMatchObject({ status: "closed", reason: "appointment_day" });
    expect(await removeService(token, service.id)).toEqual({ ok: false, error: "gone" });
    const upload = await uploadRoute(
      new Request("http://localhost/files/checkin-upload", {
        method: "POST",
        headers: { "sec-fetch-site": "same-origin", "x-checkin-token": token },
        body: Buffer.from("late photo"),
      }),
    );
    expect(upload.status).toBe(410);
    expect(await confirmedAnswer(appointment.id)).toEqual(before);
  });

  it("at once when the appointment is cancelled, days before", async () => {
    const { dealer, appointment, token, service } = await confirmedCheckin("closing-cancel");
    const before = await confirmedAnswer(appointment.id);
    await cancelAppointment({
      dealerId: dealer.id,
      externalId: "closing-cancel-1",
      actor: { type: "SYSTEM" },
      now: new Date("2026-11-29T19:00:00Z"),
    });
    expect(await getCheckinByToken(token)).toMatchObject({ status: "closed", reason: "cancelled" });
    expect(await removeService(token, service.id)).toEqual({ ok: false, error: "gone" });
    expect(await confirmedAnswer(appointment.id)).toEqual(before);
  });
});
