import { getLocale, getTranslations } from "next-intl/server";
import { BackOfficeHeader } from "@/components/dealer/back-office-header";
import { PreviewBanner } from "@/components/dealer/preview-banner";
import { PreviewFrames } from "@/components/dealer/preview-frames";
import { PreviewMessage } from "@/components/dealer/preview-message";
import { PreviewPicker } from "@/components/dealer/preview-picker";
import { BRAND_EDITORS, requireStaffPage } from "@/lib/auth/require-staff";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { previewMessage } from "@/lib/notify/render/preview-message";
import { previewSiteId } from "@/lib/preview/preview-brand";
import { previewFramePath } from "@/lib/preview/preview-frame";
import { previewQuerySchema } from "@/lib/preview/preview-page";
import { signOutAction } from "../actions";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("preview");
  return { title: t("title") };
}

/**
 * The marketing preview (admin and marketing): any customer page in a phone and a desktop frame, and
 * any message as its e-mail, plain text and SMS, in any language and for any site, with sample data.
 * Reads only the dealer's own settings; writes nothing (sending a test to oneself is its own form).
 */
export default async function PreviewPage({ searchParams }: Props) {
  const staff = await requireStaffPage(BRAND_EDITORS);
  const [t, staffLocale, raw] = await Promise.all([getTranslations("preview"), getLocale(), searchParams]);
  const query = previewQuerySchema(staffLocale).parse(raw);
  const [siteId, sites] = await Promise.all([
    previewSiteId(staff.dealerId, query.site),
    db().site.findMany({ where: { dealerId: staff.dealerId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const message = siteId
    ? await previewMessage({ dealerId: staff.dealerId, siteId, kind: query.message, locale: query.locale, now: now() })
    : null;
  const emailQuery = new URLSearchParams({ message: query.message, locale: query.locale, ...(siteId ? { site: siteId } : {}) });
  return (
    <>
      <BackOfficeHeader staff={staff} signOut={signOutAction} />
      <PreviewBanner label={t("banner")} />
      <main className="mx-auto max-w-6xl space-y-8 px-4 py-6">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="text-neutral-700">{t("intro")}</p>
        </div>
        <PreviewPicker query={{ ...query, site: siteId ?? undefined }} sites={sites} />
        <section aria-labelledby="preview-page" className="space-y-3">
          <h2 id="preview-page" className="text-xl font-semibold">
            {t("pageHeading", { page: t(`pages.${query.page}`) })}
          </h2>
          <PreviewFrames src={previewFramePath({ page: query.page, locale: query.locale, siteId })} pageName={t(`pages.${query.page}`)} />
        </section>
        {message && (
          <PreviewMessage
            kindName={t(`messages.${query.message}`)}
            email={message.email}
            emailSrc={`/dealer/preview/email?${emailQuery}`}
            sms={message.sms}
          />
        )}
      </main>
    </>
  );
}
