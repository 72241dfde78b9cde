import "server-only";
import { isExternalId } from "@/lib/api/appointment-schema";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * The appointment behind a DMS externalId, scoped to the caller's dealer. A malformed id cannot name
 * one, and another dealer's is "not found" as well (no existence leak).
 */
export async function findAppointmentId(tx: Tx, input: { dealerId: string; externalId: string }): Promise<string> {
  const row = isExternalId(input.externalId)
    ? await tx.appointment.findUnique({
        where: { dealerId_externalId: { dealerId: input.dealerId, externalId: input.externalId } },
        select: { id: true },
      })
    : null;
  if (!row) throw new AppError("not_found", "No appointment has this externalId.");
  return row.id;
}
