"use client";

import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useTranslations } from "next-intl";
import { useFieldError } from "@/components/dealer/settings-form";

/**
 * The refusal of a field in words. Schemas refuse with a code from `settings.errors` (`{ message:
 * "contrast" }`); zod's own English sentences fall back to "This value is not valid."
 */
function useErrorText(name: string): string | undefined {
  const t = useTranslations("settings.errors");
  const code = useFieldError(name);
  if (!code) return undefined;
  return t.has(code) ? t(code) : t("invalid");
}

const inputClass = "mt-1 block min-h-11 w-full rounded border border-neutral-400 bg-white px-3 py-2 aria-invalid:border-red-700";

function fieldId(name: string): string {
  return `field-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

type Common = { name: string; label: string; hint?: ReactNode };

/** A field's label, hint and refusal around its control, wired with aria-describedby. */
export function FieldFrame({
  name,
  label,
  hint,
  error,
  children,
}: Common & { error?: string; children: (ids: { id: string; describedBy?: string }) => ReactNode }) {
  const id = fieldId(name);
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-neutral-700">
          {hint}
        </p>
      )}
      {children({ id, describedBy: described })}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-900">
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({ name, label, hint, ...input }: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">) {
  const error = useErrorText(name);
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      {({ id, describedBy }) => (
        <input
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={inputClass}
          {...input}
        />
      )}
    </FieldFrame>
  );
}

export function TextAreaField({ name, label, hint, ...input }: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">) {
  const error = useErrorText(name);
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      {({ id, describedBy }) => (
        <textarea
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={inputClass}
          rows={4}
          {...input}
        />
      )}
    </FieldFrame>
  );
}

export function SelectField({
  name,
  label,
  hint,
  options,
  ...select
}: Common & { options: readonly (readonly [string, string])[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id">) {
  const error = useErrorText(name);
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      {({ id, describedBy }) => (
        <select
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={inputClass}
          {...select}
        >
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/** A checkbox posting "true" when ticked; the hidden "false" before it makes an unticked box post too. */
export function CheckboxField({ name, label, hint, defaultChecked }: Common & { defaultChecked?: boolean }) {
  const error = useErrorText(name);
  const id = fieldId(name);
  return (
    <div>
      <input type="hidden" name={name} value="false" />
      <label htmlFor={id} className="inline-flex min-h-11 items-center gap-2 font-medium">
        <input
          id={id}
          type="checkbox"
          name={name}
          value="true"
          defaultChecked={defaultChecked}
          className="size-5"
          aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}
        />
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-neutral-700">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-900">
          {error}
        </p>
      )}
    </div>
  );
}
