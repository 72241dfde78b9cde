import type { ComponentProps } from "react";
import { getTranslations } from "next-intl/server";
import { AppointmentDetails } from "@/components/customer/appointment-details";
import { ConfirmSection } from "@/components/customer/confirm-section";
import { ContactCorrection } from "@/components/customer/contact-correction";
import { DealerWelcome } from "@/components/customer/dealer-welcome";
import { ExtrasAndSummary } from "@/components/customer/extras-and-summary";
import { OpenedBeacon } from "@/components/customer/opened-beacon";
import { PlannedWorkList } from "@/components/customer/planned-work-list";
import { RemarksSection } from "@/components/customer/remarks-section";
import type { OfferedService } from "@/lib/checkin/offered-services";
import type { CheckinView } from "@/lib/checkin/get-checkin-by-token";
import { MAX_COMMENTS } from "@/lib/checkin/answer-checkin";
import type { DealerTerms } from "@/lib/dealers/dealer-cache";
import type { Locale } from "@/lib/i18n/locales";
import type { UploadLimits } from "@/lib/uploads/limits";
import { signedAssetUrl } from "@/lib/uploads/signed-url";

/** Why a remark posted without JavaScript was refused (set by /files/checkin-remark's redirect). */
export const REMARK_REFUSALS = [
  "unsupported",
  "heic",
  "too_large",
  "unreadable",
  "too_many_files",
  "too_many_comments",
  "rate_limited",
  "title_required",
  "too_long",
] as const;

/** The server actions behind the page's forms: the link's own, or the preview's, which write nothing. */
export type CheckinActions = {
  correctContact: ComponentProps<typeof ContactCorrection>["action"];
  markOpened: ComponentProps<typeof OpenedBeacon>["action"];
  toggleService: ComponentProps<typeof ExtrasAndSummary>["action"];
  addComment: ComponentProps<typeof RemarksSection>["addAction"];
  removeComment: ComponentProps<typeof RemarksSection>["removeAction"];
  confirm: ComponentProps<typeof ConfirmSection>["action"];
};

type Props = {
  token: string;
  view: CheckinView;
  locale: Locale;
  services: OfferedService[];
  terms: DealerTerms | null;
  limits: UploadLimits;
  refusedCode?: (typeof REMARK_REFUSALS)[number];
  actions: CheckinActions;
};

/**
 * The online check-in (seed 003) as the customer sees it: one page, four numbered sections and a sticky
 * summary. Rendered by the link's page, and by the marketing preview with sample data.
 */
export async function CheckinPageBody({ token, view, locale, services, terms, limits, refusedCode, actions }: Props) {
  const t = await getTranslations({ locale, namespace: "checkin" });
  const { answer } = view;
  const sizes = {
    imageMb: limits.maxImageBytes / 2 ** 20,
    videoMb: limits.maxVideoBytes / 2 ** 20,
    maxFiles: limits.maxFilesPerComment,
  };

  return (
    <div className="space-y-5 pb-16 sm:pb-0">
      <DealerWelcome brand={view.brand} locale={locale}>
        <h1 className="text-2xl font-bold">{t("welcome", { firstName: view.contact?.firstName ?? "" })}</h1>
        <p className="mt-1 text-neutral-700">{t("intro")}</p>
      </DealerWelcome>
      <AppointmentDetails view={view} corrected={{ email: answer.correctedEmail, phone: answer.correctedPhone }}>
        <ContactCorrection
          token={token}
          email={answer.correctedEmail ?? view.contact?.email ?? ""}
          phone={answer.correctedPhone ?? view.contact?.phone ?? ""}
          action={actions.correctContact}
          labels={{
            change: t("contact.change"),
            email: t("email"),
            phone: t("phone"),
            save: t("contact.save"),
            saving: t("contact.saving"),
            saved: t("contact.saved"),
            errors: { email: t("contact.errors.email"), phone: t("contact.errors.phone") },
          }}
        />
      </AppointmentDetails>
      <OpenedBeacon token={token} action={actions.markOpened} />
      <PlannedWorkList view={view} locale={locale} />
      <ExtrasAndSummary
        token={token}
        locale={locale}
        currency={view.appointment.currency}
        showPrices={view.brand.site.showPrices}
        planned={view.plannedWork}
        services={services}
        selectedIds={answer.selections.map((s) => s.optionalServiceId)}
        action={actions.toggleService}
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
        comments={answer.comments.map((comment) => ({
          ...comment,
          attachments: comment.attachments.map(({ assetId, contentType }) => ({
            assetId,
            isVideo: contentType.startsWith("video/"),
            url: signedAssetUrl({ assetId }),
            thumbUrl: contentType.startsWith("image/") ? signedAssetUrl({ assetId, variant: "thumb" }) : null,
          })),
        }))}
        maxFiles={limits.maxFilesPerComment}
        refusedCode={refusedCode}
        addAction={actions.addComment}
        removeAction={actions.removeComment}
        labels={{
          heading: t("remarks.heading"),
          intro: t("remarks.intro"),
          title: t("remarks.title"),
          description: t("remarks.description"),
          files: t("remarks.files"),
          filesHint: t("remarks.filesHint", sizes),
          add: t("remarks.add"),
          adding: t("remarks.adding"),
          uploading: t("remarks.uploading"),
          removeFile: t("remarks.removeFile"),
          waitForUploads: t("remarks.waitForUploads"),
          photo: t("remarks.photo"),
          video: t("remarks.video"),
          remove: t("remarks.remove"),
          errors: {
            required: t("remarks.errors.required"),
            tooLong: t("remarks.errors.tooLong"),
            invalid: t("remarks.errors.invalid"),
            title_required: t("remarks.errors.required"),
            too_long: t("remarks.errors.tooLong"),
            unsupported: t("remarks.errors.unsupported"),
            heic: t("remarks.errors.heic"),
            too_large: t("remarks.errors.tooLarge", sizes),
            unreadable: t("remarks.errors.unreadable"),
            too_many_files: t("remarks.errors.tooManyFiles", sizes),
            too_many_comments: t("remarks.errors.tooManyComments", { max: MAX_COMMENTS }),
            rate_limited: t("remarks.errors.rateLimited"),
            failed: t("remarks.errors.failed"),
          },
        }}
      />
      <ConfirmSection
        token={token}
        terms={terms}
        action={actions.confirm}
        labels={{
          heading: t("confirm.heading"),
          termsSummary: t.raw("confirm.termsSummary") as string,
          accept: t("confirm.accept"),
          confirm: t("confirm.confirm"),
          confirming: t("confirm.confirming"),
          mustAccept: t("confirm.mustAccept"),
          termsChanged: t("confirm.termsChanged"),
          failed: t("confirm.failed"),
        }}
      />
    </div>
  );
}
