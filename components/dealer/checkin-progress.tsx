import { useFormatter, useTranslations } from "next-intl";
import type { AppointmentForStaff } from "@/lib/appointments/appointment-for-staff";

type CheckIn = NonNullable<AppointmentForStaff["checkIn"]>;

/** sent → opened → answered, each step with its time, in words as well as ticks. */
export function CheckinProgress({ checkIn, timeZone }: { checkIn: CheckIn | null; timeZone: string }) {
  const t = useTranslations("dealer.appointment");
  const format = useFormatter();
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone }) : null);
  if (!checkIn) return <p>{t("noCheckin")}</p>;
  const steps = [
    { key: "sent", at: checkIn.sentAt },
    { key: "opened", at: checkIn.openedAt },
    { key: "answered", at: checkIn.submittedAt },
  ] as const;
  return (
    <div>
      <p className="font-medium">{t(`checkinState.${checkIn.state}`)}</p>
      {checkIn.state === "SCHEDULED" && checkIn.sendAt && (
        <p className="text-sm text-neutral-700">{t("scheduledFor", { time: when(checkIn.sendAt) ?? "" })}</p>
      )}
      <p className="text-sm text-neutral-700">{t("closesAt", { time: when(checkIn.closesAt) ?? "" })}</p>
      <ol className="mt-2 flex flex-wrap gap-2" aria-label={t("progress")}>
        {steps.map((step) => (
          <li
            key={step.key}
            className={`rounded-full px-3 py-1 text-sm ${step.at ? "bg-green-100 text-green-900" : "bg-neutral-100 text-neutral-700"}`}
          >
            <span aria-hidden="true">{step.at ? "✓ " : "○ "}</span>
            {t(`step.${step.key}`)}
            {step.at && <span className="ml-1 text-xs">({when(step.at)})</span>}
            <span className="sr-only">{step.at ? t("done") : t("notYet")}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
