"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { SettingsActionFn } from "@/components/dealer/settings-form";
import { useKeptForm } from "@/components/shared/use-kept-form";

type Props = {
  action: SettingsActionFn<unknown>;
  /** The member acted on, sent as `id`. */
  id: string;
  children?: ReactNode;
  submitLabel: string;
  pendingLabel: string;
  /** Sent as the submit button's own name=value (the confirm step of an action that signs someone out). */
  submitValue?: { name: string; value: string };
  /** Asked above the button (the confirm step of deactivating). */
  question?: string;
  /** Said (role=status) once the server accepted the form. */
  savedLabel?: string;
  danger?: boolean;
  className?: string;
};

/**
 * One action on one row of the staff list (change the role, deactivate, reactivate, send the invitation
 * again) as a plain form: works without JavaScript, says "…" while it works, and puts a refusal — "you
 * cannot remove your own access", "the dealer needs an admin" — in words beside the button.
 */
export function StaffRowForm({
  action,
  id,
  children,
  submitLabel,
  pendingLabel,
  submitValue,
  question,
  savedLabel,
  danger,
  className,
}: Props) {
  const t = useTranslations("settingsStaff");
  const { formRef, state, pending, formAction, onSubmit } = useKeptForm(action, { resetOnSuccess: false });
  const code = state && !state.ok ? (Object.values(state.fieldErrors ?? {})[0] ?? state.error) : null;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className={className ?? "flex flex-col items-start gap-1"}>
      <input type="hidden" name="id" value={id} />
      {question && <p>{question}</p>}
      {/* A control and its button side by side: a table cell may not squeeze them apart. */}
      <div className={children ? "flex items-center gap-2 whitespace-nowrap" : "flex items-center gap-2"}>
        {children}
        <button
          type="submit"
          disabled={pending}
          {...(submitValue ? { name: submitValue.name, value: submitValue.value } : {})}
          className={
            danger
              ? "min-h-11 rounded bg-red-800 px-3 font-semibold text-white disabled:opacity-60"
              : "min-h-11 rounded border border-neutral-500 bg-white px-3 font-medium disabled:opacity-60"
          }
        >
          {pending ? pendingLabel : submitLabel}
        </button>
      </div>
      {state?.ok && savedLabel && (
        <p role="status" className="text-sm text-green-900">
          {savedLabel}
        </p>
      )}
      {code && (
        <p role="alert" className="max-w-64 text-sm text-red-900">
          {t.has(`errors.${code}`) ? t(`errors.${code}`) : t("errors.other")}
        </p>
      )}
    </form>
  );
}
