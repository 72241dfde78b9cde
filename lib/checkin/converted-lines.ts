import "server-only";
import type { Tx } from "@/lib/db";

/**
 * The customer's planned work without the lines the advisor converted from services the customer chose
 * at check-in: while the customer still has the service selected it is counted (and shown) once, as their
 * choice, not a second time as planned work. Lines converted from remarks, or from a service the customer
 * has since removed, stay: they are work the dealer now plans. Costs a query only when such lines exist.
 */
export async function withoutConvertedSelections<L extends { id: string; source: string }>(
  tx: Tx,
  input: { dealerId: string; appointmentId: string; lines: L[] },
): Promise<L[]> {
  if (!input.lines.some((line) => line.source === "CHECKIN")) return input.lines;
  const checkIn = await tx.checkIn.findFirst({
    where: { appointmentId: input.appointmentId, dealerId: input.dealerId },
    select: { id: true, currentRevision: true },
  });
  if (!checkIn) return input.lines;
  // The selections the customer's answer holds now: the open draft if there is one, else the last confirmed.
  const revision = await tx.checkInRevision.findFirst({
    where: { checkInId: checkIn.id, number: { in: [checkIn.currentRevision, checkIn.currentRevision + 1] } },
    orderBy: { number: "desc" },
    select: { number: true, selections: { select: { optionalServiceId: true } } },
  });
  if (!revision) return input.lines;
  const chosen = new Set(revision.selections.map((s) => s.optionalServiceId));
  const converted = await tx.checkInSelection.findMany({
    where: { revision: { checkInId: checkIn.id }, convertedLineId: { not: null } },
    select: { optionalServiceId: true, convertedLineId: true },
  });
  const stillChosen = new Set(converted.filter((s) => chosen.has(s.optionalServiceId)).map((s) => s.convertedLineId));
  return input.lines.filter((line) => !(line.source === "CHECKIN" && stillChosen.has(line.id)));
}
