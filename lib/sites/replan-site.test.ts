import { describe, expect, it, vi } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeAppointment, makeDealer, makeStaff } from "@/test/fixtures";
import { syncAppointmentMessages } from "@/lib/appointments/appointment-messages";
import type { StaffSession } from "@/lib/auth/session";
import { sendCheckinNow } from "@/lib/checkin/schedule-checkin";
import { db } from "@/lib/db";
import { defaultChannels } from "@/lib/notify/channels";
import { dispatchOnce } from "@/lib/notify/dispatcher";
import { unseal } from "@/lib/notify/seal";
import { getSiteForDealer, updateSiteForStaff } from "@/lib/sites/site-admin";
import type { SiteFields } from "@/lib/sites/site-fields";
import { lookupToken } from "@/lib/tokens";

vi.mock("@/lib/request-context", () => ({ requestContext: async () => ({ ip: null, userAgent: "vitest" }) }));

withMigratedDatabase();

// Site changes are made on Tuesday 1 December 2026 in Brussels; invitations go out three days before at 19:00.
const now = new Date("2026-12-01T10:00:00Z");

type World = Awaited<ReturnType<typeof world>>;

/**
 * One dealer with two sites. On the edited site: `later` (invitation queued for 7 Dec), `invited` (its
 * link already sent by hand and delivered), `cancelled` and `past`. On the other site: `elsewhere`.
 */
async function world(slug: string) {
  const dealer = await makeDealer(slug);
  const member = await makeStaff(dealer.id, `admin@${slug}.test`, "ADMIN");
  const staff: StaffSession = {
    sessionId: "s",
    staffUserId: member.id,
    dealerId: dealer.id,
    role: "ADMIN",
    name: "Ada",
    email: member.email,
  };
  const other = await db().site.create({
    data: { ...siteRow(await siteOf(dealer)), dealerId: dealer.id, slug: "other", name: "Other site" },
    select: { id: true },
  });
  const make = async (externalId: string, startsAt: string, siteId = dealer.siteId, status?: "CANCELLED") => {
    const appointment = await makeAppointment(
      { id: dealer.id, siteId },
      { externalId: `${slug}-${externalId}`, startsAt: new Date(startsAt), status },
    );
    await db().$transaction((tx) =>
      syncAppointmentMessages(tx, { dealerId: dealer.id, appointmentId: appointment.id, now: new Date("2026-11-20T10:00:00Z") }),
    );
    return appointment.id;
  };
  const ids = {
    later: await make("later", "2026-12-10T08:30:00Z"),
    invited: await make("invited", "2026-12-03T08:30:00Z"),
    cancelled: await make("cancelled", "2026-12-11T08:30:00Z", dealer.siteId, "CANCELLED"),
    past: await make("past", "2026-11-30T08:30:00Z"),
    elsewhere: await make("elsewhere", "2026-12-10T08:30:00Z", other.id),
  };
  // "invited" got its link by hand before the change, and the e-mail has gone (no SMTP_URL: stored only).
  await db().$transaction((tx) =>
    sendCheckinNow(tx, {
      dealerId: dealer.id,
      appointmentId: ids.invited,
      channel: "EMAIL",
      actor: { type: "STAFF", id: member.id },
      now: new Date("2026-11-30T09:00:00Z"),
    }),
  );
  await dispatchOnce({ channels: defaultChannels(), now: () => new Date("2026-11-30T09:00:01Z") });
  return { dealerId: dealer.id, siteId: dealer.siteId, staff, ids };
}

async function siteOf(dealer: { id: string; siteId: string }) {
  const site = await getSiteForDealer({ dealerId: dealer.id, siteId: dealer.siteId });
  if (!site) throw new Error("no site");
  return site;
}

function siteRow(site: SiteFields & { id: string; slug: string; updatedAt: Date }): SiteFields {
  const { id, slug, updatedAt, ...fields } = site;
  void id;
  void slug;
  void updatedAt;
  return fields;
}

async function edit(w: World, change: Partial<SiteFields>) {
  const site = await siteOf({ id: w.dealerId, siteId: w.siteId });
  return updateSiteForStaff(w.staff, { id: site.id, version: site.updatedAt.toISOString(), ...siteRow(site), ...change }, now);
}

const messages = (appointmentId: string, kind: "CHECKIN_INVITATION" | "APPOINTMENT_REMINDER" = "CHECKIN_INVITATION") =>
  db().notification.findMany({
    where: { appointmentId, kind },
    select: { id: true, status: true, dueAt: true, payload: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });

const checkIn = (appointmentId: string) =>
  db().checkIn.findUniqueOrThrow({ where: { appointmentId }, select: { state: true, sendAt: true, closesAt: true } });

describe("a site's timing changes and the messages not sent yet", () => {
  it("moves the queued invitation to the new time, adds the new reminder, and leaves sent, cancelled, past and other sites' alone", async () => {
    const w = await world("replan-move");
    const [queuedBefore] = await messages(w.ids.later);
    expect(queuedBefore).toMatchObject({ status: "QUEUED", dueAt: new Date("2026-12-07T18:00:00Z") });
    const invitedBefore = await messages(w.ids.invited);
    const elsewhereBefore = await messages(w.ids.elsewhere);
    const pastBefore = await messages(w.ids.past);

    expect(await edit(w, { checkinWindowDays: 5, checkinSendTime: "08:00", reminderDaysBefore: 2 })).toEqual({
      changed: true,
      replanned: 2,
    });

    // Five days before 10 December at 08:00 in Brussels; the old row and its sealed link are gone.
    const later = await messages(w.ids.later);
    expect(later).toEqual([
      { id: queuedBefore!.id, status: "CANCELLED", dueAt: queuedBefore!.dueAt, payload: {} },
      { id: expect.any(String), status: "QUEUED", dueAt: new Date("2026-12-05T07:00:00Z"), payload: { sealedLink: expect.any(String) } },
    ]);
    expect(await checkIn(w.ids.later)).toMatchObject({ state: "SCHEDULED", sendAt: new Date("2026-12-05T07:00:00Z") });
    const newLink = unseal((later[1]!.payload as { sealedLink: string }).sealedLink);
    expect((await lookupToken(newLink.split("/").pop()!, "CHECKIN", now)).status).toBe("valid");
    expect(await messages(w.ids.later, "APPOINTMENT_REMINDER")).toEqual([
      expect.objectContaining({ status: "QUEUED", dueAt: new Date("2026-12-08T07:00:00Z") }),
    ]);

    // Already invited: the same sent message, no new one; the check-in stays "sent".
    expect(await messages(w.ids.invited)).toEqual(invitedBefore);
    expect((await checkIn(w.ids.invited)).state).toBe("SENT");
    expect(await messages(w.ids.cancelled)).toEqual([]);
    expect(await messages(w.ids.elsewhere)).toEqual(elsewhereBefore);
    expect(await messages(w.ids.past)).toEqual(pastBefore);
  });

  it("cancels the invitations not sent when check-in is turned off; links already sent keep working", async () => {
    const w = await world("replan-off");
    const sentLink = (
      await db().accessToken.findFirstOrThrow({ where: { appointmentId: w.ids.invited, purpose: "CHECKIN", revokedAt: null } })
    ).id;
    expect(await edit(w, { checkinEnabled: false })).toEqual({ changed: true, replanned: 2 });
    expect((await messages(w.ids.later)).map((m) => m.status)).toEqual(["CANCELLED"]);
    expect(await checkIn(w.ids.later)).toMatchObject({ state: "NOT_APPLICABLE", sendAt: null });
    expect((await checkIn(w.ids.invited)).state).toBe("SENT");
    expect(await db().accessToken.findUniqueOrThrow({ where: { id: sentLink }, select: { revokedAt: true } })).toEqual({ revokedAt: null });
    // Turned on again: invited once more, at the usual time.
    expect(await edit(w, { checkinEnabled: true })).toMatchObject({ replanned: 2 });
    expect((await messages(w.ids.later)).map((m) => [m.status, m.dueAt.toISOString()])).toEqual([
      ["CANCELLED", "2026-12-07T18:00:00.000Z"],
      ["QUEUED", "2026-12-07T18:00:00.000Z"],
    ]);
  });

  it("follows a new time zone: the queued invitation's hour, and every link's closing time", async () => {
    const w = await world("replan-zone");
    expect(await edit(w, { timeZone: "America/New_York" })).toMatchObject({ changed: true, replanned: 2 });
    // 19:00 in New York on 7 December is 00:00 UTC on the 8th; the day of 10 December starts at 05:00 UTC there.
    expect((await messages(w.ids.later)).at(-1)).toMatchObject({ status: "QUEUED", dueAt: new Date("2026-12-08T00:00:00Z") });
    expect(await checkIn(w.ids.later)).toMatchObject({ closesAt: new Date("2026-12-10T05:00:00Z") });
    expect(await checkIn(w.ids.invited)).toMatchObject({ state: "SENT", closesAt: new Date("2026-12-03T05:00:00Z") });
    const link = await db().accessToken.findFirstOrThrow({ where: { appointmentId: w.ids.invited, purpose: "CHECKIN", revokedAt: null } });
    expect(link.expiresAt).toEqual(new Date("2026-12-03T05:00:00Z"));
  });

  it("plans nothing again when only the address or phone changed", async () => {
    const w = await world("replan-none");
    const before = await messages(w.ids.later);
    expect(await edit(w, { phone: "+32 2 555 55 55", city: "Elsene" })).toEqual({ changed: true, replanned: 0 });
    expect(await messages(w.ids.later)).toEqual(before);
  });

  it("plans again in the same transaction as the change: a refused change moves nothing", async () => {
    const w = await world("replan-atomic");
    const before = await messages(w.ids.later);
    const site = await siteOf({ id: w.dealerId, siteId: w.siteId });
    const stale = { id: site.id, version: new Date(0).toISOString(), ...siteRow(site), checkinSendTime: "07:00" };
    await expect(updateSiteForStaff(w.staff, stale, now)).rejects.toMatchObject({ code: "conflict" });
    expect(await messages(w.ids.later)).toEqual(before);
    expect((await siteOf({ id: w.dealerId, siteId: w.siteId })).checkinSendTime).toBe("19:00");
  });
});
