import type { ReactNode } from "react";
import { setRequestLocale } from "next-intl/server";
import "@/app/globals.css";
import { CustomerDocument } from "@/components/customer/customer-document";
import { customerLocale, requestNonce } from "@/lib/i18n/request-locale";
import { getReportByToken } from "@/lib/report/get-report-by-token";

/** Root layout of a report link: the dealer's theme and the recipient's language. */
export default async function ReportLayout({ children, params }: { children: ReactNode; params: Promise<{ token: string }> }) {
  const link = await getReportByToken((await params).token);
  const view = link.status === "unknown" ? null : link.view;
  const locale = await customerLocale(view?.recipientLocale, view?.brand.defaultLocale);
  setRequestLocale(locale);
  return (
    <CustomerDocument locale={locale} brand={view?.brand ?? null} nonce={await requestNonce()}>
      {children}
    </CustomerDocument>
  );
}
