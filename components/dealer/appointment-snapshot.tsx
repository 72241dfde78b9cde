import { useFormatter, useTranslations } from "next-intl";
import type { SnapshotView } from "@/lib/appointments/appointment-history";
import { formatMoney } from "@/lib/money";

/** One stored version of an appointment, read-only. */
export function AppointmentSnapshotView({ snapshot, timeZone, locale }: { snapshot: SnapshotView; timeZone: string; locale: string }) {
  const t = useTranslations("dealer.history");
  const status = useTranslations("dealer.appointment.status");
  const format = useFormatter();
  const rows: [string, string][] = [
    [
      t("status"),
      snapshot.status && ["REQUESTED", "SCHEDULED", "CANCELLED", "FINALIZED"].includes(snapshot.status) ? status(snapshot.status) : "—",
    ],
    [
      t("startsAt"),
      snapshot.startsAt ? format.dateTime(new Date(snapshot.startsAt), { dateStyle: "full", timeStyle: "short", timeZone }) : "—",
    ],
    [t("workOrderRef"), snapshot.workOrderRef ?? "—"],
    [t("car"), [snapshot.vehicle.make, snapshot.vehicle.model, snapshot.vehicle.registration].filter(Boolean).join(" · ") || "—"],
    ...snapshot.contacts.map((c): [string, string] => [
      t("contact", { role: c.role.toLowerCase() }),
      [`${c.firstName} ${c.lastName}`, c.email, c.phone].filter(Boolean).join(" · "),
    ]),
    ...Object.entries(snapshot.intake ?? {})
      .filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]): [string, string] => [t(`intake.${k}`), Array.isArray(v) ? v.join(", ") : String(v)]),
  ];
  return (
    <div className="mt-3 space-y-4">
      <dl className="grid grid-cols-[12rem_1fr] gap-x-4 gap-y-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-neutral-200">
        {rows.map(([term, value], i) => (
          <div key={i} className="contents">
            <dt className="text-neutral-700">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <table className="w-full rounded-lg bg-white text-left text-sm shadow-sm ring-1 ring-neutral-200">
        <caption className="p-2 text-left font-semibold">{t("plannedWork")}</caption>
        <tbody className="divide-y divide-neutral-200">
          {snapshot.plannedWork.map((line, i) => (
            <tr key={i}>
              <td className="px-3 py-2">{line.title}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatMoney(line.unitPriceMinor, "EUR", locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
