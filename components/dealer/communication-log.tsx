import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { CommunicationEntry } from "@/lib/notify/communication-log";

type Props = {
  entries: CommunicationEntry[];
  timeZone: string;
  showAppointment?: boolean;
  actions?: (entry: CommunicationEntry) => ReactNode;
};

/** Each message with its state in words (never colour alone) and, when opened, what was sent. */
export function CommunicationLog({ entries, timeZone, showAppointment = false, actions }: Props) {
  const t = useTranslations("dealer.communication");
  const format = useFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone });
  if (entries.length === 0) return <p className="text-neutral-700">{t("empty")}</p>;
  return (
    <ul className="divide-y divide-neutral-200 rounded-lg bg-white shadow-sm ring-1 ring-neutral-200">
      {entries.map((entry) => (
        <li key={entry.id} className="p-3 text-sm" data-notification={entry.id}>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <StatusBadge status={entry.status} label={t(`status.${entry.status}`)} />
            <span className="font-medium">{t(`kind.${entry.kind}`)}</span>
            <span>
              {t(`channel.${entry.channel}`)} · {entry.recipient}
            </span>
            {showAppointment && entry.externalId && (
              <a className="underline" href={`/dealer/appointments/${entry.appointmentId}`}>
                {entry.externalId}
              </a>
            )}
            <span className="text-neutral-600">
              {entry.sentAt
                ? t("sentAt", { time: when(entry.sentAt) })
                : entry.failedAt
                  ? t("failedAt", { time: when(entry.failedAt) })
                  : t("dueAt", { time: when(entry.dueAt) })}
            </span>
          </div>
          {entry.status === "FAILED" && entry.lastError && (
            <p className="mt-1 text-red-900">{t("error", { attempts: entry.attempts, error: entry.lastError })}</p>
          )}
          {actions?.(entry)}
          {(entry.subject || entry.bodyText) && (
            <details className="mt-2">
              <summary className="cursor-pointer text-neutral-700">{t("showMessage")}</summary>
              {entry.subject && <p className="mt-1 font-semibold">{entry.subject}</p>}
              <pre className="mt-1 whitespace-pre-wrap font-sans text-neutral-800">{entry.bodyText}</pre>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}

const badge: Record<CommunicationEntry["status"], { className: string; icon: string }> = {
  QUEUED: { className: "bg-neutral-100 text-neutral-900", icon: "M12 6v6l4 2" },
  SENDING: { className: "bg-blue-100 text-blue-900", icon: "M5 12h14M13 6l6 6-6 6" },
  SENT: { className: "bg-green-100 text-green-900", icon: "M5 13l4 4L19 7" },
  FAILED: { className: "bg-red-100 text-red-900", icon: "M6 6l12 12M18 6L6 18" },
  CANCELLED: { className: "bg-neutral-200 text-neutral-800", icon: "M5 12h14" },
};

function StatusBadge({ status, label }: { status: CommunicationEntry["status"]; label: string }) {
  const style = badge[status];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 font-semibold ${style.className}`}>
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="size-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.5"
        strokeLinecap="round"
      >
        <path d={style.icon} />
      </svg>
      {label}
    </span>
  );
}
