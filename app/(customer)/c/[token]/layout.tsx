import type { ReactNode } from "react";
import { setRequestLocale } from "next-intl/server";
import "@/app/globals.css";
import { CustomerDocument } from "@/components/customer/customer-document";
import { getCheckinByToken } from "@/lib/checkin/get-checkin-by-token";
import { customerLocale, requestNonce } from "@/lib/i18n/request-locale";

/** Root layout of a check-in link: the dealer's theme and the recipient's language. */
export default async function CheckinLayout({ children, params }: { children: ReactNode; params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await getCheckinByToken(token);
  const view = link.status === "unknown" ? null : link.view;
  const locale = await customerLocale(view?.recipientLocale, view?.brand.defaultLocale);
  setRequestLocale(locale);
  return (
    <CustomerDocument locale={locale} brand={view?.brand ?? null} nonce={await requestNonce()}>
      {children}
    </CustomerDocument>
  );
}
