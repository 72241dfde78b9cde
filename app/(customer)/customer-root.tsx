import type { ReactNode } from "react";
import { setRequestLocale } from "next-intl/server";
import "@/app/globals.css";
import { CustomerDocument } from "@/components/customer/customer-document";
import type { Brand } from "@/lib/dealers/get-brand";
import { customerLocale, requestNonce } from "@/lib/i18n/request-locale";

/**
 * The root of every customer link's page tree: resolves the page language (visitor's choice, recipient's
 * language, dealer default) and renders the document in the dealer's theme — or neutral for an unknown link.
 */
export async function CustomerRoot({
  link,
  children,
}: {
  link: { recipientLocale: string | null; brand: Brand } | null;
  children: ReactNode;
}) {
  const locale = await customerLocale(link?.recipientLocale, link?.brand.defaultLocale);
  setRequestLocale(locale);
  return (
    <CustomerDocument locale={locale} brand={link?.brand ?? null} nonce={await requestNonce()}>
      {children}
    </CustomerDocument>
  );
}
