"use client";

import { useTranslations } from "next-intl";
import { useFieldError } from "@/components/dealer/settings-form";

type Props = { sites: { id: string; name: string }[]; selected: string[]; legend: string; hint: string };

/** The sites a service is offered at, as checkboxes; none ticked offers it at every site. */
export function ServiceSitesField({ sites, selected, legend, hint }: Props) {
  const t = useTranslations("settings.errors");
  const code = useFieldError("siteIds");
  const error = code ? (t.has(code) ? t(code) : t("invalid")) : undefined;
  return (
    <fieldset aria-describedby={["field-siteIds-hint", error ? "field-siteIds-error" : null].filter(Boolean).join(" ")}>
      <legend className="font-medium">{legend}</legend>
      <p id="field-siteIds-hint" className="text-sm text-neutral-700">
        {hint}
      </p>
      <div className="mt-1 flex flex-wrap gap-x-6">
        {sites.map((site) => (
          <label key={site.id} className="inline-flex min-h-11 items-center gap-2">
            <input type="checkbox" name="siteIds" value={site.id} defaultChecked={selected.includes(site.id)} className="size-5" />
            {site.name}
          </label>
        ))}
      </div>
      {error && (
        <p id="field-siteIds-error" className="mt-1 text-sm text-red-900">
          {error}
        </p>
      )}
    </fieldset>
  );
}
