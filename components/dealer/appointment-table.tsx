import { useFormatter, useTranslations } from "next-intl";
import type { AppointmentListRow } from "@/lib/appointments/list-appointments-for-dealer";

/** A dense list of appointments with status words (not colour alone). */
export function AppointmentTable({ caption, rows }: { caption: string; rows: AppointmentListRow[] }) {
  const t = useTranslations("dealer");
  const format = useFormatter();
  return (
    <section>
      <h2 className="mb-2 text-lg font-semibold">{caption}</h2>
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
                <tr key={row.id} data-appointment={row.externalId}>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                    {format.dateTime(row.startsAt, { dateStyle: "medium", timeStyle: "short", timeZone: row.timeZone })}
                  </td>
                  <td className="px-3 py-2 font-medium">
                    <a href={`/dealer/appointments/${row.id}`} className="underline underline-offset-2">
                      {row.customerName}
                    </a>
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
