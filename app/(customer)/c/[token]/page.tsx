import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AppointmentDetails } from "@/components/customer/appointment-details";
import { PlannedWorkList } from "@/components/customer/planned-work-list";
import { getCheckinByToken } from "@/lib/checkin/get-checkin-by-token";
import { customerLocale } from "@/lib/i18n/request-locale";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const link = await getCheckinByToken((await params).token);
  if (link.status === "unknown") return { robots: { index: false, follow: false } };
  const t = await getTranslations({
    locale: await customerLocale(link.view.recipientLocale, link.view.brand.defaultLocale),
    namespace: "checkin",
  });
  return { title: t("metaTitle", { dealer: link.view.brand.dealerName }), robots: { index: false, follow: false } };
}

export default async function CheckinPage({ params }: Props) {
  const { token } = await params;
  const link = await getCheckinByToken(token);
  if (link.status === "unknown") notFound();
  if (link.status === "closed") redirect(`/c/${token}/closed`);

  const { view } = link;
  const locale = await customerLocale(view.recipientLocale, view.brand.defaultLocale);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "checkin" });

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">{t("welcome", { firstName: view.contact?.firstName ?? "" })}</h1>
        <p className="mt-1 text-neutral-700">{t("intro")}</p>
      </div>
      <AppointmentDetails view={view} />
      <PlannedWorkList view={view} locale={locale} />
    </div>
  );
}
