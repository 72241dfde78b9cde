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

export async function getBrand({ dealerId, siteId }: { dealerId: string; siteId: string }): Promise<Brand | null> {
  const site = await db().site.findFirst({
    where: { id: siteId, dealerId },
    select: {
      name: true,
      addressLine: true,
      postalCode: true,
      city: true,
      country: true,
      phone: true,
      email: true,
      timeZone: true,
      showPrices: true,
      dealer: {
        select: { name: true, primaryColor: true, accentColor: true, logoAssetId: true, defaultLocale: true, privacyUrl: true },
      },
    },
  });
  if (!site) return null;
  const { dealer, ...siteFields } = site;
  return {
    dealerName: dealer.name,
    primaryColor: dealer.primaryColor,
    accentColor: dealer.accentColor,
    logoUrl: dealer.logoAssetId ? `/brand/${dealer.logoAssetId}` : null,
    defaultLocale: dealer.defaultLocale,
    privacyUrl: dealer.privacyUrl,
    site: siteFields,
  };
}
