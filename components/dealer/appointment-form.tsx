"use client";

import { useActionState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { AppointmentFormState, FormValues } from "@/app/(dealer)/dealer/appointments/form-actions";
import { localeNames, locales } from "@/lib/i18n/locales";

type Props = {
  action: (previous: AppointmentFormState, formData: FormData) => Promise<AppointmentFormState>;
  sites: { id: string; name: string }[];
  initial: FormValues;
  workRows: number;
  isNew: boolean;
};

/**
 * The advisor's appointment form (seeds 000/001). A plain form: works without JavaScript; with it, the
 * button says "Saving…". After an error every value comes back as typed, each error next to its field.
 */
export function AppointmentForm({ action, sites, initial, workRows, isNew }: Props) {
  const t = useTranslations("dealer.appointmentForm");
  const [state, formAction, pending] = useActionState(action, null);
  const values = state?.values ?? initial;
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const value = (name: string, index?: number) => {
    const v = values[name];
    return index === undefined
      ? Array.isArray(v)
        ? (v[0] ?? "")
        : (v ?? "")
      : Array.isArray(v)
        ? (v[index] ?? "")
        : index === 0
          ? (v ?? "")
          : "";
  };
  const field = (name: string, label: string, input: Omit<FieldProps, "name" | "label" | "error" | "defaultValue"> = {}) => (
    <Field name={name} label={label} error={errors[name] && t(`errors.${errors[name]}`)} defaultValue={value(name)} {...input} />
  );
  const generalError = state && !state.ok && !state.fieldErrors ? t(`failed.${state.error === "conflict" ? "conflict" : "other"}`) : null;

  return (
    <form key={state?.attempt ?? "initial"} action={formAction} className="space-y-6" noValidate>
      <input type="hidden" name="appointmentId" value={value("appointmentId")} />
      <input type="hidden" name="version" value={value("version")} />
      {generalError && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
          {generalError}
        </p>
      )}
      <Fieldset legend={t("appointment")}>
        <Select name="siteId" label={t("site")} defaultValue={value("siteId")} options={sites.map((s) => [s.id, s.name])} />
        <Select
          name="status"
          label={t("status")}
          defaultValue={value("status") || "scheduled"}
          options={[
            ["requested", t("statusRequested")],
            ["scheduled", t("statusScheduled")],
          ]}
        />
        <Select
          name="serviceType"
          label={t("serviceType")}
          defaultValue={value("serviceType") || "maintenance"}
          options={(["maintenance", "repair", "both", "other"] as const).map((k) => [k, t(`serviceTypes.${k}`)])}
        />
        {field("date", t("date"), { type: "date", required: true })}
        {field("time", t("time"), { type: "time", required: true })}
        {field("dropOffTime", t("dropOffTime"), { type: "time" })}
        {field("pickUpTime", t("pickUpTime"), { type: "time" })}
        {field("workOrderRef", t("workOrderRef"))}
      </Fieldset>

      <Fieldset legend={t("customer")}>
        {field("firstName", t("firstName"), { required: true, autoComplete: "off" })}
        {field("lastName", t("lastName"), { required: true, autoComplete: "off" })}
        {field("email", t("email"), { type: "email", autoComplete: "off" })}
        {field("phone", t("phone"), { type: "tel", hint: t("phoneHint"), autoComplete: "off" })}
        <Select
          name="language"
          label={t("language")}
          defaultValue={value("language") || "en"}
          options={locales.map((l) => [l, localeNames[l]])}
        />
      </Fieldset>

      <Fieldset legend={t("car")}>
        {field("make", t("make"))}
        {field("model", t("model"))}
        {field("modelYear", t("modelYear"), { inputMode: "numeric" })}
        {field("registration", t("registration"))}
        {field("vin", t("vin"))}
        {field("mileageKm", t("mileageKm"), { inputMode: "numeric" })}
      </Fieldset>

      <Fieldset legend={t("request")}>
        {field("requestedServiceMileageKm", t("requestedServiceMileageKm"), { inputMode: "numeric" })}
        {field("lastServiceMileageKm", t("lastServiceMileageKm"), { inputMode: "numeric" })}
        {field("lastServiceDate", t("lastServiceDate"), { type: "date" })}
        {field("preferredDates", t("preferredDates"), { multiline: true, hint: t("preferredDatesHint") })}
        {field("dropOffPreference", t("dropOffPreference"), { multiline: true })}
        {field("proposalExpiresDate", t("proposalExpiresDate"), { type: "date", hint: t("proposalExpiresHint") })}
      </Fieldset>

      <Fieldset legend={t("proposedWork")}>
        <p className="text-sm text-neutral-700 sm:col-span-2">{t("proposedWorkHint")}</p>
        {Array.from({ length: workRows }, (_, i) => (
          <div key={i} className="grid grid-cols-[1fr_8rem_5rem] gap-2 sm:col-span-2">
            <Field name="workTitle" id={`workTitle-${i}`} label={t("workTitle", { n: i + 1 })} defaultValue={value("workTitle", i)} />
            <Field
              name="workPrice"
              id={`workPrice-${i}`}
              label={t("workPrice")}
              inputMode="decimal"
              defaultValue={value("workPrice", i)}
              error={errors[`workPrice.${i}`] && t(`errors.${errors[`workPrice.${i}`]}`)}
            />
            <Field name="workVat" id={`workVat-${i}`} label={t("workVat")} inputMode="decimal" defaultValue={value("workVat", i) || "21"} />
          </div>
        ))}
      </Fieldset>

      {isNew && (
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" name="sendConfirmation" defaultChecked={value("sendConfirmation") === "on"} className="size-5" />
          {t("sendConfirmation")}
        </label>
      )}

      <button
        type="submit"
        disabled={pending}
        className="min-h-11 rounded bg-neutral-900 px-5 font-semibold text-white disabled:opacity-60"
      >
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}

function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-neutral-200">
      <legend className="px-1 text-lg font-semibold">{legend}</legend>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

type FieldProps = {
  name: string;
  id?: string;
  label: string;
  defaultValue: string;
  error?: string | false;
  hint?: string;
  type?: string;
  required?: boolean;
  multiline?: boolean;
  inputMode?: "numeric" | "decimal";
  autoComplete?: string;
};

function Field({
  name,
  id = name,
  label,
  defaultValue,
  error,
  hint,
  type = "text",
  required,
  multiline,
  inputMode,
  autoComplete,
}: FieldProps) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    defaultValue,
    required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    className: "mt-1 block min-h-11 w-full rounded border border-neutral-400 bg-white px-3",
  };
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {multiline ? <textarea rows={3} {...common} /> : <input type={type} inputMode={inputMode} autoComplete={autoComplete} {...common} />}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-neutral-700">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

function Select({
  name,
  label,
  defaultValue,
  options,
}: {
  name: string;
  label: string;
  defaultValue: string;
  options: [string, string][];
}) {
  return (
    <div>
      <label htmlFor={name} className="block font-medium">
        {label}
      </label>
      <select
        id={name}
        name={name}
        defaultValue={defaultValue}
        className="mt-1 block min-h-11 w-full rounded border border-neutral-400 bg-white px-3"
      >
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
