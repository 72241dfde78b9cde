import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AppointmentDetails } from "@/components/customer/appointment-details";
import { ConfirmSection } from "@/components/customer/confirm-section";
import { ExtrasAndSummary } from "@/components/customer/extras-and-summary";
import { PlannedWorkList } from "@/components/customer/planned-work-list";
import { RemarksSection } from "@/components/customer/remarks-section";
import { getCheckinByToken } from "@/lib/checkin/get-checkin-by-token";
import { cachedCurrentTerms, cachedOfferedServices } from "@/lib/dealers/dealer-cache";
import { customerLocale } from "@/lib/i18n/request-locale";
import { addCommentAction, confirmCheckinAction, removeCommentAction, toggleServiceAction } from "./actions";

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

/** The online check-in (seed 003): one page, four numbered sections, and a sticky summary. */
export default async function CheckinPage({ params }: Props) {
  const { token } = await params;
  const link = await getCheckinByToken(token);
  if (link.status === "unknown") notFound();
  if (link.status === "closed") redirect(`/c/${token}/closed`);

  const { view } = link;
  const locale = await customerLocale(view.recipientLocale, view.brand.defaultLocale);
  setRequestLocale(locale);
  const { answer } = view;
  const [t, services, terms] = await Promise.all([
    getTranslations({ locale, namespace: "checkin" }),
    cachedOfferedServices({
      dealerId: view.dealerId,
      siteId: view.siteId,
      make: view.vehicle.make,
      model: view.vehicle.model,
      locale,
      defaultLocale: view.brand.defaultLocale,
    }),
    cachedCurrentTerms({ dealerId: view.dealerId, locale, defaultLocale: view.brand.defaultLocale }),
  ]);

  return (
    <div className="space-y-5 pb-16 sm:pb-0">
      <div>
        <h1 className="text-2xl font-bold">{t("welcome", { firstName: view.contact?.firstName ?? "" })}</h1>
        <p className="mt-1 text-neutral-700">{t("intro")}</p>
      </div>
      <AppointmentDetails view={view} />
      <PlannedWorkList view={view} locale={locale} />
      <ExtrasAndSummary
        token={token}
        locale={locale}
        currency={view.appointment.currency}
        showPrices={view.brand.site.showPrices}
        planned={view.plannedWork}
        services={services}
        selectedIds={answer.selections.map((s) => s.optionalServiceId)}
        action={toggleServiceAction}
        labels={{
          heading: t("extras.heading"),
          intro: t("extras.intro"),
          add: t("extras.add"),
          added: t("extras.added"),
          remove: t("extras.remove"),
          moreInfo: t("extras.moreInfo"),
          noExtras: t("extras.noExtras"),
          total: t("extras.total"),
          net: t("net"),
          vatAtRate: t.raw("vatAtRate") as string,
          planned: t("extras.planned"),
          extras: t("extras.extras"),
          showSummary: t("extras.showSummary"),
        }}
      />
      <RemarksSection
        token={token}
        comments={answer.comments}
        addAction={addCommentAction}
        removeAction={removeCommentAction}
        labels={{
          heading: t("remarks.heading"),
          intro: t("remarks.intro"),
          title: t("remarks.title"),
          description: t("remarks.description"),
          add: t("remarks.add"),
          adding: t("remarks.adding"),
          remove: t("remarks.remove"),
          errors: { required: t("remarks.errors.required"), tooLong: t("remarks.errors.tooLong"), invalid: t("remarks.errors.invalid") },
        }}
      />
      <ConfirmSection
        token={token}
        terms={terms}
        action={confirmCheckinAction}
        labels={{
          heading: t("confirm.heading"),
          termsSummary: t.raw("confirm.termsSummary") as string,
          accept: t("confirm.accept"),
          confirm: t("confirm.confirm"),
          confirming: t("confirm.confirming"),
          mustAccept: t("confirm.mustAccept"),
          failed: t("confirm.failed"),
        }}
      />
    </div>
  );
}
