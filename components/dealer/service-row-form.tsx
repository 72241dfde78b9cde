"use client";

import type { ReactNode } from "react";
import type { SettingsActionFn } from "@/components/dealer/settings-form";
import { useKeptForm } from "@/components/shared/use-kept-form";

type Props = {
  action: SettingsActionFn<unknown>;
  fields: Record<string, string>;
  /** The button's content; name the service in it (sr-only is fine) so each button says what it acts on. */
  label: ReactNode;
  pendingLabel: string;
  failed: string;
  className?: string;
};

/**
 * One button that changes one service (move up, deactivate, remove the image): a plain form posting to a
 * server action, so it works before any script runs; with one, it says so while saving and shows a
 * refusal beside the button.
 */
export function ServiceRowForm({ action, fields, label, pendingLabel, failed, className }: Props) {
  const { formRef, state, pending, formAction, onSubmit } = useKeptForm(action, { resetOnSuccess: false });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="inline-flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        className={
          className ??
          "inline-flex min-h-11 items-center gap-1.5 rounded border border-neutral-800 bg-white px-3 text-sm font-semibold disabled:opacity-60"
        }
      >
        {pending ? pendingLabel : label}
      </button>
      {state && !state.ok && (
        <span role="alert" className="text-sm text-red-900">
          {failed}
        </span>
      )}
    </form>
  );
}
