import "server-only";
import { db } from "@/lib/db";

/** What every customer page shows of the dealer: name, colours, font, logo, welcome and the site's contact details. */
export type Brand = {
  dealerName: string;
  primaryColor: string;
  accentColor: string;
  fontKey: string;
  logoUrl: string | null;
  welcomeImageUrl: string | null;
  /** The dealer's welcome text per locale, as written in the theme editor (see `welcomeTextFor`). */
  welcomeText: Partial<Record<string, string>>;
  defaultLocale: string;
  privacyUrl: string | null;
  site: {
    name: string;
    addressLine: string;
    postalCode: string;
    city: string;
    country: string;
    phone: string;
    email: string;
    timeZone: string;
    showPrices: boolean;
  };
};

/** The columns of Site and Dealer a Brand is made of (shared with the cached copy in dealer-cache.ts). */
export const brandSiteSelect = {
  name: true,
  addressLine: true,
  postalCode: true,
  city: true,
  country: true,
  phone: true,
  email: true,
  timeZone: true,
  showPrices: true,
} as const;
export const brandDealerSelect = {
  name: true,
  primaryColor: true,
  accentColor: true,
  fontKey: true,
  logoAssetId: true,
  welcomeImageAssetId: true,
  welcomeText: true,
  defaultLocale: true,
  privacyUrl: true,
} as const;

type BrandDealer = {
  name: string;
  primaryColor: string;
  accentColor: string;
  fontKey: string;
  logoAssetId: string | null;
  welcomeImageAssetId: string | null;
  welcomeText: unknown;
  defaultLocale: string;
  privacyUrl: string | null;
};

/** Only string values of the stored JSON: it is written by the theme editor, but read defensively. */
export function welcomeTexts(stored: unknown): Partial<Record<string, string>> {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return {};
  return Object.fromEntries(
    Object.entries(stored).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1].trim() !== ""),
  );
}

/** The welcome text in the page's language, else the dealer's default language's, else none. */
export function welcomeTextFor(brand: Pick<Brand, "welcomeText" | "defaultLocale">, locale: string): string | null {
  return brand.welcomeText[locale] ?? brand.welcomeText[brand.defaultLocale] ?? null;
}

export function toBrand(dealer: BrandDealer, site: Brand["site"]): Brand {
  return {
    dealerName: dealer.name,
    primaryColor: dealer.primaryColor,
    accentColor: dealer.accentColor,
    fontKey: dealer.fontKey,
    logoUrl: dealer.logoAssetId ? `/brand/${dealer.logoAssetId}` : null,
    welcomeImageUrl: dealer.welcomeImageAssetId ? `/brand/${dealer.welcomeImageAssetId}` : null,
    welcomeText: welcomeTexts(dealer.welcomeText),
    defaultLocale: dealer.defaultLocale,
    privacyUrl: dealer.privacyUrl,
    site,
  };
}

export async function getBrand({ dealerId, siteId }: { dealerId: string; siteId: string }): Promise<Brand | null> {
  const site = await db().site.findFirst({
    where: { id: siteId, dealerId },
    select: { ...brandSiteSelect, dealer: { select: brandDealerSelect } },
  });
  if (!site) return null;
  const { dealer, ...siteFields } = site;
  return toBrand(dealer, siteFields);
}
