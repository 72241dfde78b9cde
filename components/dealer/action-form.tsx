"use client";

import type { ReactNode } from "react";
import type { ActionResult } from "@/lib/auth/dealer-action";
import { useKeptForm } from "@/components/shared/use-kept-form";

export type DoneAction = (previous: unknown, formData: FormData) => Promise<ActionResult<{ done: boolean }>>;

type Props = {
  action: DoneAction;
  fields: Record<string, string>;
  children: ReactNode;
  submitLabel: string;
  pendingLabel: string;
  /** The sentence shown when the server refuses; field errors are listed under it by path. */
  failed: string;
  className?: string;
  buttonClassName?: string;
};

/**
 * A plain form posting to a back-office server action (works before any script runs), with a visible
 * saving state and the refusal next to the button; a refused form keeps what was typed. The fields come
 * from the server-rendered children.
 */
export function ActionForm({ action, fields, children, submitLabel, pendingLabel, failed, className, buttonClassName }: Props) {
  const { formRef, state, pending, formAction, onSubmit } = useKeptForm(action);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className={className}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className={buttonClassName ?? "min-h-11 rounded bg-blue-900 px-4 font-semibold text-white disabled:opacity-60"}
        >
          {pending ? pendingLabel : submitLabel}
        </button>
        {state && !state.ok && (
          <p role="alert" className="text-sm text-red-900">
            {failed}
            {state.fieldErrors && Object.keys(state.fieldErrors).length > 0 && ` (${Object.keys(state.fieldErrors).join(", ")})`}
          </p>
        )}
      </div>
    </form>
  );
}
