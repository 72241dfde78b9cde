"use client";

import { useTranslations } from "next-intl";
import type { SettingsActionFn } from "@/components/dealer/settings-form";
import { SiteForm, type SiteFormValues } from "@/components/dealer/site-form";

type Props = {
  action: SettingsActionFn<{ id: string; slug: string }>;
  values: SiteFormValues;
  countries: readonly (readonly [string, string])[];
  timeZones: readonly string[];
};

/** Adds a site; once added, the form is empty again and says which slug the DMS should use. */
export function SiteCreateForm({ action, values, countries, timeZones }: Props) {
  const t = useTranslations("settingsSites.add");
  return (
    <SiteForm
      action={action}
      values={values}
      slug={{ editable: true }}
      countries={countries}
      timeZones={timeZones}
      submitLabel={t("submit")}
      savedLabel={t("added")}
      resetOnSuccess
      renderResult={(site) => (
        <p className="rounded border border-green-300 bg-green-50 p-3">
          {t.rich("result", { slug: site.slug, code: (chunks) => <code>{chunks}</code> })}{" "}
          <a href={`/dealer/settings/sites/${site.id}`} className="underline">
            {t("open")}
          </a>
        </p>
      )}
    />
  );
}
