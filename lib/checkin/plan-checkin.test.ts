import { describe, expect, it } from "vitest";
import { planCheckin, type PlanSite } from "@/lib/checkin/plan-checkin";

const brussels: PlanSite = {
  timeZone: "Europe/Brussels",
  checkinEnabled: true,
  checkinWindowDays: 3,
  checkinSendTime: "19:00",
  checkinChannel: "EMAIL",
};
const startsAt = new Date("2026-12-01T07:30:00Z"); // Tuesday 1 December, 08:30 in Brussels
const driver = { role: "DRIVER" as const, email: "driver@example.com", phone: "+32470000001" };
const owner = { role: "OWNER" as const, email: "owner@example.com", phone: null };

describe("planCheckin", () => {
  it("schedules 19:00 site time three days before the appointment day, to the driver", () => {
    const plan = planCheckin({ startsAt, site: brussels, contacts: [owner, driver], now: new Date("2026-11-20T10:00:00Z") });
    expect(plan).toEqual({
      state: "SCHEDULED",
      sendAt: new Date("2026-11-28T18:00:00Z"),
      closesAt: new Date("2026-11-30T23:00:00Z"),
      recipientRole: "DRIVER",
      channel: "EMAIL",
    });
  });

  it("falls back to the owner when the driver has no address for the site's channel", () => {
    const plan = planCheckin({
      startsAt,
      site: brussels,
      contacts: [{ ...driver, email: null }, owner],
      now: new Date("2026-11-20T10:00:00Z"),
    });
    expect(plan.recipientRole).toBe("OWNER");
  });

  it("uses SMS for an SMS site and skips contacts without a phone", () => {
    const plan = planCheckin({
      startsAt,
      site: { ...brussels, checkinChannel: "SMS" },
      contacts: [owner, driver],
      now: new Date("2026-11-20T10:00:00Z"),
    });
    expect(plan).toMatchObject({ state: "SCHEDULED", recipientRole: "DRIVER", channel: "SMS" });
  });

  it("is not applicable for an appointment created inside the window", () => {
    const plan = planCheckin({ startsAt, site: brussels, contacts: [driver], now: new Date("2026-11-28T18:00:00Z") });
    expect(plan.state).toBe("NOT_APPLICABLE");
    expect(plan.sendAt).toBeNull();
    expect(plan.closesAt.toISOString()).toBe("2026-11-30T23:00:00.000Z");
  });

  it("is not applicable when check-in is disabled or nobody can be reached", () => {
    const now = new Date("2026-11-20T10:00:00Z");
    expect(planCheckin({ startsAt, site: { ...brussels, checkinEnabled: false }, contacts: [driver], now }).state).toBe("NOT_APPLICABLE");
    expect(planCheckin({ startsAt, site: brussels, contacts: [{ ...driver, email: null }], now }).state).toBe("NOT_APPLICABLE");
  });
});
