import "server-only";
import { closeReportForStatus } from "@/lib/appointments/lifecycle";
import { runWithRetry, StaleVersion } from "@/lib/appointments/retry";
import { writeSnapshot } from "@/lib/appointments/write-snapshot";
import { isExternalId } from "@/lib/api/appointment-schema";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { syncAppointmentMessages } from "@/lib/appointments/appointment-messages";
import { AppError } from "@/lib/errors";

type EndInput = { dealerId: string; externalId: string; actor: AuditActor; now: Date };

/**
 * api-v1.md `cancel`: a new version with status CANCELLED; every open link closes at once and queued
 * messages are cancelled (syncAppointmentMessages does both). Cancelling again changes nothing. A finalized
 * appointment is done: cancelling it is a conflict.
 */
export function cancelAppointment(input: EndInput): Promise<{ changed: boolean; version: number }> {
  return endAppointment(input, "CANCELLED");
}

/** Seed 001 "Termin endgültig festlegen": the visit is done; the report link closes, nothing more is sent. */
export function finalizeAppointment(input: EndInput): Promise<{ changed: boolean; version: number }> {
  return endAppointment(input, "FINALIZED");
}

async function endAppointment(input: EndInput, status: "CANCELLED" | "FINALIZED"): Promise<{ changed: boolean; version: number }> {
  const { dealerId, externalId, actor, now } = input;
  if (!isExternalId(externalId)) throw new AppError("not_found", "No appointment has this externalId.");
  return runWithRetry(async (tx) => {
    const row = await tx.appointment.findUnique({
      where: { dealerId_externalId: { dealerId, externalId } },
      select: { id: true, version: true, status: true },
    });
    if (!row) throw new AppError("not_found", "No appointment has this externalId.");
    if (row.status === status) return { changed: false, version: row.version };
    if (row.status === "FINALIZED" || row.status === "CANCELLED") {
      throw new AppError("conflict", `A ${row.status.toLowerCase()} appointment cannot be ${status.toLowerCase()}.`);
    }
    const version = row.version + 1;
    const updated = await tx.appointment.updateMany({
      where: { id: row.id, version: row.version },
      data: { status, version, ...(status === "CANCELLED" ? { cancelledAt: now } : { finalizedAt: now }) },
    });
    if (updated.count === 0) throw new StaleVersion();
    await closeReportForStatus(tx, { appointmentId: row.id, status, now });
    await writeSnapshot(tx, { dealerId, appointmentId: row.id, actor });
    await syncAppointmentMessages(tx, { dealerId, appointmentId: row.id, now });
    await writeAudit(tx, {
      dealerId,
      appointmentId: row.id,
      actor,
      event: { type: status === "CANCELLED" ? "appointment.cancelled" : "appointment.finalized" },
    });
    return { changed: true, version };
  });
}
