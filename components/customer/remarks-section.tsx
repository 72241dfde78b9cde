"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/dealer-action";
import { StepHeading } from "@/components/customer/step-heading";

export type RemarksLabels = {
  heading: string;
  intro: string;
  title: string;
  description: string;
  add: string;
  adding: string;
  remove: string;
  errors: Record<string, string>;
};

type Props = {
  token: string;
  comments: { id: string; title: string; description: string }[];
  labels: RemarksLabels;
  addAction: (previous: unknown, formData: FormData) => Promise<ActionResult<unknown>>;
  removeAction: (previous: unknown, formData: FormData) => Promise<ActionResult<unknown>>;
};

/** Section 3: "Anything we should know?" — remarks the advisor reads before the visit. */
export function RemarksSection({ token, comments, labels, addAction, removeAction }: Props) {
  const [state, formAction, pending] = useActionState(addAction, null);
  const [, removeFormAction] = useActionState(removeAction, null);
  const fieldError = (name: string) => {
    const code = state && !state.ok ? state.fieldErrors?.[name] : undefined;
    return code ? (labels.errors[code] ?? labels.errors.invalid) : undefined;
  };
  const titleError = fieldError("title");
  const descriptionError = fieldError("description");
  return (
    <section aria-labelledby="remarks-heading" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-neutral-200">
      <StepHeading id="remarks-heading" step={3}>
        {labels.heading}
      </StepHeading>
      <p className="mt-1 text-neutral-700">{labels.intro}</p>
      {comments.length > 0 && (
        <ul className="mt-3 space-y-2">
          {comments.map((comment) => (
            <li key={comment.id} className="flex items-start justify-between gap-3 rounded-lg bg-neutral-50 p-3 ring-1 ring-neutral-200">
              <div>
                <p className="font-medium">{comment.title}</p>
                {comment.description && <p className="whitespace-pre-line text-neutral-800">{comment.description}</p>}
              </div>
              <form action={removeFormAction}>
                <input type="hidden" name="token" value={token} />
                <input type="hidden" name="commentId" value={comment.id} />
                <button type="submit" className="min-h-11 rounded px-3 text-sm underline">
                  {labels.remove}
                  <span className="sr-only"> — {comment.title}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form action={formAction} className="mt-4 space-y-3" noValidate>
        <input type="hidden" name="token" value={token} />
        <div>
          <label htmlFor="remark-title" className="block font-medium">
            {labels.title}
          </label>
          <input
            id="remark-title"
            name="title"
            maxLength={120}
            aria-invalid={titleError ? true : undefined}
            aria-describedby={titleError ? "remark-title-error" : undefined}
            className="mt-1 block min-h-12 w-full rounded border border-neutral-400 px-3"
          />
          {titleError && (
            <p id="remark-title-error" className="mt-1 text-sm font-medium text-red-800">
              {titleError}
            </p>
          )}
        </div>
        <div>
          <label htmlFor="remark-description" className="block font-medium">
            {labels.description}
          </label>
          <textarea
            id="remark-description"
            name="description"
            rows={3}
            maxLength={4000}
            aria-invalid={descriptionError ? true : undefined}
            aria-describedby={descriptionError ? "remark-description-error" : undefined}
            className="mt-1 block w-full rounded border border-neutral-400 px-3 py-2"
          />
          {descriptionError && (
            <p id="remark-description-error" className="mt-1 text-sm font-medium text-red-800">
              {descriptionError}
            </p>
          )}
        </div>
        <button
          type="submit"
          disabled={pending}
          className="min-h-12 rounded-lg border-2 border-brand bg-white px-4 font-semibold disabled:opacity-60"
        >
          {pending ? labels.adding : labels.add}
        </button>
      </form>
    </section>
  );
}
