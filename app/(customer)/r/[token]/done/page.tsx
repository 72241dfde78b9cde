import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ReceiptView } from "@/components/customer/receipt-view";
import { customerLocale } from "@/lib/i18n/request-locale";
import { getReportByToken } from "@/lib/report/get-report-by-token";
import { buildReportReceipt } from "@/lib/report/report-receipt";
import { customerPageMetadata } from "@/lib/i18n/customer-metadata";
import { DoneHeading } from "@/components/customer/done-heading";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const link = await getReportByToken((await params).token);
  return customerPageMetadata(link.status === "unknown" ? null : link.view, "report.done");
}

/** After sending the answers: what was decided, the budget, and that answers can still change. */
export default async function ReportDonePage({ params }: Props) {
  const { token } = await params;
  const link = await getReportByToken(token);
  if (link.status === "unknown") notFound();
  if (link.status === "closed") redirect(`/r/${token}/closed`);
  const locale = await customerLocale(link.view.recipientLocale, link.view.brand.defaultLocale);
  setRequestLocale(locale);
  const receipt = await buildReportReceipt(link.view, locale);
  if (!receipt) redirect(`/r/${token}`);
  const t = await getTranslations({ locale, namespace: "report.done" });
  return (
    <div className="space-y-5">
      <DoneHeading title={t("title")} />
      <ReceiptView receipt={receipt} testId="report-receipt-total" />
      <div className="flex flex-col gap-3 sm:flex-row">
        <a
          href={`/r/${token}/receipt.pdf`}
          className="inline-flex min-h-12 items-center justify-center rounded-lg bg-brand px-4 font-semibold text-on-brand"
        >
          {t("downloadPdf")}
        </a>
        <a
          href={`/r/${token}`}
          className="inline-flex min-h-12 items-center justify-center rounded-lg border-2 border-brand bg-white px-4 font-semibold"
        >
          {t("change")}
        </a>
      </div>
    </div>
  );
}
