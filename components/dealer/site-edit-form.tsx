"use client";

import { useTranslations } from "next-intl";
import type { SettingsActionFn } from "@/components/dealer/settings-form";
import { SiteForm, type SiteFormValues } from "@/components/dealer/site-form";

type Props = {
  action: SettingsActionFn<{ changed: boolean; replanned: number }>;
  values: SiteFormValues;
  id: string;
  slug: string;
  version: string;
  countries: readonly (readonly [string, string])[];
  timeZones: readonly string[];
};

/** Edits a site; after a change of timing it says how many upcoming appointments were planned again. */
export function SiteEditForm({ action, values, id, slug, version, countries, timeZones }: Props) {
  const t = useTranslations("settingsSites.edit");
  return (
    <SiteForm
      action={action}
      values={values}
      fields={{ id, version }}
      slug={{ editable: false, value: slug }}
      countries={countries}
      timeZones={timeZones}
      submitLabel={t("submit")}
      savedLabel={t("saved")}
      renderResult={(result) =>
        result.replanned > 0 ? (
          <p className="rounded border border-green-300 bg-green-50 p-3">{t("replanned", { count: result.replanned })}</p>
        ) : null
      }
    />
  );
}
