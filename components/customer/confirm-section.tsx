"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/dealer-action";
import { StepHeading } from "@/components/customer/step-heading";

export type ConfirmLabels = {
  heading: string;
  termsSummary: string;
  accept: string;
  confirm: string;
  confirming: string;
  mustAccept: string;
  /** The terms changed since the page was opened: the new ones are shown, to be read and ticked again. */
  termsChanged: string;
  failed: string;
};

type Props = {
  token: string;
  terms: { id: string; title: string; body: string } | null;
  labels: ConfirmLabels;
  action: (previous: unknown, formData: FormData) => Promise<ActionResult<unknown>>;
};

/** Section 4: the terms (short, expandable), one checkbox, one primary button. */
export function ConfirmSection({ token, terms, labels, action }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const error =
    state && !state.ok
      ? state.fieldErrors?.accept
        ? labels.mustAccept
        : state.fieldErrors?.termsVersionId
          ? labels.termsChanged
          : labels.failed
      : null;
  return (
    <section aria-labelledby="confirm-heading" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-neutral-200">
      <StepHeading id="confirm-heading" step={4}>
        {labels.heading}
      </StepHeading>
      {terms && (
        <details className="mt-3 rounded border border-neutral-300 p-3">
          <summary className="min-h-11 cursor-pointer content-center font-medium">
            {labels.termsSummary.replace("{title}", terms.title)}
          </summary>
          <div className="mt-2 space-y-2 whitespace-pre-line text-neutral-800">{terms.body}</div>
        </details>
      )}
      {/* Keyed by the version: a new text starts with the box unticked, so it is accepted anew. */}
      <form key={terms?.id ?? "none"} action={formAction} className="mt-4 space-y-4">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="termsVersionId" value={terms?.id ?? ""} />
        <label className="flex items-start gap-3">
          <input
            type="checkbox"
            name="accept"
            aria-required="true"
            className="mt-1 size-6 shrink-0"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "confirm-error" : undefined}
          />
          <span>{labels.accept}</span>
        </label>
        {error && (
          <p id="confirm-error" role="alert" className="font-medium text-red-800">
            {error}
          </p>
        )}
        <button
          type="submit"
          disabled={pending}
          className="min-h-12 w-full rounded-lg bg-brand px-5 text-lg font-semibold text-on-brand disabled:opacity-60"
        >
          {pending ? labels.confirming : labels.confirm}
        </button>
      </form>
    </section>
  );
}
