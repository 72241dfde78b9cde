import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { CheckinPageBody, REMARK_REFUSALS } from "@/components/customer/checkin-page-body";
import { getCheckinByToken } from "@/lib/checkin/get-checkin-by-token";
import { cachedCurrentTerms, cachedOfferedServices } from "@/lib/dealers/dealer-cache";
import { uploadLimits } from "@/lib/uploads/limits";
import { customerLocale } from "@/lib/i18n/request-locale";
import { customerPageMetadata, NO_INDEX } from "@/lib/i18n/customer-metadata";
import {
  addCommentAction,
  confirmCheckinAction,
  correctContactAction,
  markOpenedAction,
  removeCommentAction,
  toggleServiceAction,
} from "./actions";

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const link = await getCheckinByToken((await params).token);
  return link.status === "unknown" ? NO_INDEX : customerPageMetadata(link.view, "checkin");
}

/** The online check-in (seed 003) of one link: its data, then the page as the customer sees it. */
export default async function CheckinPage({ params, searchParams }: Props) {
  const { token } = await params;
  const refused = (await searchParams).remark;
  const refusedCode = REMARK_REFUSALS.find((code) => code === refused);
  const link = await getCheckinByToken(token);
  if (link.status === "unknown") notFound();
  if (link.status === "closed") redirect(`/c/${token}/closed`);

  const { view } = link;
  const locale = await customerLocale(view.recipientLocale, view.brand.defaultLocale);
  setRequestLocale(locale);
  const [services, terms] = await Promise.all([
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
    <CheckinPageBody
      token={token}
      view={view}
      locale={locale}
      services={services}
      terms={terms}
      limits={uploadLimits()}
      refusedCode={refusedCode}
      actions={{
        correctContact: correctContactAction,
        markOpened: markOpenedAction,
        toggleService: toggleServiceAction,
        addComment: addCommentAction,
        removeComment: removeCommentAction,
        confirm: confirmCheckinAction,
      }}
    />
  );
}
