import "server-only";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";

export type OfferedService = {
  id: string;
  title: string;
  description: string;
  priceMinor: number;
  vatRateBp: number;
  linkUrl: string | null;
  imageUrl: string | null;
};

const norm = (value: string | null) => (value ?? "").trim().toLowerCase();

export type OfferedServiceInput = {
  dealerId: string;
  siteId: string;
  make: string | null;
  model: string | null;
  locale: string;
  defaultLocale: string;
};

/** An active optional service as stored, with its texts (all locales, or at least the ones wanted). */
export type ServiceWithTexts = {
  id: string;
  priceMinor: number;
  vatRateBp: number;
  linkUrl: string | null;
  imageAssetId: string | null;
  targetMakes: string[];
  targetModels: string[];
  targetSiteIds: string[];
  texts: { locale: string; title: string; description: string }[];
};

/** The dealer's active optional services in the dealer's order; `locales` narrows the texts loaded. */
export function activeServicesQuery(dealerId: string, locales?: string[]) {
  return {
    where: { dealerId, active: true },
    orderBy: [{ position: "asc" as const }, { createdAt: "asc" as const }],
    select: {
      id: true,
      priceMinor: true,
      vatRateBp: true,
      linkUrl: true,
      imageAssetId: true,
      targetMakes: true,
      targetModels: true,
      targetSiteIds: true,
      texts: {
        ...(locales ? { where: { locale: { in: locales } } } : {}),
        select: { locale: true, title: true, description: true },
      },
    },
  };
}

/**
 * The optional services this customer is offered (seed 003: "en fonction de la marque de la voiture"):
 * active ones of the dealer that target this car's make and model (an empty list targets all) and this
 * site, in the dealer's order, in the page's language with the dealer's default as fallback (per field:
 * a title without a description of its own shows the default language's description).
 */
export async function listOfferedServices(input: OfferedServiceInput, client: Tx = db()): Promise<OfferedService[]> {
  const services = await client.optionalService.findMany(activeServicesQuery(input.dealerId, [input.locale, input.defaultLocale, "en"]));
  return offeredTo(services, input);
}

/** Picks, from the dealer's active services (in order), the ones offered to this car and site, in this locale. */
export function offeredTo(services: readonly ServiceWithTexts[], input: OfferedServiceInput): OfferedService[] {
  const matches = (targets: string[], value: string | null) => targets.length === 0 || targets.some((t) => norm(t) === norm(value));
  return services
    .filter((s) => matches(s.targetMakes, input.make) && matches(s.targetModels, input.model))
    .filter((s) => s.targetSiteIds.length === 0 || s.targetSiteIds.includes(input.siteId))
    .flatMap((s) => {
      const texts = [input.locale, input.defaultLocale, "en"].flatMap((l) => s.texts.filter((t) => t.locale === l));
      const text = texts[0];
      if (!text) return [];
      return [
        {
          id: s.id,
          title: text.title,
          // A language translated by its title alone borrows the description of the dealer's own.
          description: texts.find((t) => t.description)?.description ?? "",
          priceMinor: s.priceMinor,
          vatRateBp: s.vatRateBp,
          linkUrl: s.linkUrl,
          imageUrl: s.imageAssetId ? `/brand/${s.imageAssetId}` : null,
        },
      ];
    });
}
