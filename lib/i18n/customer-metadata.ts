import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { customerLocale } from "@/lib/i18n/request-locale";

/** Customer pages are reached by private links: never indexed, never followed. */
export const NO_INDEX = { robots: { index: false, follow: false } } satisfies Metadata;

type LinkView = { recipientLocale: string | null; brand: { defaultLocale: string; dealerName: string } };

/**
 * A customer page's `<title>` in the page's language: `namespace.key`, given the dealer's name as
 * `{dealer}`. An unknown link (`view` null) gets the title in the visitor's language.
 */
export async function customerPageMetadata(view: LinkView | null, namespace: string, key = "metaTitle"): Promise<Metadata> {
  const t = await getTranslations({ locale: await customerLocale(view?.recipientLocale, view?.brand.defaultLocale), namespace });
  return { title: t(key, { dealer: view?.brand.dealerName ?? "" }), ...NO_INDEX };
}
