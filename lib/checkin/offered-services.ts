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

/**
 * The optional services this customer is offered (seed 003: "en fonction de la marque de la voiture"):
 * active ones of the dealer that target this car's make and model (an empty list targets all) and this
 * site, in the dealer's order, in the page's language with the dealer's default as fallback.
 */
export async function listOfferedServices(
  input: { dealerId: string; siteId: string; make: string | null; model: string | null; locale: string; defaultLocale: string },
  client: Tx = db(),
): Promise<OfferedService[]> {
  const services = await client.optionalService.findMany({
    where: { dealerId: input.dealerId, active: true },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
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
        where: { locale: { in: [input.locale, input.defaultLocale, "en"] } },
        select: { locale: true, title: true, description: true },
      },
    },
  });
  const matches = (targets: string[], value: string | null) => targets.length === 0 || targets.some((t) => norm(t) === norm(value));
  return services
    .filter((s) => matches(s.targetMakes, input.make) && matches(s.targetModels, input.model))
    .filter((s) => s.targetSiteIds.length === 0 || s.targetSiteIds.includes(input.siteId))
    .flatMap((s) => {
      const text = [input.locale, input.defaultLocale, "en"].map((l) => s.texts.find((t) => t.locale === l)).find(Boolean);
      if (!text) return [];
      return [
        {
          id: s.id,
          title: text.title,
          description: text.description,
          priceMinor: s.priceMinor,
          vatRateBp: s.vatRateBp,
          linkUrl: s.linkUrl,
          imageUrl: s.imageAssetId ? `/brand/${s.imageAssetId}` : null,
        },
      ];
    });
}
