import "server-only";
import { getBrand } from "@/lib/dealers/get-brand";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import type { CustomerMessageKind, MessageContext } from "@/lib/notify/render/message-context";
import { sampleText, sampleVisitStart } from "@/lib/preview/sample-customer";
import type { SavedTemplateTexts } from "@/lib/templates/resolve-template";

/** A sample token as long as a real one (22 characters, lib/tokens.ts), so SMS lengths are true to life. */
const SAMPLE_TOKEN = "preview-sample-link-22";

/**
 * What a message of one kind and language says to the sample customer (lib/preview/sample-customer.ts)
 * of a dealer's site, in the given wording: for the preview, and for the test a staff member sends
 * themselves from it. Reads only. Null when the site is not this dealer's.
 */
export async function sampleMessageContext(input: {
  dealerId: string;
  siteId: string;
  kind: CustomerMessageKind;
  locale: Locale;
  now: Date;
  template: SavedTemplateTexts | null;
}): Promise<MessageContext | null> {
  const { kind, locale } = input;
  const brand = await getBrand({ dealerId: input.dealerId, siteId: input.siteId });
  if (!brand) return null;
  const base = env().APP_URL;
  const t = sampleText(locale);
  return {
    kind,
    locale,
    // Every customer message but the test carries a link: the report its own, the others the check-in's.
    link: kind === "TEST" ? null : new URL(`/${kind === "REPORT" ? "r" : "c"}/${SAMPLE_TOKEN}`, base).toString(),
    note: kind === "REPORT" ? t("note") : null,
    firstName: t("firstName"),
    startsAt: sampleVisitStart(brand.site.timeZone, input.now),
    brand: {
      dealerName: brand.dealerName,
      primaryColor: brand.primaryColor,
      logoUrl: brand.logoUrl ? new URL(brand.logoUrl, base).toString() : null,
      site: brand.site,
    },
    template: input.template,
  };
}
