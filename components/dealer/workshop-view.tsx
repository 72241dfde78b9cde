import { useFormatter, useTranslations } from "next-intl";
import type { AppointmentForWorkshop } from "@/lib/appointments/appointment-for-workshop";
import type { RemarkForMechanics } from "@/lib/checkin/remarks-for-mechanics";
import { StaffFileList } from "@/components/dealer/staff-file";

type Props = { appointment: AppointmentForWorkshop; remarks: RemarkForMechanics[] };

/** Read-only: the car, the work to do, and the customer's remarks the advisor shared with the workshop. */
export function WorkshopView({ appointment: a, remarks }: Props) {
  const t = useTranslations("dealer.workshop");
  const format = useFormatter();
  const tz = a.site.timeZone;
  const car = [a.vehicleMake, a.vehicleModel, a.vehicleModelYear].filter(Boolean).join(" ");
  return (
    <>
      <header>
        <p className="text-sm text-neutral-700">
          {a.externalId}
          {a.workOrderRef && ` · ${a.workOrderRef}`} · {a.site.name}
        </p>
        <h1 className="text-2xl font-bold">{[car, a.vehicleRegistration].filter(Boolean).join(" · ") || a.externalId}</h1>
        <p>{format.dateTime(a.startsAt, { dateStyle: "full", timeStyle: "short", timeZone: tz })}</p>
      </header>

      <section aria-labelledby="car-heading" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-neutral-200">
        <h2 id="car-heading" className="text-lg font-semibold">
          {t("car")}
        </h2>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="text-neutral-700">{t("registration")}</dt>
          <dd>{a.vehicleRegistration ?? "—"}</dd>
          <dt className="text-neutral-700">{t("vin")}</dt>
          <dd className="font-mono">{a.vehicleVin ?? "—"}</dd>
          <dt className="text-neutral-700">{t("mileage")}</dt>
          <dd>{a.vehicleMileageKm !== null ? t("km", { km: a.vehicleMileageKm }) : "—"}</dd>
          <dt className="text-neutral-700">{t("dropOff")}</dt>
          <dd>{a.dropOffAt ? format.dateTime(a.dropOffAt, { timeStyle: "short", timeZone: tz }) : "—"}</dd>
          <dt className="text-neutral-700">{t("pickUp")}</dt>
          <dd>{a.pickUpAt ? format.dateTime(a.pickUpAt, { timeStyle: "short", timeZone: tz }) : "—"}</dd>
        </dl>
      </section>

      <section aria-labelledby="work-heading">
        <h2 id="work-heading" className="text-lg font-semibold">
          {t("work")}
        </h2>
        {a.plannedWork.length === 0 ? (
          <p className="text-neutral-700">{t("noWork")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-neutral-200 rounded-lg bg-white shadow-sm ring-1 ring-neutral-200">
            {a.plannedWork.map((line) => (
              <li key={line.id} className="px-3 py-2">
                <span className="font-medium">{line.title}</span>
                {line.quantityMilli !== 1000 && <span className="ml-2 tabular-nums">× {line.quantityMilli / 1000}</span>}
                {line.code && <span className="ml-2 text-sm text-neutral-700">{line.code}</span>}
                {line.source === "CHECKIN" && <span className="ml-2 text-xs font-medium text-blue-900">{t("fromCheckin")}</span>}
                {line.remarks && <span className="block text-sm text-neutral-700">{line.remarks}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="remarks-heading">
        <h2 id="remarks-heading" className="text-lg font-semibold">
          {t("remarks")}
        </h2>
        {remarks.length === 0 ? (
          <p className="text-neutral-700">{t("noRemarks")}</p>
        ) : (
          <ul className="mt-2 space-y-3">
            {remarks.map((r) => (
              <li key={r.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-neutral-200">
                <p className="font-medium">{r.title}</p>
                {r.description && <p className="whitespace-pre-line text-neutral-800">{r.description}</p>}
                <StaffFileList
                  files={r.attachments}
                  name={(file, n) => t(file.video ? "videoLabel" : "photoLabel", { n, title: r.title })}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
