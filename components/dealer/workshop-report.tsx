import { useTranslations } from "next-intl";
import type { ReportItemForMechanics } from "@/lib/report/report-for-mechanics";
import { StaffFileList } from "@/components/dealer/staff-file";

type Props = { items: ReportItemForMechanics[] };

/** The report's side of the workshop view: what the advisor authorised, and what they shared. No prices. */
export function WorkshopReport({ items }: Props) {
  const t = useTranslations("dealer.workshop");
  return (
    <section aria-labelledby="report-work-heading">
      <h2 id="report-work-heading" className="text-lg font-semibold">
        {t("reportWork")}
      </h2>
      {items.length === 0 ? (
        <p className="text-neutral-700">{t("noReportWork")}</p>
      ) : (
        <ul className="mt-2 space-y-3">
          {items.map((item) => (
            <li key={item.key} data-report-item={item.title} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-neutral-200">
              <p className="font-medium">
                {item.title}
                <span className={`ml-2 text-sm font-semibold ${item.authorised ? "text-green-900" : "text-neutral-700"}`}>
                  {item.authorised ? t("authorised") : t("notAuthorised")}
                </span>
              </p>
              {item.description && <p className="whitespace-pre-line text-neutral-800">{item.description}</p>}
              {item.lines.length > 0 && (
                <ul className="mt-1 list-disc pl-5 text-sm">
                  {item.lines.map((line, index) => (
                    <li key={index}>
                      {line.title}
                      {line.quantityMilli !== 1000 && <span className="ml-2 tabular-nums">× {line.quantityMilli / 1000}</span>}
                    </li>
                  ))}
                </ul>
              )}
              {item.remarks.map((remark) => (
                <p key={remark.id} className="mt-2 rounded bg-neutral-50 p-2 text-sm">
                  <span className="font-medium">{t("customerRemark")}</span> {remark.body}
                </p>
              ))}
              <StaffFileList
                files={item.attachments}
                name={(file, n) => t(file.video ? "videoLabel" : "photoLabel", { n, title: item.title })}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
