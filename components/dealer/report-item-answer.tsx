import { useFormatter, useTranslations } from "next-intl";
import { ActionForm } from "@/components/dealer/action-form";
import { CheckinToggleForm } from "@/components/dealer/checkin-toggle-form";
import type { ReportItemActions } from "@/components/dealer/report-item-card";
import { StatusIcon, type IconName } from "@/components/dealer/status-icons";
import type { StaffReportItem } from "@/lib/report/report-for-staff";

type Props = { appointmentId: string; item: StaffReportItem; timeZone: string; actions: ReportItemActions };

const DECISION_ICON: Record<string, IconName> = { APPROVED: "cart", DECLINED: "ban", CONTACT: "phone" };
const button =
  "inline-flex min-h-11 min-w-11 items-center justify-center gap-1 rounded border px-2 text-sm font-medium disabled:opacity-60";

/**
 * Seed 004 after the answer: the customer's choice as an icon with words, the reminder date of a declined
 * item, the advisor's thumbs up/down (what the mechanic may do), pin and snooze. Toggles act at once
 * and are undone by pressing again.
 */
export function ReportItemAnswer({ appointmentId, item, timeZone, actions }: Props) {
  const t = useTranslations("dealer.report.answer");
  const format = useFormatter();
  const d = item.decision;
  const fields = { appointmentId, key: item.key };
  const common = { pendingLabel: t("saving"), failed: t("failed") };
  const date = (at: Date) => format.dateTime(at, { dateStyle: "medium", timeZone });
  const snoozed = d?.snoozedUntil && d.snoozedUntil > new Date() ? d.snoozedUntil : null;
  return (
    <div className="flex flex-wrap items-center gap-3 rounded bg-neutral-50 p-2" data-testid="item-answer">
      <p className="flex items-center gap-2 text-sm font-medium">
        {d?.decision ? (
          <>
            <StatusIcon name={DECISION_ICON[d.decision]!} className="h-5 w-5" />
            <span>{t(`decision.${d.decision}`)}</span>
          </>
        ) : (
          <span className="text-neutral-700">{t("noDecision")}</span>
        )}
        {d?.decision === "DECLINED" && d.remindAt && <span className="text-neutral-800">{t("remindAt", { date: date(d.remindAt) })}</span>}
        {d?.reason && <span className="text-neutral-800">“{d.reason}”</span>}
      </p>
      <div className="ml-auto flex flex-wrap items-center gap-2">
        {(["UP", "DOWN"] as const).map((value) => {
          const pressed = d?.authorization === value;
          return (
            <CheckinToggleForm
              key={value}
              action={actions.authorize}
              fields={{ ...fields, authorization: pressed ? "NONE" : value }}
              pressed={pressed}
              label={
                <>
                  <StatusIcon name={value === "UP" ? "thumbUp" : "thumbDown"} />
                  <span className="sr-only">{t(value === "UP" ? "authorize" : "refuse", { title: item.title })}</span>
                </>
              }
              className={`${button} ${
                pressed
                  ? value === "UP"
                    ? "border-green-800 bg-green-100 text-green-950"
                    : "border-red-800 bg-red-100 text-red-950"
                  : "border-neutral-500 bg-white"
              }`}
              {...common}
            />
          );
        })}
        <CheckinToggleForm
          action={actions.pin}
          fields={{ ...fields, pinned: String(!d?.pinned) }}
          pressed={d?.pinned ?? false}
          label={
            <>
              <StatusIcon name="pin" />
              <span className="sr-only">{t("pin", { title: item.title })}</span>
            </>
          }
          className={`${button} ${d?.pinned ? "border-blue-900 bg-blue-50 text-blue-950" : "border-neutral-500 bg-white"}`}
          {...common}
        />
        {snoozed ? (
          <CheckinToggleForm
            action={actions.snooze}
            fields={{ ...fields, days: "0" }}
            pressed
            label={
              <>
                <StatusIcon name="clock" />
                {t("snoozedUntil", { date: date(snoozed) })}
                <span className="sr-only">{t("wake", { title: item.title })}</span>
              </>
            }
            className={`${button} border-blue-900 bg-blue-50 text-blue-950`}
            {...common}
          />
        ) : (
          <ActionForm
            action={actions.snooze}
            fields={fields}
            submitLabel={t("snooze")}
            pendingLabel={t("saving")}
            failed={t("failed")}
            className="flex items-center gap-2"
            buttonClassName={`${button} border-neutral-500 bg-white`}
          >
            <label className="text-sm">
              <span className="sr-only">{t("snoozeFor", { title: item.title })}</span>
              <select name="days" defaultValue="1" className="min-h-11 rounded border border-neutral-500 px-1">
                {[1, 3, 7].map((days) => (
                  <option key={days} value={days}>
                    {t("days", { days })}
                  </option>
                ))}
              </select>
            </label>
          </ActionForm>
        )}
      </div>
    </div>
  );
}
