import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LinkClosed } from "@/components/customer/link-closed";
import { getCheckinByToken } from "@/lib/checkin/get-checkin-by-token";
import { customerLocale } from "@/lib/i18n/request-locale";
import { customerPageMetadata } from "@/lib/i18n/customer-metadata";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const link = await getCheckinByToken((await params).token);
  return customerPageMetadata(link.status === "unknown" ? null : link.view, "closed");
}

export default async function CheckinClosedPage({ params }: Props) {
  const { token } = await params;
  const link = await getCheckinByToken(token);
  if (link.status === "unknown") notFound();
  if (link.status === "open") redirect(`/c/${token}`);

  const locale = await customerLocale(link.view.recipientLocale, link.view.brand.defaultLocale);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "closed" });
  return (
    <LinkClosed
      title={t("title")}
      reason={t(`reason.${link.reason}`)}
      whatNow={t("whatNow")}
      callLabel={t("callUs", { dealer: link.view.brand.dealerName })}
      phone={link.view.brand.site.phone}
    />
  );
}
