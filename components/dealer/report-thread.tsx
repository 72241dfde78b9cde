import { useFormatter, useTranslations } from "next-intl";
import { ActionForm } from "@/components/dealer/action-form";
import { CheckinToggleForm } from "@/components/dealer/checkin-toggle-form";
import type { ReportItemActions } from "@/components/dealer/report-item-card";
import { StatusIcon } from "@/components/dealer/status-icons";
import type { StaffReportItem } from "@/lib/report/report-for-staff";

type Props = { appointmentId: string; item: StaffReportItem; timeZone: string; actions: ReportItemActions };

const button =
  "inline-flex min-h-11 min-w-11 items-center justify-center gap-1 rounded border px-2 text-sm font-medium disabled:opacity-60";

/** Seed 004's communication log per item: the customer's questions (read with the cross, shareable with the workshop) and the advisor's replies. */
export function ReportThread({ appointmentId, item, timeZone, actions }: Props) {
  const t = useTranslations("dealer.report.thread");
  const format = useFormatter();
  const common = { pendingLabel: t("saving"), failed: t("failed") };
  return (
    <div className="space-y-2">
      {item.messages.length > 0 && (
        <ul aria-label={t("label", { title: item.title })} className="space-y-2">
          {item.messages.map((m) => {
            const customer = m.author === "CUSTOMER";
            return (
              <li
                key={m.id}
                data-message={m.body}
                className={`flex flex-wrap items-start gap-2 rounded p-2 text-sm ${customer ? (m.readAt ? "bg-neutral-50" : "bg-amber-50 ring-1 ring-amber-700") : "ml-8 bg-blue-50"}`}
              >
                <div className="min-w-0 flex-1">
                  <p className="font-medium">
                    {customer ? t("customer") : t("staff")} ·{" "}
                    <time dateTime={m.createdAt.toISOString()}>
                      {format.dateTime(m.createdAt, { dateStyle: "short", timeStyle: "short", timeZone })}
                    </time>
                    {customer && !m.readAt && <span className="ml-2 font-semibold text-amber-950">{t("unread")}</span>}
                  </p>
                  <p className="whitespace-pre-line">{m.body}</p>
                </div>
                {customer && (
                  <div className="flex gap-1">
                    <CheckinToggleForm
                      action={actions.markRead}
                      fields={{ appointmentId, messageId: m.id, read: String(!m.readAt) }}
                      pressed={m.readAt !== null}
                      label={
                        <>
                          <StatusIcon name={m.readAt ? "check" : "x"} />
                          <span className="sr-only">{t("markRead", { title: item.title })}</span>
                        </>
                      }
                      className={`${button} ${m.readAt ? "border-green-800 bg-green-50 text-green-950" : "border-neutral-500 bg-white"}`}
                      {...common}
                    />
                    <CheckinToggleForm
                      action={actions.mechanicVisibility}
                      fields={{ appointmentId, item: "message", id: m.id, visible: String(!m.visibleToMechanics) }}
                      pressed={m.visibleToMechanics}
                      label={
                        <>
                          <StatusIcon name="wrench" />
                          <span className="sr-only">{t("visibleToMechanics", { title: item.title })}</span>
                        </>
                      }
                      className={`${button} ${m.visibleToMechanics ? "border-blue-900 bg-blue-50 text-blue-950" : "border-neutral-500 bg-white"}`}
                      {...common}
                    />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {item.messages.some((m) => m.author === "CUSTOMER") && (
        <ActionForm
          action={actions.reply}
          fields={{ appointmentId, key: item.key }}
          submitLabel={t("reply")}
          pendingLabel={t("saving")}
          failed={t("failed")}
          className="flex flex-wrap items-end gap-2"
          buttonClassName={`${button} border-neutral-800 bg-white`}
        >
          <label className="flex-1 text-sm font-medium">
            {t("replyTo", { title: item.title })}
            <textarea
              name="body"
              rows={1}
              required
              maxLength={2000}
              className="mt-1 block w-full rounded border border-neutral-500 px-2 py-1.5"
            />
          </label>
        </ActionForm>
      )}
    </div>
  );
}
