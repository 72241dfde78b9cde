import "server-only";
import { locales, type Locale } from "@/lib/i18n/locales";
import { formatDecimalMoney, formatVatRate, unitGross } from "@/lib/money";

/**
 * Services carry no currency: a customer sees the price in their appointment's currency. The settings
 * and their history write amounts with two decimals, as every currency our dealers use has.
 */
const TWO_DECIMALS = "EUR";

export const decimalAmount = (minor: number) => formatDecimalMoney(minor, TWO_DECIMALS);

export type ServiceRecordInput = {
  active: boolean;
  texts: Partial<Record<Locale, { title: string; description: string }>>;
  priceMinor: number;
  vatRateBp: number;
  linkUrl: string | null;
  imageAssetId: string | null;
  targetMakes: string[];
  targetModels: string[];
  targetSiteIds: string[];
};

const orNull = (list: string[]) => (list.length > 0 ? list : null);

/**
 * A service as its change history shows it: one field per text and language, the customer's price and
 * the net beside it, the targeted sites by name. A language without its own text reads "(empty)".
 */
export function serviceRecord(service: ServiceRecordInput, siteNames: ReadonlyMap<string, string>): Record<string, unknown> {
  const texts = Object.fromEntries(
    locales.flatMap((locale) => [
      [`title.${locale}`, service.texts[locale]?.title ?? null],
      [`description.${locale}`, service.texts[locale]?.description || null],
    ]),
  );
  return {
    ...texts,
    priceInclVat: decimalAmount(unitGross(service.priceMinor, service.vatRateBp)),
    priceExclVat: decimalAmount(service.priceMinor),
    vatRate: `${formatVatRate(service.vatRateBp)} %`,
    link: service.linkUrl,
    image: service.imageAssetId ? `/brand/${service.imageAssetId}` : null,
    // Empty targets every make, model or site; the history says "(empty)" for it.
    makes: orNull(service.targetMakes),
    models: orNull(service.targetModels),
    sites: orNull(service.targetSiteIds.map((id) => siteNames.get(id) ?? id)),
    active: service.active,
  };
}
