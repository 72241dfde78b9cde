import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ReportOverview } from "@/components/customer/report-overview";
import { customerLocale } from "@/lib/i18n/request-locale";
import { getReportByToken } from "@/lib/report/get-report-by-token";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const link = await getReportByToken((await params).token);
  if (link.status === "unknown") return { robots: { index: false, follow: false } };
  const t = await getTranslations({
    locale: await customerLocale(link.view.recipientLocale, link.view.brand.defaultLocale),
    namespace: "report",
  });
  return { title: t("metaTitle", { dealer: link.view.brand.dealerName }), robots: { index: false, follow: false } };
}

export default async function ReportPage({ params }: Props) {
  const { token } = await params;
  const link = await getReportByToken(token);
  if (link.status === "unknown") notFound();
  if (link.status === "closed") redirect(`/r/${token}/closed`);
  const locale = await customerLocale(link.view.recipientLocale, link.view.brand.defaultLocale);
  setRequestLocale(locale);
  return <ReportOverview view={link.view} locale={locale} />;
}
