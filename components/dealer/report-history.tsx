import { useFormatter, useTranslations } from "next-intl";
import type { ReportHistoryEntry } from "@/lib/report/report-history";

type Props = { entries: ReportHistoryEntry[]; timeZone: string };

/** Seed 004's customer communication history: every send and every answer, with when, who, where to and from which IP. */
export function ReportHistory({ entries, timeZone }: Props) {
  const t = useTranslations("dealer.report.history");
  const format = useFormatter();
  if (entries.length === 0) return <p className="text-neutral-700">{t("none")}</p>;
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-neutral-200">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-neutral-50 text-neutral-700">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t("when")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("what")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("name")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("address")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("ip")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200">
          {entries.map((e, index) => (
            <tr key={index}>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                <time dateTime={e.at.toISOString()}>{format.dateTime(e.at, { dateStyle: "short", timeStyle: "medium", timeZone })}</time>
              </td>
              <td className="px-3 py-2">
                {e.kind === "sent"
                  ? t("sent", { channel: e.channel, version: e.version ?? 0, staff: e.staffName ?? "—", status: e.status })
                  : t(e.kind)}
              </td>
              <td className="px-3 py-2">{e.name ?? "—"}</td>
              <td className="px-3 py-2">{e.address ?? "—"}</td>
              <td className="px-3 py-2 font-mono">{e.kind === "sent" ? "—" : (e.ip ?? "—")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
