"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useFieldError } from "@/components/dealer/settings-form";
import { decodeProblem } from "@/lib/templates/template-problem";

const inputClass = "mt-1 block min-h-11 w-full rounded border border-neutral-400 bg-white px-3 py-2 aria-invalid:border-red-700";

/**
 * The refusal of a template field in words: a template problem names what was typed
 * (`settingsTemplates.errors`), the rest are the usual settings codes.
 */
function useTemplateError(name: string): string | undefined {
  const own = useTranslations("settingsTemplates.errors");
  const common = useTranslations("settings.errors");
  const message = useFieldError(name);
  if (!message) return undefined;
  const { code, values } = decodeProblem(message);
  if (own.has(code)) return own(code, { names: "", suggestion: "", near: "", ...values, example: "{{firstName}}" });
  return common.has(code) ? common(code) : common("invalid");
}

type Props = {
  name: "subject" | "emailText" | "smsText";
  label: string;
  hint: ReactNode;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  multiline?: boolean;
  rows?: number;
  /** The language the text is written in (the message's, not the screen's), for spelling and screen readers. */
  lang: string;
  /** Shown under the field, inside its description (the SMS counter). */
  children?: ReactNode;
};

/** One field of a message template: a controlled input or textarea, its hint, its refusal, and extras. */
export function TemplateTextField({ name, label, hint, value, onChange, maxLength, lang, multiline = false, rows = 6, children }: Props) {
  const error = useTemplateError(name);
  const id = `field-${name}`;
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null, children ? `${id}-extra` : null].filter(Boolean).join(" ");
  const common = {
    id,
    name,
    value,
    maxLength,
    lang,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    className: inputClass,
    spellCheck: true,
  } as const;
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-sm text-neutral-700">
        {hint}
      </p>
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(event) => onChange(event.target.value)} />
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-900">
          {error}
        </p>
      )}
      {children && (
        <div id={`${id}-extra`} className="mt-2">
          {children}
        </div>
      )}
    </div>
  );
}
