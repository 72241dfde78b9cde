import { useFormatter, useTranslations } from "next-intl";
import { StatusIcon } from "@/components/dealer/status-icons";
import type { AppointmentListRow } from "@/lib/appointments/list-appointments-for-dealer";

type Props = {
  caption: string;
  rows: AppointmentListRow[];
  /** Where a row leads: the advisor's appointment page, or the workshop view for mechanics. */
  href: (id: string) => string;
  /** The pinned group (seed 003 step 3, seed 004): check-in answers to handle, report answers to authorise. */
  pinned?: boolean;
};

/**
 * A dense list of appointments with status words (not colour alone). An answered check-in highlights the
 * customer's name (seed 003 step 5); once all its items are handled, the date carries a "checked in
 * online" icon.
 */
export function AppointmentTable({ caption, rows, href, pinned = false }: Props) {
  const t = useTranslations("dealer");
  const format = useFormatter();
  return (
    <section>
      <h2 className="mb-2 flex items-center gap-2 text-lg font-semibold">
        {pinned && <StatusIcon name="pin" className="h-5 w-5" />}
        {caption}
      </h2>
      {rows.length === 0 ? (
        <p className="text-neutral-700">{t("home.none")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-neutral-200">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{caption}</caption>
            <thead className="bg-neutral-50 text-neutral-700">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("home.time")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("home.customer")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("home.car")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("home.site")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("home.status")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("home.checkin")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-200">
              {rows.map((row) => (
                <tr key={row.id} data-appointment={row.externalId} className={pinned ? "bg-blue-50/60" : undefined}>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                    <span className="inline-flex items-center gap-1.5">
                      {format.dateTime(row.startsAt, { dateStyle: "medium", timeStyle: "short", timeZone: row.timeZone })}
                      {row.checkinAnswer === "handled" && (
                        <span title={t("home.checkedInOnline")} className="inline-flex text-green-800">
                          <StatusIcon name="phoneCheck" />
                          <span className="sr-only">{t("home.checkedInOnline")}</span>
                        </span>
                      )}
                    </span>
                  </td>
                  <td className="px-3 py-2 font-medium">
                    <span className="inline-flex items-center gap-1.5">
                      {row.reportAnswer === "open" && (
                        <span title={t("home.reportToAuthorise")} className="inline-flex text-blue-900">
                          <StatusIcon name="thumbUp" />
                          <span className="sr-only">{t("home.reportToAuthorise")}</span>
                        </span>
                      )}
                      {row.checkinAnswer === "open" && (
                        <span title={t("home.toHandle")} className="inline-flex text-blue-900">
                          <StatusIcon name="pin" />
                          <span className="sr-only">{t("home.toHandle")}</span>
                        </span>
                      )}
                      <a
                        href={href(row.id)}
                        className={`underline underline-offset-2 ${row.checkinAnswer || row.reportAnswer ? "rounded bg-blue-100 px-1 text-blue-950" : ""}`}
                      >
                        {row.customerName}
                      </a>
                    </span>
                  </td>
                  <td className="px-3 py-2">
                    {row.car}
                    {row.registration && <span className="ml-2 text-neutral-600">{row.registration}</span>}
                  </td>
                  <td className="px-3 py-2">{row.siteName}</td>
                  <td className="px-3 py-2">{t(`appointmentStatus.${row.status}`)}</td>
                  <td className="px-3 py-2">{t(`checkinState.${row.checkinState ?? "NONE"}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
