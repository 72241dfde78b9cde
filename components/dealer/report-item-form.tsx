import { useTranslations } from "next-intl";
import { ActionForm, type DoneAction } from "@/components/dealer/action-form";
import type { StaffReportItem } from "@/lib/report/report-for-staff";

const CATEGORIES = ["PLANNED", "NECESSARY", "RECOMMENDED", "OK"] as const;
/** Spare blank rows for new lines: a plain form cannot add rows without a script. */
const SPARE_LINES = 2;

type Props = { appointmentId: string; item: StaffReportItem | null; action: DoneAction; idPrefix: string };

const input = "mt-1 block w-full rounded border border-neutral-500 px-2 py-1.5";

/** Add an item, or edit one (its key, place and photos are kept). A line whose title is emptied is removed. */
export function ReportItemForm({ appointmentId, item, action, idPrefix }: Props) {
  const t = useTranslations("dealer.report.form");
  const lines = [...(item?.lines ?? []), ...Array.from({ length: SPARE_LINES }, () => null)];
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <ActionForm
      action={action}
      fields={{ appointmentId, ...(item ? { key: item.key } : {}) }}
      submitLabel={item ? t("save") : t("add")}
      pendingLabel={t("saving")}
      failed={t("failed")}
      className="space-y-3"
    >
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
        <label htmlFor={id("category")} className="text-sm font-medium">
          {t("category")}
          <select id={id("category")} name="category" defaultValue={item?.category ?? "NECESSARY"} className={input}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={id("title")} className="text-sm font-medium">
          {t("title")}
          <input id={id("title")} name="title" required maxLength={200} defaultValue={item?.title ?? ""} className={input} />
        </label>
      </div>
      <label htmlFor={id("description")} className="block text-sm font-medium">
        {t("description")}
        <textarea
          id={id("description")}
          name="description"
          rows={2}
          maxLength={4000}
          defaultValue={item?.description ?? ""}
          className={input}
        />
      </label>
      <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="visible" defaultChecked={item?.visible ?? true} className="h-5 w-5" />
        {t("visible")}
      </label>
      <fieldset>
        <legend className="text-sm font-medium">{t("lines")}</legend>
        <p className="text-sm text-neutral-700">{t("linesHint")}</p>
        <table className="mt-1 w-full text-sm">
          <thead>
            <tr className="text-left">
              <th scope="col" className="py-1 pr-2 font-medium">
                {t("lineTitle")}
              </th>
              <th scope="col" className="w-24 py-1 pr-2 font-medium">
                {t("quantity")}
              </th>
              <th scope="col" className="w-32 py-1 pr-2 font-medium">
                {t("unitPrice")}
              </th>
              <th scope="col" className="w-24 py-1 font-medium">
                {t("vatRate")}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, index) => (
              <tr key={index}>
                <td className="py-1 pr-2">
                  <input
                    name="lineTitle"
                    aria-label={t("lineTitleN", { n: index + 1 })}
                    defaultValue={line?.title ?? ""}
                    className={input}
                  />
                </td>
                <td className="py-1 pr-2">
                  <input
                    name="lineQuantity"
                    inputMode="decimal"
                    aria-label={t("quantityN", { n: index + 1 })}
                    defaultValue={line?.quantity ?? "1"}
                    className={input}
                  />
                </td>
                <td className="py-1 pr-2">
                  <input
                    name="linePrice"
                    inputMode="decimal"
                    aria-label={t("unitPriceN", { n: index + 1 })}
                    defaultValue={line?.unitPrice ?? ""}
                    className={input}
                  />
                </td>
                <td className="py-1">
                  <input
                    name="lineVat"
                    inputMode="decimal"
                    aria-label={t("vatRateN", { n: index + 1 })}
                    defaultValue={line?.vatRate ?? "21"}
                    className={input}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
    </ActionForm>
  );
}
