import { useFormatter, useTranslations } from "next-intl";
import { StatusIcon } from "@/components/dealer/status-icons";
import type { ReportState } from "@/lib/db/generated/client";

type Props = {
  state: ReportState;
  sentAt: Date | null;
  openedAt: Date | null;
  respondedAt: Date | null;
  closedAt: Date | null;
  timeZone: string;
};

/** Seed 004's status bar: draft → sent → opened → answered (→ closed), each reached step with its time. */
export function ReportStatusBar({ state, sentAt, openedAt, respondedAt, closedAt, timeZone }: Props) {
  const t = useTranslations("dealer.report.status");
  const format = useFormatter();
  const steps = [
    { name: "draft", at: null, reached: true },
    { name: "sent", at: sentAt, reached: state !== "DRAFT" },
    { name: "opened", at: openedAt, reached: openedAt !== null },
    { name: "answered", at: respondedAt, reached: respondedAt !== null },
    ...(state === "CLOSED" ? [{ name: "closed", at: closedAt, reached: true }] : []),
  ] as const;
  const current = [...steps].reverse().find((s) => s.reached)?.name;
  return (
    <ol aria-label={t("label")} className="flex flex-wrap gap-2" data-testid="report-status">
      {steps.map((step) => (
        <li
          key={step.name}
          aria-current={step.name === current ? "step" : undefined}
          className={`flex min-h-11 items-center gap-2 rounded-full px-3 text-sm ring-1 ${
            step.reached ? "bg-green-50 text-green-950 ring-green-700" : "bg-white text-neutral-700 ring-neutral-300"
          } ${step.name === current ? "font-semibold" : ""}`}
        >
          <StatusIcon name={step.reached ? "check" : "circle"} />
          <span>{t(step.name)}</span>
          {step.at && (
            <time dateTime={step.at.toISOString()} className="tabular-nums">
              {format.dateTime(step.at, { dateStyle: "short", timeStyle: "short", timeZone })}
            </time>
          )}
        </li>
      ))}
    </ol>
  );
}
