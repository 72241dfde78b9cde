import { describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeDealer } from "@/test/fixtures";
import { saveAppointmentByStaff, staffAppointmentFormSchema } from "@/lib/appointments/staff-appointment-form";
import { staffFormValues } from "@/lib/appointments/staff-form-values";
import type { StaffSession } from "@/lib/auth/session";
import { db } from "@/lib/db";

withMigratedDatabase();

const now = new Date("2026-11-20T10:00:00Z");

function form(siteId: string, overrides: Record<string, unknown> = {}) {
  return staffAppointmentFormSchema.parse(raw(siteId, overrides));
}

function raw(siteId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    siteId,
    status: "scheduled",
    serviceType: "maintenance",
    date: "2026-12-01",
    time: "08:30",
    dropOffTime: "08:00",
    pickUpTime: "",
    firstName: "Inès",
    lastName: "Dupont",
    email: "Ines@Example.com",
    phone: "",
    language: "fr",
    make: "Volvo",
    model: "XC60",
    modelYear: "2021",
    registration: "1-ABC-123",
    vin: "",
    mileageKm: "45210",
    workOrderRef: "",
    requestedServiceMileageKm: "60000",
    lastServiceMileageKm: "",
    lastServiceDate: "2025-11-02",
    preferredDates: "2026-12-01\n2026-12-02 morning",
    dropOffPreference: "Courtesy car please",
    proposalExpiresDate: "2026-11-28",
    sendConfirmation: "on",
    workTitle: ["Annual service", "", "Wiper blades"],
    workPrice: ["100,00", "", "35.50"],
    workVat: ["21", "21", "21"],
    ...overrides,
  };
}

async function setup(slug: string) {
  const dealer = await makeDealer(slug);
  const staff: StaffSession = { sessionId: "s", staffUserId: "u", dealerId: dealer.id, role: "ADVISOR", name: "Sam", email: "sam@x.test" };
  return { dealer, staff };
}

describe("an advisor books an appointment on the customer's behalf (seeds 000/001)", () => {
  it("stores it in the site's time zone with the request details, plans the invitation and sends the confirmation", async () => {
    const { dealer, staff } = await setup("staff-a");
    const { id } = await saveAppointmentByStaff({ staff, form: form(dealer.siteId), now });
    const a = await db().appointment.findUniqueOrThrow({
      where: { id },
      include: { contacts: true, plannedWork: { orderBy: { position: "asc" } } },
    });
    expect(a.externalId).toMatch(/^GL-[0-9A-F]{10}$/);
    expect(a.startsAt.toISOString()).toBe("2026-12-01T07:30:00.000Z");
    expect(a.dropOffAt?.toISOString()).toBe("2026-12-01T07:00:00.000Z");
    expect(a.contacts).toMatchObject([{ role: "DRIVER", email: "ines@example.com", locale: "fr" }]);
    expect(a.plannedWork.map((l) => [l.title, l.unitPriceMinor, l.vatRateBp])).toEqual([
      ["Annual service", 10000, 2100],
      ["Wiper blades", 3550, 2100],
    ]);
    expect(a.preferredDates).toEqual(["2026-12-01", "2026-12-02 morning"]);
    expect(a.proposalExpiresAt?.toISOString()).toBe("2026-11-28T22:59:59.000Z");
    const kinds = (await db().notification.findMany({ where: { appointmentId: id } })).map((n) => `${n.kind}:${n.status}`).sort();
    expect(kinds).toEqual(["APPOINTMENT_CONFIRMATION:QUEUED", "CHECKIN_INVITATION:QUEUED"]);
    expect(await db().appointmentSnapshot.count({ where: { appointmentId: id } })).toBe(1);
  });

  it("edits through the same path: a new version, and the form's values round-trip", async () => {
    const { dealer, staff } = await setup("staff-b");
    const { id } = await saveAppointmentByStaff({ staff, form: form(dealer.siteId, { sendConfirmation: undefined }), now });
    const values = await staffFormValues({ id, dealerId: dealer.id });
    expect(values).toMatchObject({ date: "2026-12-01", time: "08:30", dropOffTime: "08:00", workPrice: ["100.00", "35.50"], version: "1" });
    await saveAppointmentByStaff({ staff, form: form(dealer.siteId, { appointmentId: id, version: "1", time: "10:00" }), now });
    const a = await db().appointment.findUniqueOrThrow({ where: { id } });
    expect(a.version).toBe(2);
    expect(a.startsAt.toISOString()).toBe("2026-12-01T09:00:00.000Z");
    // An edit is not a new booking: no second confirmation.
    expect(await db().notification.count({ where: { appointmentId: id, kind: "APPOINTMENT_CONFIRMATION" } })).toBe(0);
  });

  it("refuses an edit made on a stale page, and another dealer's appointment or site", async () => {
    const { dealer, staff } = await setup("staff-c");
    const other = await setup("staff-d");
    const { id } = await saveAppointmentByStaff({ staff, form: form(dealer.siteId), now });
    await saveAppointmentByStaff({ staff, form: form(dealer.siteId, { appointmentId: id, version: "1", time: "09:00" }), now });
    await expect(
      saveAppointmentByStaff({ staff, form: form(dealer.siteId, { appointmentId: id, version: "1", time: "11:00" }), now }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(
      saveAppointmentByStaff({ staff: other.staff, form: form(other.dealer.siteId, { appointmentId: id, version: "2" }), now }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(saveAppointmentByStaff({ staff: other.staff, form: form(dealer.siteId), now })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("validates the form with field-level codes the page translates", () => {
    const result = staffAppointmentFormSchema.safeParse({
      siteId: "not-a-uuid",
      status: "scheduled",
      serviceType: "maintenance",
      date: "2026-12-01",
      time: "25:00",
      dropOffTime: "",
      pickUpTime: "",
      firstName: "",
      lastName: "D",
      email: "",
      phone: "0470",
      language: "fr",
      proposalExpiresDate: "2026-12-05",
      workTitle: "Brakes",
      workPrice: "",
    });
    expect(result.success).toBe(false);
    const errors = Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(errors).toMatchObject({ siteId: "required", time: "time", firstName: "required", phone: "phone" });

    // Cross-field rules are checked once the fields themselves are valid.
    const crossField = staffAppointmentFormSchema.safeParse(
      raw("00000000-0000-4000-8000-000000000000", {
        email: "",
        proposalExpiresDate: "2026-12-05",
        workTitle: ["Brakes"],
        workPrice: [""],
        workVat: ["21"],
      }),
    );
    const crossErrors = Object.fromEntries((crossField.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(crossErrors).toEqual({ email: "emailOrPhone", "workPrice.0": "price", proposalExpiresDate: "proposalAfterAppointment" });
  });
});
