import { useTranslations } from "next-intl";
import type { CheckinHandlingActions } from "@/components/dealer/checkin-answer";
import { CheckinAttachments, toggleClass } from "@/components/dealer/checkin-attachments";
import { CheckinToggleForm } from "@/components/dealer/checkin-toggle-form";
import { StatusIcon } from "@/components/dealer/status-icons";
import type { CheckinAnswerForStaff } from "@/lib/checkin/checkin-answer-for-staff";

type Props = {
  appointmentId: string;
  remark: CheckinAnswerForStaff["comments"][number];
  canConvert: boolean;
  actions: CheckinHandlingActions;
};

/** One customer remark with its files and the advisor's toggles; converting it asks for confirmation first (seed 003). */
export function CheckinRemark({ appointmentId, remark: c, canConvert, actions }: Props) {
  const t = useTranslations("dealer.checkinAnswer");
  const item = { appointmentId, item: "comment", itemId: c.id };
  return (
    <li data-checkin-item={c.title} className="space-y-2 py-3">
      <p className="font-medium">{c.title}</p>
      {c.description && <p className="whitespace-pre-line text-neutral-800">{c.description}</p>}
      {c.attachments.length > 0 && (
        <CheckinAttachments
          appointmentId={appointmentId}
          remarkTitle={c.title}
          attachments={c.attachments}
          setVisible={actions.setVisible}
        />
      )}
      <div className="flex flex-wrap items-start gap-2">
        <CheckinToggleForm
          action={actions.setHandled}
          fields={{ ...item, handled: String(!c.handled) }}
          pressed={c.handled}
          pendingLabel={t("saving")}
          failed={t("failed")}
          className={toggleClass(c.handled)}
          label={
            <>
              <StatusIcon name={c.handled ? "check" : "circle"} />
              {t("handled")}
              <span className="sr-only"> — {c.title}</span>
            </>
          }
        />
        <CheckinToggleForm
          action={actions.setVisible}
          fields={{ ...item, visible: String(!c.visibleToMechanics) }}
          pressed={c.visibleToMechanics}
          pendingLabel={t("saving")}
          failed={t("failed")}
          className={toggleClass(c.visibleToMechanics)}
          label={
            <>
              <StatusIcon name="eye" />
              {t("visibleToMechanics")}
              <span className="sr-only"> — {c.title}</span>
            </>
          }
        />
        {c.convertedLineId ? (
          <span className="inline-flex min-h-11 items-center gap-1.5 text-sm font-medium text-green-900">
            <StatusIcon name="wrench" />
            {t("converted")}
          </span>
        ) : (
          canConvert && (
            <details className="rounded border border-neutral-300 bg-white px-3">
              <summary className="inline-flex min-h-11 cursor-pointer items-center gap-1.5 text-sm font-semibold">
                <StatusIcon name="wrench" />
                {t("convertRemark")}
                <span className="sr-only"> — {c.title}</span>
              </summary>
              <div className="space-y-2 pb-3">
                <p className="max-w-prose text-sm">{t("convertRemarkExplain", { title: c.title })}</p>
                <CheckinToggleForm
                  action={actions.convert}
                  fields={item}
                  pendingLabel={t("saving")}
                  failed={t("failed")}
                  className="min-h-11 rounded bg-neutral-900 px-3 text-sm font-semibold text-white disabled:opacity-60"
                  label={t("convertRemarkConfirm")}
                />
              </div>
            </details>
          )
        )}
      </div>
    </li>
  );
}
