import "server-only";
import { writeAudit, type RequestContext } from "@/lib/audit";
import type { Tx } from "@/lib/db";
import { emitEvent } from "@/lib/webhooks/emit";

/**
 * The first real look at the check-in page: `openedAt`, SENT → OPENED, an audit entry and the
 * `checkin.opened` webhook — once. Called from the page's beacon (sent after a first interaction or a few
 * seconds of the page being visible) and from any answer, never from a bare GET: mail scanners and link
 * previews fetch the URL without a person behind it. Returns whether this call was the first.
 */
export async function recordCheckinOpened(
  tx: Tx,
  input: { dealerId: string; appointmentId: string; context: RequestContext; now?: Date },
): Promise<boolean> {
  const now = input.now ?? new Date();
  const first = await tx.checkIn.updateMany({
    where: { appointmentId: input.appointmentId, dealerId: input.dealerId, openedAt: null },
    data: { openedAt: now },
  });
  if (first.count === 0) return false;
  // Only a sent invitation moves on: SUBMITTED stays, and SCHEDULED (opened from a confirmation e-mail
  // before the invitation's time) keeps its invitation planned.
  await tx.checkIn.updateMany({
    where: { appointmentId: input.appointmentId, dealerId: input.dealerId, state: "SENT" },
    data: { state: "OPENED" },
  });
  await writeAudit(tx, {
    dealerId: input.dealerId,
    appointmentId: input.appointmentId,
    actor: { type: "CUSTOMER" },
    context: input.context,
    event: { type: "checkin.opened" },
  });
  await emitEvent(tx, {
    dealerId: input.dealerId,
    appointmentId: input.appointmentId,
    type: "checkin.opened",
    data: { openedAt: now.toISOString() },
    now,
  });
  return true;
}
