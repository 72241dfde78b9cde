import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { FontPreload } from "@/components/shared/font-preload";
import { DEFAULT_THEME, themeCss } from "@/lib/dealers/theme";
import type { Brand } from "@/lib/dealers/get-brand";
import type { Locale } from "@/lib/i18n/locales";
import { LanguageSwitcher } from "@/components/customer/language-switcher";
import { PageErrorTextsProvider } from "@/components/customer/page-error";

type Props = { locale: Locale; brand: Brand | null; nonce?: string; children: ReactNode };

/** The body of every customer document. A summary bar fixed to the bottom of a phone's screen
 * (data-bottom-bar: up to which breakpoint) must not cover the end of the footer, where the language
 * switcher is. */
export const CUSTOMER_BODY_CLASS =
  "min-h-dvh bg-neutral-50 font-sans text-neutral-900 antialiased max-sm:has-[[data-bottom-bar=sm]]:pb-16 max-lg:has-[[data-bottom-bar=lg]]:pb-16";

/**
 * The HTML document of every customer page: the dealer's theme as CSS custom properties, a slim header
 * with logo and site name, and a footer with the phone number, address and language switcher. Without a
 * brand (unknown link) it renders a neutral shell.
 */
export function CustomerDocument({ locale, brand, nonce, children }: Props) {
  return (
    <html lang={locale}>
      {/* eslint-disable-next-line @next/next/no-head-element -- App Router root layout: the nonce'd theme style belongs in <head> */}
      <head>
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <ThemeStyle brand={brand} nonce={nonce} />
      </head>
      <body className={CUSTOMER_BODY_CLASS}>
        <CustomerChrome locale={locale} brand={brand}>
          {children}
        </CustomerChrome>
      </body>
    </html>
  );
}

/**
 * The dealer's colours and font as CSS custom properties, and a preload of its typeface only
 * (app/globals.css declares them all; a face loads when used). A neutral shell (unknown link) wears the
 * default theme.
 */
export function ThemeStyle({ brand, nonce }: { brand: Pick<Brand, "primaryColor" | "accentColor" | "fontKey"> | null; nonce?: string }) {
  return (
    <>
      <FontPreload fontKey={brand?.fontKey} />
      <style nonce={nonce}>{`:root{${themeCss(brand ?? DEFAULT_THEME)}}`}</style>
    </>
  );
}

/** What every customer page has around its content: the skip link, the header, the footer. */
export function CustomerChrome({ locale, brand, children }: Omit<Props, "nonce">) {
  const t = useTranslations("common");
  const errors = useTranslations("errors");
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
        {t("skipToContent")}
      </a>
      {brand && (
        <header className="bg-brand text-on-brand">
          <div className="mx-auto flex max-w-3xl items-center gap-3 px-4 py-3">
            {brand.logoUrl && (
              // eslint-disable-next-line @next/next/no-img-element -- served by the app itself, already sized by sharp
              <img src={brand.logoUrl} alt={t("dealerLogo", { dealer: brand.dealerName })} className="h-9 w-auto rounded bg-white p-1" />
            )}
            <div className="leading-tight">
              <p className="font-semibold">{brand.dealerName}</p>
              <p className="text-sm opacity-90">{brand.site.name}</p>
            </div>
          </div>
        </header>
      )}
      <main id="main" className="mx-auto max-w-3xl px-4 pb-16 pt-6">
        {/* No i18n runtime in the browser (every byte reaches a phone on a weak connection): client islands
          get their texts as props, the error boundary through this provider. */}
        <PageErrorTextsProvider texts={{ title: errors("title"), body: errors("body"), retry: errors("retry") }}>
          {children}
        </PageErrorTextsProvider>
      </main>
      <footer className="border-t border-neutral-200 bg-white">
        <div className="mx-auto flex max-w-3xl flex-col gap-4 px-4 py-6 text-sm">
          {brand && (
            <>
              <a
                href={`tel:${brand.site.phone.replace(/[^+\d]/g, "")}`}
                className="inline-flex min-h-11 items-center font-semibold text-brand underline underline-offset-4"
              >
                {t("callDealer", { phone: brand.site.phone })}
              </a>
              <address className="not-italic text-neutral-700">
                <span className="sr-only">{t("address")}: </span>
                {brand.dealerName} · {brand.site.addressLine}, {brand.site.postalCode} {brand.site.city}
              </address>
            </>
          )}
          <LanguageSwitcher current={locale} label={t("language")} />
          {brand?.privacyUrl && (
            <a href={brand.privacyUrl} rel="noopener noreferrer" className="min-h-11 underline">
              {t("privacy")}
            </a>
          )}
        </div>
      </footer>
    </>
  );
}
