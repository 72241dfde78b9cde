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

export async function makeWebhookEndpoint(dealerId: string, url: string, events?: readonly string[]) {
  const { createWebhookEndpoint } = await import("@/lib/webhooks/endpoints");
  const { webhookEventTypes } = await import("@/lib/webhooks/emit");
  return db().$transaction((tx) =>
    createWebhookEndpoint(tx, { dealerId, url, events: events ?? webhookEventTypes, actor: { type: "SYSTEM" } }),
  );
}

/** A dealer in its own colour, language and (optionally) logo, for message rendering tests. */
export async function makeThemedDealer(
  slug: string,
  theme: {
    name?: string;
    primaryColor?: string;
    defaultLocale?: "en" | "fr" | "de" | "sv" | "nl";
    logoAssetId?: string;
    timeZone?: string;
  } = {},
) {
  const dealer = await db().$transaction((tx) =>
    createDealer(tx, {
      name: theme.name ?? `Dealer ${slug}`,
      slug,
      defaultLocale: theme.defaultLocale ?? "en",
      primaryColor: theme.primaryColor ?? "#1f4e79",
      site: {
        slug: "main",
        name: `${slug} main site`,
        timeZone: theme.timeZone ?? "Europe/Brussels",
        addressLine: "Street 1",
        postalCode: "1000",
        city: "Brussels",
        country: "BE",
        phone: "+32 2 000 00 00",
        email: `${slug}@example.com`,
      },
    }),
  );
  if (theme.logoAssetId) await db().dealer.update({ where: { id: dealer.id }, data: { logoAssetId: theme.logoAssetId } });
  return dealer;
}

/** An appointment with the given contacts (the first one as DRIVER unless a role is given). */
export async function makeAppointmentWithContacts(
  dealer: { id: string; siteId: string },
  input: {
    externalId: string;
    startsAt?: Date;
    contacts: {
      role?: "DRIVER" | "OWNER" | "CONTRACTOR";
      firstName: string;
      lastName?: string;
      email?: string | null;
      phone?: string | null;
      locale: string;
    }[];
  },
) {
  return db().appointment.create({
    data: {
      dealerId: dealer.id,
      siteId: dealer.siteId,
      externalId: input.externalId,
      startsAt: input.startsAt ?? new Date(Date.now() + 5 * 86_400_000),
      contacts: {
        create: input.contacts.map((contact, index) => ({
          role: contact.role ?? (["DRIVER", "OWNER", "CONTRACTOR"] as const)[index] ?? "DRIVER",
          firstName: contact.firstName,
          lastName: contact.lastName ?? "Customer",
          email: contact.email ?? null,
          phone: contact.phone ?? null,
          locale: contact.locale,
        })),
      },
    },
    select: { id: true, startsAt: true },
  });
}
