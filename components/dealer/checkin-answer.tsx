import { useFormatter, useTranslations } from "next-intl";
import { toggleClass } from "@/components/dealer/checkin-attachments";
import { CheckinRemark } from "@/components/dealer/checkin-remark";
import { CheckinToggleForm, type CheckinItemAction } from "@/components/dealer/checkin-toggle-form";
import { StatusIcon } from "@/components/dealer/status-icons";
import type { CheckinAnswerForStaff } from "@/lib/checkin/checkin-answer-for-staff";
import { formatMoney } from "@/lib/money";

export type CheckinHandlingActions = { setHandled: CheckinItemAction; setVisible: CheckinItemAction; convert: CheckinItemAction };

type Props = {
  appointmentId: string;
  answer: CheckinAnswerForStaff;
  currency: string;
  locale: string;
  timeZone: string;
  /** Converting adds work: only while the appointment is open. */
  canConvert: boolean;
  actions: CheckinHandlingActions;
};

/**
 * The customer's answer, first on the appointment page (seed 003 steps 3–4): choices and remarks with
 * their photos, what changed since the answer before, and per item the advisor's handled toggle and
 * "convert to job"; per remark and file, "visible to mechanics".
 */
export function CheckinAnswer({ appointmentId, answer, currency, locale, timeZone, canConvert, actions }: Props) {
  const t = useTranslations("dealer.checkinAnswer");
  const format = useFormatter();
  const items = [...answer.selections, ...answer.comments];
  const handled = items.filter((i) => i.handled).length;
  const changes = answer.changes;
  const changed = changes && [changes.added, changes.removed, changes.addedRemarks, changes.removedRemarks].some((list) => list.length > 0);
  return (
    <div className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-blue-300">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm text-neutral-700">
          {t("submitted", {
            revision: answer.number,
            time: answer.submittedAt ? format.dateTime(answer.submittedAt, { dateStyle: "medium", timeStyle: "short", timeZone }) : "—",
          })}
        </p>
        {items.length > 0 && (
          <p className="inline-flex items-center gap-1 text-sm font-semibold" data-testid="handled-count">
            <StatusIcon name={handled === items.length ? "check" : "circle"} />
            {t("handledCount", { handled, total: items.length })}
          </p>
        )}
      </div>
      {answer.terms && (
        // Which exact text the customer agreed to, and when: versions are never edited once published.
        <p className="text-sm text-neutral-700" data-testid="checkin-terms">
          {t("terms", {
            title: answer.terms.title,
            version: answer.terms.version,
            locale: answer.terms.locale,
            time: answer.termsAcceptedAt
              ? format.dateTime(answer.termsAcceptedAt, { dateStyle: "medium", timeStyle: "short", timeZone })
              : "—",
          })}
        </p>
      )}
      {changes && changed && (
        <p className="rounded bg-amber-50 p-2 text-sm text-amber-950">
          {t("changed", { previous: changes.previousNumber })} {changes.added.length > 0 && t("added", { items: changes.added.join(", ") })}{" "}
          {changes.removed.length > 0 && t("removed", { items: changes.removed.join(", ") })}{" "}
          {changes.addedRemarks.length > 0 && t("addedRemarks", { items: changes.addedRemarks.join(", ") })}{" "}
          {changes.removedRemarks.length > 0 && t("removedRemarks", { items: changes.removedRemarks.join(", ") })}
        </p>
      )}
      {(answer.correctedEmail || answer.correctedPhone) && (
        <p className="rounded bg-amber-50 p-2 text-sm font-medium text-amber-950">
          {t("corrected")} {[answer.correctedEmail, answer.correctedPhone].filter(Boolean).join(" · ")}
        </p>
      )}
      <div>
        <h3 className="font-semibold">{t("extras")}</h3>
        {answer.selections.length === 0 ? (
          <p className="text-neutral-700">{t("noExtras")}</p>
        ) : (
          <ul className="mt-1 divide-y divide-neutral-200">
            {answer.selections.map((s) => (
              <li key={s.id} data-checkin-item={s.title} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{s.title}</span> · {formatMoney(s.unitPriceMinor, currency, locale)} {t("exclVat")}
                </span>
                <span className="flex flex-wrap items-start gap-2">
                  <CheckinToggleForm
                    action={actions.setHandled}
                    fields={{ appointmentId, item: "selection", itemId: s.id, handled: String(!s.handled) }}
                    pressed={s.handled}
                    pendingLabel={t("saving")}
                    failed={t("failed")}
                    className={toggleClass(s.handled)}
                    label={
                      <>
                        <StatusIcon name={s.handled ? "check" : "circle"} />
                        {t("handled")}
                        <span className="sr-only"> — {s.title}</span>
                      </>
                    }
                  />
                  {s.convertedLineId ? (
                    <span className="inline-flex min-h-11 items-center gap-1.5 text-sm font-medium text-green-900">
                      <StatusIcon name="wrench" />
                      {t("converted")}
                    </span>
                  ) : (
                    canConvert && (
                      <CheckinToggleForm
                        action={actions.convert}
                        fields={{ appointmentId, item: "selection", itemId: s.id }}
                        pendingLabel={t("saving")}
                        failed={t("failed")}
                        className="inline-flex min-h-11 items-center gap-1.5 rounded border border-neutral-800 bg-white px-3 text-sm font-semibold disabled:opacity-60"
                        label={
                          <>
                            <StatusIcon name="wrench" />
                            {t("convert")}
                            <span className="sr-only"> — {s.title}</span>
                          </>
                        }
                      />
                    )
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h3 className="font-semibold">{t("remarks")}</h3>
        {answer.comments.length === 0 ? (
          <p className="text-neutral-700">{t("noRemarks")}</p>
        ) : (
          <ul className="mt-1 divide-y divide-neutral-200">
            {answer.comments.map((c) => (
              <CheckinRemark key={c.id} appointmentId={appointmentId} remark={c} canConvert={canConvert} actions={actions} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
