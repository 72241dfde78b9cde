// Small builders for integration tests: a dealer with a site, staff and appointments.
import { createStaff } from "@/lib/auth/create-staff";
import { createDealer } from "@/lib/dealers/create-dealer";
import { db } from "@/lib/db";

export async function makeDealer(slug: string, timeZone = "Europe/Brussels") {
  return db().$transaction((tx) =>
    createDealer(tx, {
      name: `Dealer ${slug}`,
      slug,
      site: {
        slug: "main",
        name: `${slug} main site`,
        timeZone,
        addressLine: "Street 1",
        postalCode: "1000",
        city: "Brussels",
        country: "BE",
        phone: "+32 2 000 00 00",
        email: `${slug}@example.com`,
      },
    }),
  );
}

export async function makeAppointment(
  dealer: { id: string; siteId: string },
  input: { externalId: string; startsAt?: Date; status?: "SCHEDULED" | "CANCELLED" | "FINALIZED"; lastName?: string },
) {
  return db().appointment.create({
    data: {
      dealerId: dealer.id,
      siteId: dealer.siteId,
      externalId: input.externalId,
      status: input.status ?? "SCHEDULED",
      startsAt: input.startsAt ?? new Date(Date.now() + 5 * 86_400_000),
      vehicleMake: "Volvo",
      vehicleModel: "XC60",
      vehicleRegistration: "1-ABC-123",
      vehicleMileageKm: 45210,
      contacts: {
        create: [{ role: "DRIVER", firstName: "Inès", lastName: input.lastName ?? "Dupont", email: "ines@example.com", locale: "fr" }],
      },
      plannedWork: {
        create: [
          { position: 0, title: "Annual service", quantityMilli: 1000, unitPriceMinor: 10000, vatRateBp: 2100 },
          { position: 1, title: "Wiper blades", quantityMilli: 1000, unitPriceMinor: 3550, vatRateBp: 2100 },
          { position: 2, title: "Safety check", quantityMilli: 1000, unitPriceMinor: 1999, vatRateBp: 2100 },
        ],
      },
    },
    select: { id: true, startsAt: true },
  });
}

export async function makeDealerWithAppointment(slug: string) {
  const dealer = await makeDealer(slug);
  const appointment = await makeAppointment(dealer, { externalId: `${slug}-1` });
  return { dealerId: dealer.id, siteId: dealer.siteId, appointmentId: appointment.id };
}

export async function makeStaff(
  dealerId: string,
  email: string,
  role: "ADMIN" | "ADVISOR" | "MECHANIC" | "MARKETING" = "ADVISOR",
  password = "correct horse battery",
) {
  return db().$transaction((tx) => createStaff(tx, { dealerId, email, name: email.split("@")[0] ?? email, role, password }));
}
