import "server-only";
import { db } from "@/lib/db";

/** What every customer page shows of the dealer: name, colours, logo and the site's contact details. */
export type Brand = {
  dealerName: string;
  primaryColor: string;
  accentColor: string;
  logoUrl: string | null;
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
  logoAssetId: true,
  defaultLocale: true,
  privacyUrl: true,
} as const;

type BrandDealer = {
  name: string;
  primaryColor: string;
  accentColor: string;
  logoAssetId: string | null;
  defaultLocale: string;
  privacyUrl: string | null;
};

export function toBrand(dealer: BrandDealer, site: Brand["site"]): Brand {
  return {
    dealerName: dealer.name,
    primaryColor: dealer.primaryColor,
    accentColor: dealer.accentColor,
    logoUrl: dealer.logoAssetId ? `/brand/${dealer.logoAssetId}` : null,
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
