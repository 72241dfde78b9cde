import "server-only";
import type { Tx } from "@/lib/db";
import type { AppointmentStatus } from "@/lib/db/generated/client";

/**
 * When the appointment was cancelled or finalized: set on entering the status, kept while it stays,
 * cleared when the DMS moves it back (a cancelled appointment can be rescheduled).
 */
export function lifecycleTimestamps(from: AppointmentStatus | null, to: AppointmentStatus, now: Date) {
  const stamp = (status: AppointmentStatus) => (to !== status ? null : from === status ? undefined : now);
  return { cancelledAt: stamp("CANCELLED"), finalizedAt: stamp("FINALIZED") };
}

/** A cancelled or finalized appointment's report is closed (its links are revoked with the check-in's). */
export async function closeReportForStatus(tx: Tx, input: { appointmentId: string; status: AppointmentStatus; now: Date }) {
  if (input.status !== "CANCELLED" && input.status !== "FINALIZED") return;
  await tx.report.updateMany({
    where: { appointmentId: input.appointmentId, state: { not: "CLOSED" } },
    data: { state: "CLOSED", closedAt: input.now, version: { increment: 1 } },
  });
}
