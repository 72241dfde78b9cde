"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { CheckboxField, SelectField, TextField } from "@/components/dealer/settings-field";
import { SettingsForm, type SettingsActionFn } from "@/components/dealer/settings-form";

/** What the form shows: a site's values (the page passes the stored ones, or the defaults for a new site). */
export type SiteFormValues = {
  name: string;
  addressLine: string;
  postalCode: string;
  city: string;
  country: string;
  phone: string;
  email: string;
  timeZone: string;
  showPrices: boolean;
  checkinEnabled: boolean;
  checkinWindowDays: number;
  checkinSendTime: string;
  checkinChannel: "EMAIL" | "SMS" | "BOTH";
  reminderDaysBefore: number | null;
};

type Props<T> = {
  action: SettingsActionFn<T>;
  values: SiteFormValues;
  /** Hidden fields: the site's id and version when editing. */
  fields?: Record<string, string>;
  /** Only a new site gets a slug field: it cannot change afterwards (the DMS names the site by it). */
  slug: { editable: true } | { editable: false; value: string };
  countries: readonly (readonly [string, string])[];
  timeZones: readonly string[];
  submitLabel: string;
  savedLabel: string;
  resetOnSuccess?: boolean;
  renderResult?: (data: T) => ReactNode;
};

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded border border-neutral-300 bg-white p-4">
      <legend className="px-1 text-lg font-semibold">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** A site's address, contact, time zone and check-in timing, as one plain form (works without JavaScript). */
export function SiteForm<T>({
  action,
  values,
  fields,
  slug,
  countries,
  timeZones,
  submitLabel,
  savedLabel,
  resetOnSuccess,
  renderResult,
}: Props<T>) {
  const t = useTranslations("settingsSites.form");
  const listId = "site-time-zones";
  return (
    <SettingsForm
      action={action}
      fields={fields}
      submitLabel={submitLabel}
      savedLabel={savedLabel}
      resetOnSuccess={resetOnSuccess}
      renderResult={renderResult}
    >
      <Group legend={t("contact")}>
        <TextField name="name" label={t("name")} defaultValue={values.name} maxLength={120} autoComplete="organization" />
        {slug.editable ? (
          <TextField name="slug" label={t("slug")} hint={t("slugHint")} maxLength={40} autoComplete="off" spellCheck={false} />
        ) : (
          <div>
            <p className="font-medium">{t("slug")}</p>
            <p className="mt-1">
              <code className="rounded bg-neutral-100 px-2 py-1">{slug.value}</code>
            </p>
            <p className="text-sm text-neutral-700">{t("slugFixed")}</p>
          </div>
        )}
        <TextField
          name="addressLine"
          label={t("addressLine")}
          defaultValue={values.addressLine}
          maxLength={200}
          autoComplete="address-line1"
        />
        <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
          <TextField name="postalCode" label={t("postalCode")} defaultValue={values.postalCode} maxLength={20} autoComplete="postal-code" />
          <TextField name="city" label={t("city")} defaultValue={values.city} maxLength={100} autoComplete="address-level2" />
        </div>
        <SelectField name="country" label={t("country")} options={countries} defaultValue={values.country} autoComplete="country" />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="phone"
            label={t("phone")}
            hint={t("phoneHint")}
            defaultValue={values.phone}
            type="tel"
            maxLength={40}
            autoComplete="tel"
          />
          <TextField
            name="email"
            label={t("email")}
            hint={t("emailHint")}
            defaultValue={values.email}
            type="email"
            maxLength={254}
            autoComplete="email"
          />
        </div>
      </Group>
      <Group legend={t("customerPages")}>
        <TextField
          name="timeZone"
          label={t("timeZone")}
          hint={t("timeZoneHint")}
          defaultValue={values.timeZone}
          list={listId}
          autoComplete="off"
          spellCheck={false}
        />
        <datalist id={listId}>
          {timeZones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <CheckboxField name="showPrices" label={t("showPrices")} hint={t("showPricesHint")} defaultChecked={values.showPrices} />
      </Group>
      <Group legend={t("checkin")}>
        <CheckboxField
          name="checkinEnabled"
          label={t("checkinEnabled")}
          hint={t("checkinEnabledHint")}
          defaultChecked={values.checkinEnabled}
        />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            name="checkinWindowDays"
            label={t("windowDays")}
            hint={t("windowDaysHint")}
            defaultValue={String(values.checkinWindowDays)}
            type="number"
            inputMode="numeric"
            min={1}
            max={14}
          />
          <TextField
            name="checkinSendTime"
            label={t("sendTime")}
            hint={t("sendTimeHint")}
            defaultValue={values.checkinSendTime}
            placeholder="19:00"
            maxLength={5}
            autoComplete="off"
          />
          <SelectField
            name="checkinChannel"
            hint={t("channelHint")}
            label={t("channel")}
            options={(["EMAIL", "SMS", "BOTH"] as const).map((channel) => [channel, t(`channels.${channel}`)] as const)}
            defaultValue={values.checkinChannel}
          />
        </div>
        <SelectField
          name="reminderDaysBefore"
          label={t("reminder")}
          hint={t("reminderHint")}
          options={[["", t("noReminder")] as const, ...[1, 2, 3, 4].map((days) => [String(days), t("reminderDays", { days })] as const)]}
          defaultValue={values.reminderDaysBefore === null ? "" : String(values.reminderDaysBefore)}
        />
      </Group>
    </SettingsForm>
  );
}
