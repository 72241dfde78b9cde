import "server-only";
import { recordSelect, snapshotFromRow } from "@/lib/appointments/appointment-record";
import type { AuditActor } from "@/lib/audit";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * Records the appointment as it is after a change, under its new version: the history staff browse to
 * see it as it was at any earlier time. Called once per version bump, in the same transaction.
 */
export async function writeSnapshot(
  tx: Tx,
  input: { dealerId: string; appointmentId: string; actor: AuditActor; known?: { version: number; data: Prisma.InputJsonObject } },
): Promise<void> {
  // A new appointment is exactly what was just written; anything else is read back as it now is.
  let snapshot = input.known;
  if (!snapshot) {
    const row = await tx.appointment.findFirstOrThrow({
      where: { id: input.appointmentId, dealerId: input.dealerId },
      select: { externalId: true, version: true, ...recordSelect },
    });
    snapshot = { version: row.version, data: snapshotFromRow(row) };
  }
  await tx.appointmentSnapshot.create({
    data: {
      appointmentId: input.appointmentId,
      version: snapshot.version,
      data: snapshot.data,
      actorType: input.actor.type,
      actorId: input.actor.id ?? null,
    },
  });
}
