import "server-only";
import type { ServiceWithTexts } from "@/lib/checkin/offered-services";
import { db } from "@/lib/db";
import { isLocale, locales, type Locale } from "@/lib/i18n/locales";
import { unitGross } from "@/lib/money";

/** What the services settings pages show; read with Prisma selects, scoped to the staff member's dealer. */

export type ServiceTextsByLocale = Partial<Record<Locale, { title: string; description: string }>>;

export type ServiceSummary = {
  id: string;
  active: boolean;
  /** In the dealer's language, else the first language the service has. */
  title: string;
  /** Languages with a title of their own; the others show the dealer's. */
  translated: Locale[];
  priceMinor: number;
  vatRateBp: number;
  grossMinor: number;
  linkUrl: string | null;
  imageUrl: string | null;
  targetMakes: string[];
  targetModels: string[];
  targetSites: string[];
};

export type ServiceDetail = ServiceSummary & { texts: ServiceTextsByLocale; targetSiteIds: string[] };

export type ServicesPage = {
  defaultLocale: Locale;
  sites: { id: string; name: string }[];
  services: ServiceSummary[];
};

/** A stored service as the settings screens and their writes read it. */
export const serviceSelect = {
  id: true,
  active: true,
  priceMinor: true,
  vatRateBp: true,
  linkUrl: true,
  imageAssetId: true,
  targetMakes: true,
  targetModels: true,
  targetSiteIds: true,
  texts: { select: { locale: true, title: true, description: true } },
} as const;

export type ServiceRow = ServiceWithTexts & { active: boolean };

async function dealerOf(dealerId: string) {
  const dealer = await db().dealer.findUnique({
    where: { id: dealerId },
    select: { defaultLocale: true, sites: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, name: true } } },
  });
  if (!dealer) return null;
  return { defaultLocale: isLocale(dealer.defaultLocale) ? dealer.defaultLocale : ("en" as Locale), sites: dealer.sites };
}

function textsOf(row: ServiceRow): ServiceTextsByLocale {
  const texts: ServiceTextsByLocale = {};
  for (const text of row.texts) if (isLocale(text.locale)) texts[text.locale] = { title: text.title, description: text.description };
  return texts;
}

function toSummary(row: ServiceRow, defaultLocale: Locale, sites: { id: string; name: string }[]): ServiceSummary {
  const texts = textsOf(row);
  const translated = locales.filter((locale) => texts[locale]);
  return {
    id: row.id,
    active: row.active,
    title: texts[defaultLocale]?.title ?? texts[translated[0] ?? defaultLocale]?.title ?? "",
    translated,
    priceMinor: row.priceMinor,
    vatRateBp: row.vatRateBp,
    grossMinor: unitGross(row.priceMinor, row.vatRateBp),
    linkUrl: row.linkUrl,
    imageUrl: row.imageAssetId ? `/brand/${row.imageAssetId}` : null,
    targetMakes: row.targetMakes,
    targetModels: row.targetModels,
    targetSites: row.targetSiteIds.map((id) => sites.find((site) => site.id === id)?.name ?? id),
  };
}

/** Every service of the dealer, active or not, in the order customers see them. */
export async function loadServicesPage(input: { dealerId: string }): Promise<ServicesPage | null> {
  const [dealer, rows] = await Promise.all([
    dealerOf(input.dealerId),
    db().optionalService.findMany({
      where: { dealerId: input.dealerId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: serviceSelect,
    }),
  ]);
  if (!dealer) return null;
  return {
    defaultLocale: dealer.defaultLocale,
    sites: dealer.sites,
    services: rows.map((row) => toSummary(row, dealer.defaultLocale, dealer.sites)),
  };
}

/** One of the dealer's services for its edit page; another dealer's id (or none) is null. */
export async function loadServiceForEdit(input: {
  dealerId: string;
  id: string;
}): Promise<{ defaultLocale: Locale; sites: { id: string; name: string }[]; service: ServiceDetail } | null> {
  const [dealer, row] = await Promise.all([
    dealerOf(input.dealerId),
    db().optionalService.findFirst({ where: { id: input.id, dealerId: input.dealerId }, select: serviceSelect }),
  ]);
  if (!dealer || !row) return null;
  const service = { ...toSummary(row, dealer.defaultLocale, dealer.sites), texts: textsOf(row), targetSiteIds: row.targetSiteIds };
  return { defaultLocale: dealer.defaultLocale, sites: dealer.sites, service };
}

/** The dealer's language and sites, for the new-service form. */
export async function loadServiceFormContext(input: { dealerId: string }) {
  return dealerOf(input.dealerId);
}
