import "server-only";
import type { OfferedService } from "@/lib/checkin/offered-services";
import type { Tx } from "@/lib/db";
import type { MoneyLine } from "@/lib/money";

/**
 * The open draft's chosen services as the customer confirms them: at the price and VAT rate the service
 * has now, and only the ones still offered to this car and site. The check-in page prices its cards and
 * its summary from the current offer (the dealer cache), so this is the total the customer saw; keeping
 * the price from the moment of adding would confirm a different total than the page showed, higher or
 * lower, and a deactivated service would be charged though no longer on the page. An answer already
 * confirmed is never repriced: its selections are the snapshot the customer agreed to.
 */
export async function priceDraftSelections(tx: Tx, draftId: string, offered: readonly OfferedService[]): Promise<MoneyLine[]> {
  const selections = await tx.checkInSelection.findMany({
    where: { revisionId: draftId },
    select: { id: true, optionalServiceId: true, quantityMilli: true, unitPriceMinor: true, vatRateBp: true },
  });
  const services = new Map(offered.map((service) => [service.id, service]));
  const lines: MoneyLine[] = [];
  for (const selection of selections) {
    const service = services.get(selection.optionalServiceId);
    if (!service) {
      await tx.checkInSelection.delete({ where: { id: selection.id }, select: { id: true } });
      continue;
    }
    if (service.priceMinor !== selection.unitPriceMinor || service.vatRateBp !== selection.vatRateBp) {
      await tx.checkInSelection.update({
        where: { id: selection.id },
        data: { unitPriceMinor: service.priceMinor, vatRateBp: service.vatRateBp },
        select: { id: true },
      });
    }
    lines.push({ quantityMilli: selection.quantityMilli, unitPriceMinor: service.priceMinor, vatRateBp: service.vatRateBp });
  }
  return lines;
}
