import "server-only";
import { runWithRetry } from "@/lib/appointments/retry";
import { writeAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import type { StaffOnReport } from "@/lib/report/edit-report";
import { revokeTokens } from "@/lib/tokens";

/**
 * Closes the report (DESIGN.md: a report link closes when the dealer closes the report): every report
 * link of the appointment is revoked, so the customer's page shows the closed page. Closing a closed
 * report changes nothing.
 */
export async function closeReport(input: StaffOnReport): Promise<{ changed: boolean; revoked: number }> {
  const now = input.now ?? new Date();
  return runWithRetry(async (tx) => {
    const report = await tx.report.findFirst({
      where: { appointmentId: input.appointmentId, dealerId: input.dealerId },
      select: { id: true, state: true, version: true },
    });
    if (!report) throw new AppError("not_found");
    if (report.state === "CLOSED") return { changed: false, revoked: 0 };
    const updated = await tx.report.updateMany({
      where: { id: report.id, state: { not: "CLOSED" } },
      data: { state: "CLOSED", closedAt: now, version: report.version + 1 },
    });
    if (updated.count === 0) return { changed: false, revoked: 0 };
    const revoked = await revokeTokens(tx, { dealerId: input.dealerId, appointmentId: input.appointmentId, purpose: "REPORT" }, now);
    await writeAudit(tx, {
      dealerId: input.dealerId,
      appointmentId: input.appointmentId,
      actor: { type: "STAFF", id: input.staffUserId },
      event: { type: "report.closed", revokedLinks: revoked },
    });
    return { changed: true, revoked };
  });
}
