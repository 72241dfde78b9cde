"use client";

import { useTranslations } from "next-intl";
import type { SettingsActionFn } from "@/components/dealer/settings-form";
import { useKeptForm } from "@/components/shared/use-kept-form";

type Props = {
  action: SettingsActionFn<unknown>;
  /** The record acted on, sent as `id`. */
  id: string;
  openLabel: string;
  question: string;
  confirmLabel: string;
  pendingLabel: string;
};

/**
 * An action that cannot be undone (revoke a key, deactivate an endpoint) in two steps that work without
 * JavaScript: the disclosure opens the question, and only its button sends `confirm=yes`, which the
 * server action requires.
 */
export function ApiConfirmForm({ action, id, openLabel, question, confirmLabel, pendingLabel }: Props) {
  const t = useTranslations("settingsApi");
  const { formRef, state, pending, formAction, onSubmit } = useKeptForm(action, { resetOnSuccess: false });
  return (
    <details>
      <summary className="inline-flex min-h-11 cursor-pointer items-center rounded border border-red-800 px-3 font-medium text-red-900">
        {openLabel}
      </summary>
      <form
        ref={formRef}
        action={formAction}
        onSubmit={onSubmit}
        className="mt-2 max-w-sm space-y-2 rounded border border-red-200 bg-red-50 p-3"
      >
        <input type="hidden" name="id" value={id} />
        <p>{question}</p>
        <button
          type="submit"
          name="confirm"
          value="yes"
          disabled={pending}
          className="min-h-11 rounded bg-red-800 px-4 font-semibold text-white disabled:opacity-60"
        >
          {pending ? pendingLabel : confirmLabel}
        </button>
        {state && !state.ok && (
          <p role="alert" className="text-sm text-red-900">
            {state.error === "not_found" ? t("gone") : t("failed")}
          </p>
        )}
      </form>
    </details>
  );
}
