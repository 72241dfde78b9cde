import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { ReportPageBody } from "@/components/customer/report-page-body";
import { customerLocale } from "@/lib/i18n/request-locale";
import { getReportByToken } from "@/lib/report/get-report-by-token";
import { askQuestionAction, decideItemAction, markReportOpenedAction, submitAnswersAction } from "./actions";
import { customerPageMetadata, NO_INDEX } from "@/lib/i18n/customer-metadata";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const link = await getReportByToken((await params).token);
  return link.status === "unknown" ? NO_INDEX : customerPageMetadata(link.view, "report");
}

/** The diagnostic report (seed 004): welcome, the items by category with an answer each, the summary. */
export default async function ReportPage({ params }: Props) {
  const { token } = await params;
  const link = await getReportByToken(token);
  if (link.status === "unknown") notFound();
  if (link.status === "closed") redirect(`/r/${token}/closed`);
  const { view } = link;
  const locale = await customerLocale(view.recipientLocale, view.brand.defaultLocale);
  setRequestLocale(locale);
  return (
    <ReportPageBody
      token={token}
      view={view}
      locale={locale}
      actions={{ markOpened: markReportOpenedAction, decide: decideItemAction, ask: askQuestionAction, submit: submitAnswersAction }}
    />
  );
}
