"use client";

import { useActionState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/auth/dealer-action";

export type CheckinItemAction = (previous: unknown, formData: FormData) => Promise<ActionResult<{ done: boolean }>>;

type Props = {
  action: CheckinItemAction;
  /** Hidden fields: which appointment and item, and the state to set. */
  fields: Record<string, string>;
  /** A toggle shows its current state (aria-pressed); a one-way action (convert) has none. */
  pressed?: boolean;
  label: ReactNode;
  pendingLabel: string;
  failed: string;
  className: string;
};

/**
 * One button in a plain form posting to a server action: works before any script runs, acts at once, and
 * the toggles can be undone by pressing again (UX.md, back-office).
 */
export function CheckinToggleForm({ action, fields, pressed, label, pendingLabel, failed, className }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline-flex flex-col">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" aria-pressed={pressed} disabled={pending} className={className}>
        {pending ? pendingLabel : label}
      </button>
      {state && !state.ok && (
        <p role="alert" className="text-sm text-red-900">
          {failed}
        </p>
      )}
    </form>
  );
}
