import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { CheckinReceiptBody } from "@/components/customer/checkin-receipt-body";
import { getCheckinByToken } from "@/lib/checkin/get-checkin-by-token";
import { customerLocale } from "@/lib/i18n/request-locale";
import { customerPageMetadata } from "@/lib/i18n/customer-metadata";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const link = await getCheckinByToken((await params).token);
  return customerPageMetadata(link.status === "unknown" ? null : link.view, "checkin.done");
}

/** The receipt after confirming: what was agreed, the total, and until when it can still be changed. */
export default async function CheckinDonePage({ params }: Props) {
  const { token } = await params;
  const link = await getCheckinByToken(token);
  if (link.status === "unknown") notFound();
  if (link.status === "closed") redirect(`/c/${token}/closed`);
  const { view } = link;
  // Read with the link itself (one statement, see getCheckinByToken): no second read of the answer.
  const { answer } = view;
  if (answer.lastConfirmed === 0) redirect(`/c/${token}`);
  const locale = await customerLocale(view.recipientLocale, view.brand.defaultLocale);
  setRequestLocale(locale);
  return <CheckinReceiptBody token={token} view={view} locale={locale} />;
}
