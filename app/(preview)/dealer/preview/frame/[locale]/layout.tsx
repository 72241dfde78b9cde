import type { ReactNode } from "react";
import "@/app/globals.css";
import { CUSTOMER_BODY_CLASS } from "@/components/customer/customer-document";
import { isLocale } from "@/lib/i18n/locales";

/**
 * Root layout of the marketing preview's frames: a customer document of its own, like a real link's, in
 * the previewed language. The page adds the (possibly unsaved) theme, which a layout cannot read from
 * the query.
 */
export default async function PreviewFrameLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  return (
    <html lang={isLocale(locale) ? locale : "en"}>
      <head>
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
      </head>
      <body className={CUSTOMER_BODY_CLASS}>{children}</body>
    </html>
  );
}
