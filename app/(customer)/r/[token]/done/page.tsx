import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ReceiptView } from "@/components/customer/receipt-view";
import { customerLocale } from "@/lib/i18n/request-locale";
import { getReportByToken } from "@/lib/report/get-report-by-token";
import { buildReportReceipt } from "@/lib/report/report-receipt";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const link = await getReportByToken((await params).token);
  const view = link.status === "unknown" ? null : link.view;
  const t = await getTranslations({
    locale: await customerLocale(view?.recipientLocale, view?.brand.defaultLocale),
    namespace: "report.done",
  });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
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
      <section aria-labelledby="done-heading" className="rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-neutral-200">
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="mx-auto size-16 text-green-700"
          fill="none"
          stroke="currentColor"
          strokeWidth="2.5"
          strokeLinecap="round"
        >
          <circle cx="12" cy="12" r="10" />
          <path d="M7 12.5l3.2 3.2L17 9" />
        </svg>
        <h1 id="done-heading" className="mt-3 text-2xl font-bold">
          {t("title")}
        </h1>
      </section>
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
