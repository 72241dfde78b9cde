import { describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeAppointment, makeDealer } from "@/test/fixtures";
import { listAppointmentsForDealer } from "@/lib/appointments/list-appointments-for-dealer";

withMigratedDatabase();

describe("listAppointmentsForDealer", () => {
  it("lists today's and upcoming appointments of one dealer only, today in each site's zone", async () => {
    const mine = await makeDealer("list-mine", "Pacific/Auckland");
    const theirs = await makeDealer("list-theirs");
    const now = new Date("2026-11-23T20:00:00Z"); // already Tuesday 24 Nov, 09:00 in Auckland
    await makeAppointment(mine, { externalId: "today", startsAt: new Date("2026-11-23T22:30:00Z"), lastName: "Today" });
    await makeAppointment(mine, { externalId: "tomorrow", startsAt: new Date("2026-11-24T22:30:00Z"), lastName: "Tomorrow" });
    await makeAppointment(mine, { externalId: "past", startsAt: new Date("2026-11-22T22:30:00Z"), lastName: "Past" });
    await makeAppointment(theirs, { externalId: "other", startsAt: new Date("2026-11-23T22:30:00Z"), lastName: "Other" });

    const { today, upcoming } = await listAppointmentsForDealer({ dealerId: mine.id, now });
    expect(today.map((a) => a.externalId)).toEqual(["today"]);
    expect(upcoming.map((a) => a.externalId)).toEqual(["tomorrow"]);
    expect([...today, ...upcoming].some((a) => a.customerName.includes("Other"))).toBe(false);
  });
});
