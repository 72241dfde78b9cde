import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { appointmentBody, call, makeApiDealer } from "@/test/api";
import { setNow } from "@/lib/clock";
import { db } from "@/lib/db";

withMigratedDatabase();

let dealer: Awaited<ReturnType<typeof makeApiDealer>>;
beforeAll(async () => {
  dealer = await makeApiDealer("intake-a");
  setNow(new Date("2026-11-20T10:00:00Z"));
});
afterEach(() => setNow(new Date("2026-11-20T10:00:00Z")));

const put = (externalId: string, body: unknown) => call("appointment", "PUT", externalId, { key: dealer.key, body });
const intake = {
  requestedServiceMileageKm: 60000,
  lastServiceMileageKm: 30120,
  lastServiceDate: "2025-11-02",
  preferredDates: ["2026-12-01", "2026-12-02 morning"],
  dropOffPreference: "Needs a courtesy car",
  proposalExpiresAt: "2026-11-28T18:00:00+01:00",
};

describe("the appointment request's details (seed 000), an additive `intake`", () => {
  it("are stored, returned by GET, and part of the history", async () => {
    const created = await put("IN-1", { ...appointmentBody(), intake });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ intake: { ...intake, proposalExpiresAt: "2026-11-28T17:00:00Z" } });
    const snapshot = await db().appointmentSnapshot.findFirstOrThrow({ where: { appointment: { externalId: "IN-1" } } });
    expect(snapshot.data).toMatchObject({ intake: { lastServiceDate: "2025-11-02", preferredDates: intake.preferredDates } });
  });

  it("are kept when a DMS sends a body without them, and a change to them alone is a new version", async () => {
    await put("IN-2", { ...appointmentBody(), intake });
    const replay = await put("IN-2", appointmentBody());
    expect(replay.status).toBe(200);
    expect(replay.headers.get("etag")).toBe('"1"');
    expect(replay.json).toMatchObject({ intake: { requestedServiceMileageKm: 60000 } });

    const changed = await put("IN-2", {
      ...appointmentBody(),
      intake: { ...intake, dropOffPreference: "Drops the car off the evening before" },
    });
    expect(changed.headers.get("etag")).toBe('"2"');
    const versions = await db().appointmentSnapshot.findMany({
      where: { appointment: { externalId: "IN-2" } },
      orderBy: { version: "asc" },
    });
    expect(versions.map((v) => (v.data as { intake: { dropOffPreference: string } }).intake.dropOffPreference)).toEqual([
      "Needs a courtesy car",
      "Drops the car off the evening before",
    ]);
  });

  it("refuse a proposal that expires after the appointment", async () => {
    const refused = await put("IN-3", { ...appointmentBody(), intake: { ...intake, proposalExpiresAt: "2026-12-02T08:00:00+01:00" } });
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({ errors: [{ path: "intake.proposalExpiresAt", message: "must be before the appointment" }] });
  });
});
