import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CheckinPageBody } from "@/components/customer/checkin-page-body";
import { CheckinReceiptBody } from "@/components/customer/checkin-receipt-body";
import { CustomerChrome, ThemeStyle } from "@/components/customer/customer-document";
import { LinkClosed } from "@/components/customer/link-closed";
import { ReportPageBody } from "@/components/customer/report-page-body";
import { PreviewBanner } from "@/components/dealer/preview-banner";
import { nothingSavedInPreviewAction } from "@/app/(dealer)/dealer/preview/actions";
import { BRAND_EDITORS, requireStaffPage } from "@/lib/auth/require-staff";
import { now } from "@/lib/clock";
import { cachedCurrentTerms, cachedOfferedServices } from "@/lib/dealers/dealer-cache";
import type { Brand } from "@/lib/dealers/get-brand";
import { requestNonce } from "@/lib/i18n/request-locale";
import { previewBrand } from "@/lib/preview/preview-brand";
import { framePathSchema, frameQuerySchema, type FramePath } from "@/lib/preview/preview-frame";
import { sampleCheckinView, sampleReportView } from "@/lib/preview/sample-views";
import { uploadLimits } from "@/lib/uploads/limits";

type Props = { params: Promise<{ locale: string; page: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const path = framePathSchema.safeParse(await params);
  if (!path.success) return { robots: { index: false, follow: false } };
  const t = await getTranslations({ locale: path.data.locale, namespace: "preview" });
  return { title: `${t("title")} · ${t(`pages.${path.data.page}`)}`, robots: { index: false, follow: false } };
}

const PREVIEW_TOKEN = "preview";

/** One customer page of the marketing preview, with sample data, in the dealer's theme or the editor's draft. */
export default async function PreviewFramePage({ params, searchParams }: Props) {
  const staff = await requireStaffPage(BRAND_EDITORS);
  const path = framePathSchema.safeParse(await params);
  if (!path.success) notFound();
  const { locale } = path.data;
  setRequestLocale(locale);
  const preview = await previewBrand({ dealerId: staff.dealerId, draft: frameQuerySchema.parse(await searchParams) });
  if (!preview) notFound();
  const [t, content] = await Promise.all([
    getTranslations({ locale, namespace: "preview" }),
    frameContent(path.data, { dealerId: staff.dealerId, ...preview }),
  ]);
  return (
    <>
      <ThemeStyle brand={preview.brand} nonce={await requestNonce()} />
      <PreviewBanner label={t("banner")} />
      {/* Looked at, not used: nothing in a preview can be clicked, typed into or sent. */}
      <div inert>
        <CustomerChrome locale={locale} brand={preview.brand}>
          {content}
        </CustomerChrome>
      </div>
    </>
  );
}

async function frameContent({ locale, page }: FramePath, input: { dealerId: string; siteId: string; brand: Brand }) {
  const { brand, dealerId, siteId } = input;
  if (page === "closed") {
    const t = await getTranslations({ locale, namespace: "closed" });
    return (
      <LinkClosed
        title={t("title")}
        reason={t("reason.appointment_day")}
        whatNow={t("whatNow")}
        callLabel={t("callUs", { dealer: brand.dealerName })}
        phone={brand.site.phone}
      />
    );
  }
  if (page === "report") {
    const view = await sampleReportView({ brand, dealerId, locale, now: now() });
    const action = nothingSavedInPreviewAction;
    return (
      <ReportPageBody
        token={PREVIEW_TOKEN}
        view={view}
        locale={locale}
        actions={{ markOpened: action, decide: action, ask: action, submit: action }}
      />
    );
  }
  const offer = { dealerId, siteId, make: "Volvo", model: "XC60", locale, defaultLocale: brand.defaultLocale };
  const [services, terms] = await Promise.all([
    cachedOfferedServices(offer),
    cachedCurrentTerms({ dealerId, locale, defaultLocale: brand.defaultLocale }),
  ]);
  if (page === "receipt") {
    const view = await sampleCheckinView({ brand, dealerId, siteId, locale, now: now(), confirmedWith: services[0] ?? null });
    return <CheckinReceiptBody token={PREVIEW_TOKEN} view={view} locale={locale} />;
  }
  const view = await sampleCheckinView({ brand, dealerId, siteId, locale, now: now() });
  const action = nothingSavedInPreviewAction;
  return (
    <CheckinPageBody
      token={PREVIEW_TOKEN}
      view={view}
      locale={locale}
      services={services}
      terms={terms}
      limits={uploadLimits()}
      actions={{
        correctContact: action,
        markOpened: action,
        toggleService: action,
        addComment: action,
        removeComment: action,
        confirm: action,
      }}
    />
  );
}
