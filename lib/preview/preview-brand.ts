import "server-only";
import { getBrand, type Brand } from "@/lib/dealers/get-brand";
import { db } from "@/lib/db";
import type { FrameQuery } from "@/lib/preview/preview-frame";

/**
 * The dealer's brand for a preview of one of its sites (the first, by name, when none or another
 * dealer's is asked for), read fresh rather than from the customer pages' cache — the editor has just
 * saved — with the theme editor's unsaved colours and font laid over it.
 */
export async function previewBrand(input: { dealerId: string; draft: FrameQuery }): Promise<{ brand: Brand; siteId: string } | null> {
  const siteId = await previewSiteId(input.dealerId, input.draft.site);
  if (!siteId) return null;
  const brand = await getBrand({ dealerId: input.dealerId, siteId });
  if (!brand) return null;
  const { primary, accent, font } = input.draft;
  return {
    siteId,
    brand: {
      ...brand,
      primaryColor: primary ?? brand.primaryColor,
      accentColor: accent ?? brand.accentColor,
      fontKey: font ?? brand.fontKey,
    },
  };
}

/** The site asked for if it is this dealer's, else the dealer's first by name; null for a dealer without sites. */
export async function previewSiteId(dealerId: string, requested: string | undefined): Promise<string | null> {
  const sites = await db().site.findMany({ where: { dealerId }, select: { id: true }, orderBy: { name: "asc" } });
  return (sites.find(({ id }) => id === requested) ?? sites[0])?.id ?? null;
}
