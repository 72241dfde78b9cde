import { useFormatter, useTranslations } from "next-intl";
import { HistoryValueText } from "@/components/dealer/history-value";
import type { HistoryEntry } from "@/lib/dealers/settings-history";

type Props = { entries: HistoryEntry[]; timeZone: string };

/** Settings changes, newest first: when, what and which record, by whom, and each field before → after. */
export function HistoryList({ entries, timeZone }: Props) {
  const t = useTranslations("settingsHistory");
  if (entries.length === 0) return <p className="text-neutral-700">{t("empty")}</p>;
  return (
    <ol aria-label={t("list")} className="space-y-3">
      {entries.map((entry) => (
        <HistoryItem key={entry.id} entry={entry} timeZone={timeZone} />
      ))}
    </ol>
  );
}

function HistoryItem({ entry, timeZone }: { entry: HistoryEntry; timeZone: string }) {
  const t = useTranslations("settingsHistory");
  const format = useFormatter();
  // A creation has nothing before and a deletion nothing after: a column of "(empty)" would say nothing.
  const showBefore = entry.change !== "created" || entry.fields.some((field) => field.before.type !== "empty");
  const showAfter = entry.change !== "deleted" || entry.fields.some((field) => field.after.type !== "empty");
  return (
    <li data-history-entity={entry.entity} className="rounded-lg bg-white p-3 shadow-sm ring-1 ring-neutral-200">
      <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <time dateTime={entry.at.toISOString()} className="tabular-nums text-neutral-700">
          {format.dateTime(entry.at, { dateStyle: "medium", timeStyle: "medium", timeZone })}
        </time>
        <span className="font-semibold">{t("what", { entity: t(`entity.${entry.entity}`), change: t(`change.${entry.change}`) })}</span>
        {entry.label && <span className="break-all">{entry.label}</span>}
        <span className="text-neutral-700">{entry.actor ? t("actor", { name: entry.actor }) : t("actorUnknown")}</span>
      </p>
      {entry.fields.length > 0 && (
        <table className="mt-2 w-full table-fixed text-left text-sm">
          <thead className="text-neutral-700">
            <tr>
              <th scope="col" className="w-1/4 py-1 pr-3 font-medium">
                {t("field")}
              </th>
              {showBefore && (
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t("before")}
                </th>
              )}
              {showAfter && (
                <th scope="col" className="py-1 font-medium">
                  {t("after")}
                </th>
              )}
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {entry.fields.map((field) => (
              <tr key={field.name}>
                <th scope="row" className="break-all py-1 pr-3 align-top font-normal">
                  <code>{field.name}</code>
                </th>
                {showBefore && (
                  <td className="py-1 pr-3 align-top">
                    <HistoryValueText value={field.before} />
                  </td>
                )}
                {showAfter && (
                  <td className="py-1 align-top">
                    <HistoryValueText value={field.after} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}
