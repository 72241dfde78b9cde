"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/dealer-action";
import { AttachmentGrid, type AttachmentFile } from "@/components/customer/attachment-grid";
import { RemarkComposer, type RemarkComposerLabels } from "@/components/customer/remark-composer";
import { StepHeading } from "@/components/customer/step-heading";

export type RemarksLabels = RemarkComposerLabels & {
  heading: string;
  intro: string;
  remove: string;
};

/** A remark as the page shows it; file URLs are signed by the server for this link's holder only. */
export type RemarkView = {
  id: string;
  title: string;
  description: string;
  attachments: AttachmentFile[];
};

type Props = {
  token: string;
  comments: RemarkView[];
  maxFiles: number;
  refusedCode?: string;
  labels: RemarksLabels;
  addAction: (previous: unknown, formData: FormData) => Promise<ActionResult<unknown>>;
  removeAction: (previous: unknown, formData: FormData) => Promise<ActionResult<unknown>>;
};

/** Section 3: "Anything we should know?" — remarks, with photos and videos, the advisor reads before the visit. */
export function RemarksSection({ token, comments, maxFiles, refusedCode, labels, addAction, removeAction }: Props) {
  const [, removeFormAction] = useActionState(removeAction, null);
  return (
    <section id="remarks" aria-labelledby="remarks-heading" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-neutral-200">
      <StepHeading id="remarks-heading" step={3}>
        {labels.heading}
      </StepHeading>
      <p className="mt-1 text-neutral-700">{labels.intro}</p>
      {comments.length > 0 && (
        <ul className="mt-3 space-y-2">
          {comments.map((comment) => (
            <li key={comment.id} className="rounded-lg bg-neutral-50 p-3 ring-1 ring-neutral-200">
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <p className="font-medium break-words">{comment.title}</p>
                  {comment.description && <p className="break-words whitespace-pre-line text-neutral-800">{comment.description}</p>}
                </div>
                <form action={removeFormAction}>
                  <input type="hidden" name="token" value={token} />
                  <input type="hidden" name="commentId" value={comment.id} />
                  <button type="submit" className="min-h-11 rounded px-3 text-sm underline">
                    {labels.remove}
                    <span className="sr-only"> — {comment.title}</span>
                  </button>
                </form>
              </div>
              <AttachmentGrid files={comment.attachments} of={comment.title} photo={labels.photo} video={labels.video} />
            </li>
          ))}
        </ul>
      )}
      <RemarkComposer token={token} maxFiles={maxFiles} refusedCode={refusedCode} labels={labels} addAction={addAction} />
    </section>
  );
}
