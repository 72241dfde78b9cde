import { useTranslations } from "next-intl";
import { ServicePriceFields } from "@/components/dealer/service-price-fields";
import { ServiceSitesField } from "@/components/dealer/service-sites-field";
import { TextAreaField, TextField } from "@/components/dealer/settings-field";
import { SettingsForm, type SettingsActionFn } from "@/components/dealer/settings-form";
import { localeNames, locales, type Locale } from "@/lib/i18n/locales";
import { formatDecimalMoney, formatVatRate } from "@/lib/money";
import { SERVICE_DESCRIPTION_MAX, SERVICE_TITLE_MAX } from "@/lib/optional-services/service-limits";
import type { ServiceDetail } from "@/lib/optional-services/service-settings";

type Props = {
  action: SettingsActionFn<unknown>;
  /** The service edited, or the id a new one will get (so a create posted twice makes one service). */
  id: string;
  defaultLocale: Locale;
  sites: { id: string; name: string }[];
  service: ServiceDetail | null;
};

/** Services carry no currency (each appointment has its own): two decimals, as every currency our dealers use. */
const decimal = (minor: number) => formatDecimalMoney(minor, "EUR");

/**
 * Creating or editing an optional service: title and description per language (the dealer's own first,
 * required; each other one shows what customers reading it see while it is empty), the customer's price
 * with VAT, the "more info" link, and whom it is offered to. A plain form that keeps what was typed when
 * refused and shows each refusal at its field.
 */
export function ServiceForm({ action, id, defaultLocale, sites, service }: Props) {
  const t = useTranslations("settingsServices.form");
  const ordered = [defaultLocale, ...locales.filter((locale) => locale !== defaultLocale)];
  const own = service?.texts[defaultLocale];
  return (
    <SettingsForm action={action} fields={{ id }} submitLabel={service ? t("save") : t("create")} className="space-y-6">
      <fieldset className="space-y-4 rounded border border-neutral-300 bg-white p-4">
        <legend className="px-1 text-lg font-semibold">{t("textsHeading")}</legend>
        <p className="text-sm text-neutral-700">{t("textsIntro", { language: localeNames[defaultLocale] })}</p>
        {ordered.map((locale) => {
          const text = service?.texts[locale];
          const isDefault = locale === defaultLocale;
          const fallback = isDefault
            ? undefined
            : own
              ? t("fallback", { language: localeNames[locale], title: own.title, defaultLanguage: localeNames[defaultLocale] })
              : t("fallbackNone", { language: localeNames[locale], defaultLanguage: localeNames[defaultLocale] });
          return (
            <fieldset key={locale} lang={locale} className="grid gap-3 border-t border-neutral-200 pt-3 sm:grid-cols-2">
              <legend className="font-semibold">
                {isDefault ? t("languageDefault", { language: localeNames[locale] }) : localeNames[locale]}
              </legend>
              <TextField
                name={`texts.${locale}.title`}
                label={t("titleLabel", { language: localeNames[locale] })}
                hint={fallback}
                defaultValue={text?.title ?? ""}
                placeholder={isDefault ? undefined : own?.title}
                maxLength={SERVICE_TITLE_MAX}
                required={isDefault}
                autoComplete="off"
              />
              <TextAreaField
                name={`texts.${locale}.description`}
                label={t("descriptionLabel", { language: localeNames[locale] })}
                defaultValue={text?.description ?? ""}
                placeholder={isDefault ? undefined : own?.description}
                maxLength={SERVICE_DESCRIPTION_MAX}
                rows={2}
              />
            </fieldset>
          );
        })}
      </fieldset>

      <fieldset className="space-y-4 rounded border border-neutral-300 bg-white p-4">
        <legend className="px-1 text-lg font-semibold">{t("priceHeading")}</legend>
        <ServicePriceFields price={service ? decimal(service.grossMinor) : ""} vatRate={service ? formatVatRate(service.vatRateBp) : ""} />
        <TextField
          name="linkUrl"
          label={t("linkLabel")}
          hint={t("linkHint")}
          defaultValue={service?.linkUrl ?? ""}
          inputMode="url"
          maxLength={2000}
          autoComplete="off"
        />
      </fieldset>

      <fieldset className="space-y-4 rounded border border-neutral-300 bg-white p-4">
        <legend className="px-1 text-lg font-semibold">{t("targetsHeading")}</legend>
        <p className="text-sm text-neutral-700">{t("targetsIntro")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextAreaField
            name="targetMakes"
            label={t("makesLabel")}
            hint={t("makesHint")}
            defaultValue={service?.targetMakes.join("\n") ?? ""}
            rows={3}
            maxLength={4000}
          />
          <TextAreaField
            name="targetModels"
            label={t("modelsLabel")}
            hint={t("modelsHint")}
            defaultValue={service?.targetModels.join("\n") ?? ""}
            rows={3}
            maxLength={4000}
          />
        </div>
        <ServiceSitesField sites={sites} selected={service?.targetSiteIds ?? []} legend={t("sitesLegend")} hint={t("sitesHint")} />
      </fieldset>
    </SettingsForm>
  );
}
