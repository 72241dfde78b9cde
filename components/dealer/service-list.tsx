import { useTranslations } from "next-intl";
import type { SettingsActionFn } from "@/components/dealer/settings-form";
import { ServiceRowForm } from "@/components/dealer/service-row-form";
import { StatusIcon } from "@/components/dealer/status-icons";
import { localeNames } from "@/lib/i18n/locales";
import type { ServiceSummary } from "@/lib/optional-services/service-settings";
import { ServicePriceText } from "@/components/dealer/service-price-text";

type Props = {
  services: ServiceSummary[];
  moveAction: SettingsActionFn<unknown>;
  setActiveAction: SettingsActionFn<unknown>;
};

/**
 * The dealer's optional services in the order customers see them, active and inactive (in words and
 * with an icon, not by colour alone), each with its price incl. and excl. VAT, whom it is offered to,
 * and plain-form buttons to move it, deactivate or reactivate it.
 */
export function ServiceList({ services, moveAction, setActiveAction }: Props) {
  const t = useTranslations("settingsServices");
  if (services.length === 0) return <p className="text-neutral-700">{t("empty")}</p>;
  const buttons = { pendingLabel: t("working"), failed: t("failed") };
  return (
    <ol aria-label={t("list")} className="space-y-3">
      {services.map((service, index) => {
        const targets = [
          service.targetMakes.length > 0 && t("makes", { list: service.targetMakes.join(", ") }),
          service.targetModels.length > 0 && t("models", { list: service.targetModels.join(", ") }),
          service.targetSites.length > 0 && t("sites", { list: service.targetSites.join(", ") }),
        ].filter(Boolean);
        return (
          <li
            key={service.id}
            data-service-row={service.title}
            className={`flex flex-wrap gap-4 rounded-lg p-4 shadow-sm ring-1 ${service.active ? "bg-white ring-neutral-200" : "bg-neutral-200 ring-neutral-300"}`}
          >
            <span className="w-8 shrink-0 text-lg font-semibold tabular-nums text-neutral-700">
              <span className="sr-only">{t("place")} </span>
              {index + 1}
            </span>
            {service.imageUrl ? (
              // eslint-disable-next-line @next/next/no-img-element -- the dealer's own image, already sized and re-encoded by sharp
              <img src={service.imageUrl} alt="" width={128} height={80} className="h-20 w-32 shrink-0 rounded object-cover" />
            ) : (
              <span className="flex h-20 w-32 shrink-0 items-center justify-center rounded bg-neutral-100 text-xs text-neutral-700">
                {t("noImage")}
              </span>
            )}
            <div className="min-w-0 flex-1 space-y-1">
              <h3 className="flex flex-wrap items-center gap-2 font-semibold">
                <a href={`/dealer/settings/services/${service.id}`} className="underline">
                  {service.title}
                </a>
                <span
                  className={`inline-flex items-center gap-1 rounded-full px-2 text-sm font-medium ${service.active ? "bg-green-100 text-green-900" : "bg-neutral-800 text-white"}`}
                >
                  <StatusIcon name={service.active ? "check" : "ban"} />
                  {service.active ? t("status.active") : t("status.inactive")}
                </span>
              </h3>
              <p className="text-sm tabular-nums">
                <ServicePriceText priceMinor={service.priceMinor} vatRateBp={service.vatRateBp} />
              </p>
              <p className="text-sm text-neutral-800">{targets.length > 0 ? targets.join(" · ") : t("everyone")}</p>
              <p className="text-sm text-neutral-700">
                {t("translated", { list: service.translated.map((locale) => localeNames[locale]).join(", ") })}
              </p>
            </div>
            <div className="flex w-full flex-wrap items-start gap-2 md:w-64 md:flex-col md:items-end">
              <div className="flex gap-2">
                {index > 0 && (
                  <ServiceRowForm
                    action={moveAction}
                    fields={{ id: service.id, direction: "up" }}
                    {...buttons}
                    label={
                      <>
                        <StatusIcon name="arrowUp" />
                        {t("moveUp")}
                        <span className="sr-only"> — {service.title}</span>
                      </>
                    }
                  />
                )}
                {index < services.length - 1 && (
                  <ServiceRowForm
                    action={moveAction}
                    fields={{ id: service.id, direction: "down" }}
                    {...buttons}
                    label={
                      <>
                        <StatusIcon name="arrowDown" />
                        {t("moveDown")}
                        <span className="sr-only"> — {service.title}</span>
                      </>
                    }
                  />
                )}
              </div>
              <ServiceRowForm
                action={setActiveAction}
                fields={{ id: service.id, active: String(!service.active) }}
                {...buttons}
                label={
                  <>
                    {service.active ? t("deactivate") : t("reactivate")}
                    <span className="sr-only"> — {service.title}</span>
                  </>
                }
              />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
