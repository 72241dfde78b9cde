import { useTranslations } from "next-intl";
import type { SettingsActionFn } from "@/components/dealer/settings-form";
import { ServiceRowForm } from "@/components/dealer/service-row-form";
import { StatusIcon } from "@/components/dealer/status-icons";

type Props = { id: string; title: string; active: boolean; action: SettingsActionFn<unknown> };

/** Whether customers are offered the service, in words, with the one button that changes it. */
export function ServiceStatusSection({ id, title, active, action }: Props) {
  const t = useTranslations("settingsServices");
  return (
    <section
      aria-labelledby="status-heading"
      className={`flex flex-wrap items-center justify-between gap-3 rounded border p-4 ${active ? "border-green-300 bg-green-50" : "border-neutral-400 bg-neutral-200"}`}
    >
      <div>
        <h2 id="status-heading" className="font-semibold">
          {t("form.statusHeading")}
        </h2>
        <p className="inline-flex items-center gap-1.5" data-testid="service-status">
          <StatusIcon name={active ? "check" : "ban"} />
          {active ? t("form.statusActive") : t("form.statusInactive")}
        </p>
      </div>
      <ServiceRowForm
        action={action}
        fields={{ id, active: String(!active) }}
        pendingLabel={t("working")}
        failed={t("failed")}
        label={
          <>
            {active ? t("deactivate") : t("reactivate")}
            <span className="sr-only"> — {title}</span>
          </>
        }
      />
    </section>
  );
}
