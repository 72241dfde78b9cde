import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LinkClosed } from "@/components/customer/link-closed";
import { customerLocale } from "@/lib/i18n/request-locale";
import { getReportByToken } from "@/lib/report/get-report-by-token";
import { customerPageMetadata } from "@/lib/i18n/customer-metadata";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const link = await getReportByToken((await params).token);
  return customerPageMetadata(link.status === "unknown" ? null : link.view, "report", "closedTitle");
}

export default async function ReportClosedPage({ params }: Props) {
  const { token } = await params;
  const link = await getReportByToken(token);
  if (link.status === "unknown") notFound();
  if (link.status === "open") redirect(`/r/${token}`);
  const locale = await customerLocale(link.view.recipientLocale, link.view.brand.defaultLocale);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "report" });
  const closed = await getTranslations({ locale, namespace: "closed" });
  return (
    <LinkClosed
      title={t("closedTitle")}
      reason={t(`closedReason.${link.reason}`)}
      whatNow={closed("whatNow")}
      callLabel={closed("callUs", { dealer: link.view.brand.dealerName })}
      phone={link.view.brand.site.phone}
    />
  );
}
