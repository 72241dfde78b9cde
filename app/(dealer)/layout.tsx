import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale } from "next-intl/server";
import { NextIntlClientProvider } from "next-intl";
import "@/app/globals.css";
import { FontPreload } from "@/components/shared/font-preload";

export const metadata: Metadata = { title: "Greenlight", robots: { index: false, follow: false } };

/** Root layout of the back-office: Greenlight's own look, the staff member's language (cookie). */
export default async function DealerRootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <head>
        <FontPreload fontKey="inter" />
      </head>
      <body className="min-h-dvh bg-neutral-100 font-sans text-neutral-900 antialiased">
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
