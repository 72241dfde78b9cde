import type { ComponentProps } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { OpenedBeacon } from "@/components/customer/opened-beacon";
import { ReportAnswers } from "@/components/customer/report-answers";
import { ReportWelcome } from "@/components/customer/report-welcome";
import type { Locale } from "@/lib/i18n/locales";
import type { ReportView } from "@/lib/report/get-report-by-token";
import { signedAssetUrl } from "@/lib/uploads/signed-url";

/** The server actions behind the report's forms: the link's own, or the preview's, which write nothing. */
export type ReportActions = {
  markOpened: ComponentProps<typeof OpenedBeacon>["action"];
  decide: ComponentProps<typeof ReportAnswers>["decideAction"];
  ask: ComponentProps<typeof ReportAnswers>["askAction"];
  submit: ComponentProps<typeof ReportAnswers>["submitAction"];
};

type Props = { token: string; view: ReportView; locale: Locale; actions: ReportActions };

/**
 * The diagnostic report (seed 004) as the customer sees it: welcome, the items by category with an
 * answer each, the summary. Rendered by the link's page, and by the marketing preview with sample data.
 */
export async function ReportPageBody({ token, view, locale, actions }: Props) {
  const [t, format] = await Promise.all([getTranslations({ locale, namespace: "report" }), getFormatter({ locale })]);
  const timeZone = view.brand.site.timeZone;
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone });
  const ok = view.items.filter((item) => item.category === "OK").length;

  return (
    <div className="space-y-6 pb-20 lg:pb-0">
      <ReportWelcome view={view} locale={locale} />
      <OpenedBeacon token={token} action={actions.markOpened} />
      <ReportAnswers
        token={token}
        version={view.version}
        locale={locale}
        currency={view.currency}
        showPrices={view.brand.site.showPrices}
        finalComment={view.finalComment ?? ""}
        // Only what the client renders: these props are serialized into the page twice (HTML and flight data).
        items={view.items.map((item) => ({
          key: item.key,
          category: item.category,
          title: item.title,
          description: item.description,
          lines: item.lines,
          totals: { grossMinor: item.totals.grossMinor },
          decision: item.decision,
          reason: item.reason,
          change: item.change,
          remindLabel: item.remindAt ? t("remindOn", { date: format.dateTime(item.remindAt, { dateStyle: "long", timeZone }) }) : null,
          files: item.attachments.map(({ assetId, contentType }) => ({
            assetId,
            isVideo: contentType.startsWith("video/"),
            url: signedAssetUrl({ assetId }),
            thumbUrl: contentType.startsWith("image/") ? signedAssetUrl({ assetId, variant: "thumb" }) : null,
          })),
          messages: item.messages.map((m) => ({ id: m.id, mine: m.author === "CUSTOMER", body: m.body, time: when(m.createdAt) })),
        }))}
        decideAction={actions.decide}
        askAction={actions.ask}
        submitAction={actions.submit}
        labels={{
          categories: { NECESSARY: t("category.NECESSARY"), RECOMMENDED: t("category.RECOMMENDED"), PLANNED: t("category.PLANNED") },
          checkedOk: t("checkedOk", { count: ok }),
          finalHeading: t("final.heading"),
          finalComment: t("final.comment"),
          submit: t("final.submit"),
          sending: t("final.sending"),
          stale: t("stale"),
          failed: t("failed"),
          item: {
            repair: t("answer.repair"),
            decline: t("answer.decline"),
            disagree: t("answer.disagree"),
            contact: t("answer.contact"),
            declineConfirm: t("answer.declineConfirm"),
            reason: t("answer.reason"),
            reasonDisagree: t("answer.reasonDisagree"),
            remind: t("answer.remind"),
            remindNone: t("answer.remindNone"),
            remindMonths: {
              "1": t("answer.remindMonths", { months: 1 }),
              "3": t("answer.remindMonths", { months: 3 }),
              "6": t("answer.remindMonths", { months: 6 }),
            },
            ask: t("answer.ask"),
            question: t("answer.question"),
            send: t("answer.send"),
            you: t("answer.you"),
            advisor: view.advisorName ?? t("answer.advisor"),
            newItem: t("answer.newItem"),
            priceChanged: t.raw("answer.priceChanged") as string,
            agreed: t("answer.agreed"),
            photo: t("answer.photo"),
            video: t("answer.video"),
            yourAnswer: t("answer.yourAnswer"),
            decisions: { APPROVED: t("decision.APPROVED"), DECLINED: t("decision.DECLINED"), CONTACT: t("decision.CONTACT") },
          },
          summary: {
            heading: t("summary.heading"),
            planned: t("summary.planned"),
            approved: t("summary.approved"),
            contact: t("summary.contact"),
            nothing: t("summary.nothing"),
            budget: t("summary.budget"),
            vat: t("summary.vat"),
            show: t("summary.show"),
          },
        }}
      />
    </div>
  );
}
