import "server-only";
import { db } from "@/lib/db";

/**
 * One appointment as the workshop reads it: the car and the planned work to do, scoped to the mechanic's
 * dealer (else null → 404). Deliberately selects no contact, no price and nothing the customer declined:
 * what is not read cannot leak into the mechanic's page.
 */
export async function getAppointmentForWorkshop({ id, dealerId }: { id: string; dealerId: string }) {
  return db().appointment.findFirst({
    where: { id, dealerId },
    select: {
      id: true,
      externalId: true,
      status: true,
      startsAt: true,
      dropOffAt: true,
      pickUpAt: true,
      workOrderRef: true,
      vehicleMake: true,
      vehicleModel: true,
      vehicleModelYear: true,
      vehicleRegistration: true,
      vehicleVin: true,
      vehicleMileageKm: true,
      site: { select: { name: true, timeZone: true } },
      plannedWork: {
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: { id: true, code: true, title: true, remarks: true, quantityMilli: true, source: true },
      },
    },
  });
}

export type AppointmentForWorkshop = NonNullable<Awaited<ReturnType<typeof getAppointmentForWorkshop>>>;
