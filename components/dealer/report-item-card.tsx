import { useFormatter, useTranslations } from "next-intl";
import type { DoneAction } from "@/components/dealer/action-form";
import { CheckinToggleForm } from "@/components/dealer/checkin-toggle-form";
import { ReportItemAnswer } from "@/components/dealer/report-item-answer";
import { ReportItemForm } from "@/components/dealer/report-item-form";
import { ReportThread } from "@/components/dealer/report-thread";
import { StatusIcon } from "@/components/dealer/status-icons";
import { formatMoney } from "@/lib/money";
import type { StaffReportItem } from "@/lib/report/report-for-staff";
import { StaffFile } from "@/components/dealer/staff-file";

export type ReportItemActions = {
  save: DoneAction;
  setVisible: DoneAction;
  move: DoneAction;
  remove: DoneAction;
  removeAttachment: DoneAction;
  authorize: DoneAction;
  pin: DoneAction;
  snooze: DoneAction;
  markRead: DoneAction;
  reply: DoneAction;
  mechanicVisibility: DoneAction;
};

type Props = {
  appointmentId: string;
  item: StaffReportItem;
  currency: string;
  locale: string;
  timeZone: string;
  editable: boolean;
  uploadError: string | null;
  actions: ReportItemActions;
};

const button =
  "inline-flex min-h-11 min-w-11 items-center justify-center gap-1 rounded border px-2 text-sm font-medium disabled:opacity-60";

/**
 * One report item: what the customer gets (lines, photos, the eye), and once answered, what they said and
 * what the advisor did. Only necessary and recommended items take an answer (planned work is agreed
 * already, checked-OK items need none), so only they get the answer row.
 */
export function ReportItemCard({ appointmentId, item, currency, locale, timeZone, editable, uploadError, actions }: Props) {
  const t = useTranslations("dealer.report");
  const format = useFormatter();
  const fields = { appointmentId, key: item.key };
  const common = { pendingLabel: t("saving"), failed: t("failed") };
  return (
    <li
      id={`item-${item.key}`}
      data-report-item={item.title}
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-neutral-200"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h4 className="font-semibold">{item.title}</h4>
          {!item.visible && <p className="text-sm font-medium text-neutral-700">{t("hiddenFromCustomer")}</p>}
          {item.description && <p className="whitespace-pre-line text-neutral-800">{item.description}</p>}
        </div>
        {editable && (
          <div className="flex flex-wrap gap-2">
            <CheckinToggleForm
              action={actions.setVisible}
              fields={{ ...fields, visible: String(!item.visible) }}
              pressed={item.visible}
              label={
                <>
                  <StatusIcon name={item.visible ? "eye" : "eyeOff"} />
                  <span className="sr-only">{t("visibleToCustomer", { title: item.title })}</span>
                </>
              }
              className={`${button} ${item.visible ? "border-blue-900 bg-blue-50 text-blue-950" : "border-neutral-500 bg-white"}`}
              {...common}
            />
            {(["up", "down"] as const).map((direction) => (
              <CheckinToggleForm
                key={direction}
                action={actions.move}
                fields={{ ...fields, direction }}
                label={
                  <>
                    <StatusIcon name={direction === "up" ? "arrowUp" : "arrowDown"} />
                    <span className="sr-only">{t(direction === "up" ? "moveUp" : "moveDown", { title: item.title })}</span>
                  </>
                }
                className={`${button} border-neutral-500 bg-white`}
                {...common}
              />
            ))}
            <CheckinToggleForm
              action={actions.remove}
              fields={fields}
              label={
                <>
                  <StatusIcon name="x" />
                  <span className="sr-only">{t("remove", { title: item.title })}</span>
                </>
              }
              className={`${button} border-red-800 bg-white text-red-900`}
              {...common}
            />
          </div>
        )}
      </div>

      {item.lines.length > 0 && (
        <table className="w-full text-sm">
          <caption className="sr-only">{t("linesOf", { title: item.title })}</caption>
          <thead className="text-left text-neutral-700">
            <tr>
              <th scope="col" className="py-1 font-medium">
                {t("form.lineTitle")}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {t("form.quantity")}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {t("form.unitPrice")}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {t("form.vatRate")}
              </th>
            </tr>
          </thead>
          <tbody>
            {item.lines.map((line, index) => (
              <tr key={index} className="border-t border-neutral-200">
                <td className="py-1">{line.title}</td>
                <td className="py-1 text-right tabular-nums">{format.number(Number(line.quantity))}</td>
                <td className="py-1 text-right tabular-nums">{format.number(Number(line.unitPrice), { style: "currency", currency })}</td>
                <td className="py-1 text-right tabular-nums">
                  {format.number(Number(line.vatRate) / 100, { style: "percent", maximumFractionDigits: 2 })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {item.lines.length > 0 && (
        <p className="text-right text-sm font-semibold">
          {t("itemTotal", {
            gross: formatMoney(item.totals.grossMinor, currency, locale),
            vat: formatMoney(item.totals.vatMinor, currency, locale),
          })}
        </p>
      )}

      {item.attachments.length > 0 && (
        <ul className="flex flex-wrap gap-3">
          {item.attachments.map((file, index) => {
            const name = t(file.video ? "videoLabel" : "photoLabel", { n: index + 1, title: item.title });
            return (
              <li key={file.id} className="space-y-1">
                <StaffFile file={file} name={name} />
                <div className="flex gap-1">
                  <CheckinToggleForm
                    action={actions.mechanicVisibility}
                    fields={{ appointmentId, item: "attachment", id: file.id, visible: String(!file.visibleToMechanics) }}
                    pressed={file.visibleToMechanics}
                    label={
                      <>
                        <StatusIcon name="wrench" />
                        <span className="sr-only">{t("visibleToMechanics", { title: name })}</span>
                      </>
                    }
                    className={`${button} ${file.visibleToMechanics ? "border-blue-900 bg-blue-50 text-blue-950" : "border-neutral-500 bg-white"}`}
                    {...common}
                  />
                  {editable && (
                    <CheckinToggleForm
                      action={actions.removeAttachment}
                      fields={{ ...fields, assetId: file.assetId }}
                      label={
                        <>
                          <StatusIcon name="x" />
                          <span className="sr-only">{t("removeFile", { title: name })}</span>
                        </>
                      }
                      className={`${button} border-red-800 bg-white text-red-900`}
                      {...common}
                    />
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}

      {editable && (
        <form action="/files/report-upload" method="post" encType="multipart/form-data" className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="appointmentId" value={appointmentId} />
          <input type="hidden" name="key" value={item.key} />
          <label className="text-sm font-medium">
            {t("addFile", { title: item.title })}
            <input type="file" name="file" accept="image/*,video/*" required className="ml-2 text-sm" />
          </label>
          <button type="submit" className={`${button} border-neutral-800 bg-white`}>
            {t("upload")}
          </button>
          {uploadError && (
            <p role="alert" className="w-full text-sm text-red-900">
              {uploadError}
            </p>
          )}
        </form>
      )}

      {editable && (
        <details>
          <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-blue-900 underline">
            {t("edit", { title: item.title })}
          </summary>
          <div className="mt-2">
            <ReportItemForm appointmentId={appointmentId} item={item} action={actions.save} idPrefix={`edit-${item.key}`} />
          </div>
        </details>
      )}

      {item.sent && (item.category === "NECESSARY" || item.category === "RECOMMENDED") && (
        <ReportItemAnswer appointmentId={appointmentId} item={item} timeZone={timeZone} actions={actions} />
      )}
      {item.sent && <ReportThread appointmentId={appointmentId} item={item} timeZone={timeZone} actions={actions} />}
    </li>
  );
}
