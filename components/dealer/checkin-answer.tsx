import { useFormatter, useTranslations } from "next-intl";
import type { CheckinAnswerForStaff } from "@/lib/checkin/checkin-answer-for-staff";
import { formatMoney } from "@/lib/money";

type Props = { answer: CheckinAnswerForStaff; currency: string; locale: string; timeZone: string };

/** The customer's answer, first on the appointment page: choices, remarks, changes, corrections. */
export function CheckinAnswer({ answer, currency, locale, timeZone }: Props) {
  const t = useTranslations("dealer.checkinAnswer");
  const format = useFormatter();
  return (
    <div className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-blue-300">
      <p className="text-sm text-neutral-700">
        {t("submitted", {
          revision: answer.number,
          time: answer.submittedAt ? format.dateTime(answer.submittedAt, { dateStyle: "medium", timeStyle: "short", timeZone }) : "—",
        })}
        {answer.terms && ` · ${t("terms", { version: answer.terms.version, locale: answer.terms.locale })}`}
      </p>
      {answer.changes && (answer.changes.added.length > 0 || answer.changes.removed.length > 0) && (
        <p className="rounded bg-amber-50 p-2 text-sm text-amber-950">
          {t("changed", { previous: answer.changes.previousNumber })}{" "}
          {answer.changes.added.length > 0 && t("added", { items: answer.changes.added.join(", ") })}{" "}
          {answer.changes.removed.length > 0 && t("removed", { items: answer.changes.removed.join(", ") })}
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
          <ul className="mt-1 list-inside list-disc">
            {answer.selections.map((s) => (
              <li key={s.id}>
                {s.title} · {formatMoney(s.unitPriceMinor, currency, locale)} {t("exclVat")}
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
          <ul className="mt-1 space-y-2">
            {answer.comments.map((c) => (
              <li key={c.id}>
                <p className="font-medium">{c.title}</p>
                {c.description && <p className="whitespace-pre-line text-neutral-800">{c.description}</p>}
                {c.attachments.length > 0 && (
                  <p className="text-sm text-neutral-700">{t("attachments", { count: c.attachments.length })}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
