import "server-only";
import { db } from "@/lib/db";
import { computeTotals } from "@/lib/money";

/** One appointment as the back-office shows it, scoped to the staff member's dealer (else null → 404). */
export async function getAppointmentForStaff({ id, dealerId }: { id: string; dealerId: string }) {
  const appointment = await db().appointment.findFirst({
    where: { id, dealerId },
    select: {
      id: true,
      externalId: true,
      status: true,
      serviceType: true,
      startsAt: true,
      dropOffAt: true,
      pickUpAt: true,
      currency: true,
      version: true,
      workOrderRef: true,
      vehicleMake: true,
      vehicleModel: true,
      vehicleModelYear: true,
      vehicleRegistration: true,
      vehicleVin: true,
      vehicleMileageKm: true,
      site: { select: { name: true, timeZone: true, showPrices: true } },
      contacts: {
        orderBy: { role: "asc" },
        select: { role: true, firstName: true, lastName: true, email: true, phone: true, locale: true },
      },
      plannedWork: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          code: true,
          title: true,
          remarks: true,
          quantityMilli: true,
          unitPriceMinor: true,
          vatRateBp: true,
          source: true,
        },
      },
      checkIn: {
        select: {
          state: true,
          sendAt: true,
          closesAt: true,
          sentAt: true,
          openedAt: true,
          submittedAt: true,
          recipientRole: true,
          channel: true,
        },
      },
    },
  });
  if (!appointment) return null;
  return { ...appointment, totals: computeTotals(appointment.plannedWork) };
}

export type AppointmentForStaff = NonNullable<Awaited<ReturnType<typeof getAppointmentForStaff>>>;
