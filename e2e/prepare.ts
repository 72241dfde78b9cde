// A second dealer with its own staff and appointment, so the e2e run can prove tenant isolation.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { createStaff } from "@/lib/auth/create-staff";
import { createDealer } from "@/lib/dealers/create-dealer";
import { db, disconnectDb } from "@/lib/db";
import { closeDatabase } from "@/lib/db/connection";
import { migrateDatabase } from "@/lib/db/migrate";
import { issueToken } from "@/lib/tokens";

await migrateDatabase();
const other = await db().$transaction(async (tx) => {
  const dealer = await createDealer(tx, {
    name: "Other Garage",
    slug: "other-garage",
    primaryColor: "#7a1f1f",
    site: {
      slug: "main",
      name: "Other Garage Lyon",
      timeZone: "Europe/Paris",
      addressLine: "1 rue de la Paix",
      postalCode: "69001",
      city: "Lyon",
      country: "FR",
      phone: "+33 4 00 00 00 00",
      email: "lyon@other-garage.test",
    },
  });
  await createStaff(tx, {
    dealerId: dealer.id,
    email: "advisor@other-garage.test",
    name: "Olga Other",
    role: "ADVISOR",
    password: "other-garage-pass",
  });
  const appointment = await tx.appointment.create({
    data: {
      dealerId: dealer.id,
      siteId: dealer.siteId,
      externalId: "OTHER-1",
      startsAt: new Date(Date.now() + 2 * 86_400_000),
      vehicleMake: "Renault",
      vehicleModel: "Clio",
      vehicleRegistration: "OTHER-SECRET-REG",
      contacts: { create: [{ role: "DRIVER", firstName: "Zoé", lastName: "Secretname", email: "zoe@example.com", locale: "fr" }] },
    },
    select: { id: true },
  });
  const token = await issueToken(tx, {
    dealerId: dealer.id,
    appointmentId: appointment.id,
    purpose: "CHECKIN",
    recipientRole: "DRIVER",
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  await tx.checkIn.create({
    data: { dealerId: dealer.id, appointmentId: appointment.id, state: "SENT", closesAt: new Date(Date.now() + 86_400_000) },
  });
  return { token };
});
writeFileSync(
  path.join(process.env.GREENLIGHT_DEMO_DIR ?? ".data/e2e", "other-dealer.json"),
  JSON.stringify({ checkin: `/c/${other.token}` }),
);
await disconnectDb();
await closeDatabase();
