"use client";

import { createContext, useContext, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/auth/dealer-action";
import { useKeptForm } from "@/components/shared/use-kept-form";

export type SettingsActionFn<T> = (previous: unknown, formData: FormData) => Promise<ActionResult<T>>;

const FieldErrors = createContext<Record<string, string>>({});

/** The refusal of one field, by its form name (`texts.fr.title`), from the nearest SettingsForm. */
export function useFieldError(name: string): string | undefined {
  return useContext(FieldErrors)[name];
}

type Props<T> = {
  action: SettingsActionFn<T>;
  /** Hidden inputs (ids, versions) sent with the form. */
  fields?: Record<string, string>;
  children: ReactNode;
  submitLabel: string;
  /** Shown after the server accepted the form (role=status, so a screen reader hears it); may name the result. */
  savedLabel?: string | ((data: T) => string);
  /** Set for forms that create something (the inputs empty again after success). */
  resetOnSuccess?: boolean;
  className?: string;
  /** What to show once saved, from the action's result (e.g. a key shown once). */
  renderResult?: (data: T) => ReactNode;
};

/**
 * A settings form: a plain post to a server action (works before any script runs) that keeps what was
 * typed when refused, shows each refusal next to its field (SettingsField reads it from context, with
 * aria-describedby) and a general sentence by the button, and says "Saving…" while it saves.
 */
export function SettingsForm<T>({
  action,
  fields = {},
  children,
  submitLabel,
  savedLabel,
  resetOnSuccess = false,
  className,
  renderResult,
}: Props<T>) {
  const t = useTranslations("settings");
  const { formRef, state, pending, formAction, onSubmit } = useKeptForm(action, { resetOnSuccess });
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className={className ?? "space-y-4"} noValidate>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FieldErrors.Provider value={fieldErrors}>{children}</FieldErrors.Provider>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="min-h-11 rounded bg-blue-900 px-4 font-semibold text-white disabled:opacity-60">
          {pending ? t("saving") : submitLabel}
        </button>
        {state && !state.ok && (
          <p role="alert" className="text-sm text-red-900">
            {Object.keys(fieldErrors).length > 0 ? t("fixFields") : t(`failed.${failure(state.error)}`)}
          </p>
        )}
        {state?.ok && (
          <p role="status" className="text-sm text-green-900">
            {typeof savedLabel === "function" ? savedLabel(state.data) : (savedLabel ?? t("saved"))}
          </p>
        )}
      </div>
      {state?.ok && renderResult?.(state.data)}
    </form>
  );
}

function failure(code: string): "conflict" | "notFound" | "rateLimited" | "other" {
  if (code === "conflict") return "conflict";
  if (code === "not_found") return "notFound";
  if (code === "rate_limited") return "rateLimited";
  return "other";
}
