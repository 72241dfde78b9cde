"use client";

import type { FormEvent } from "react";
import type { ActionResult } from "@/lib/auth/dealer-action";
import type { MoneyTotals } from "@/lib/money";
import { useKeptForm } from "@/components/shared/use-kept-form";
import { AttachmentGrid, type AttachmentFile } from "@/components/customer/attachment-grid";

export type Decision = "APPROVED" | "DECLINED" | "CONTACT";

/** One item as the page shows it; file URLs are signed by the server for this link's holder only. */
export type ReportItemForPage = {
  key: string;
  category: "PLANNED" | "NECESSARY" | "RECOMMENDED" | "OK";
  title: string;
  description: string | null;
  totals: Pick<MoneyTotals, "grossMinor">;
  decision: Decision | null;
  reason: string | null;
  remindLabel: string | null;
  files: AttachmentFile[];
  messages: { id: string; mine: boolean; body: string; time: string }[];
  change: { kind: "new" } | { kind: "price"; previousGrossMinor: number } | null;
};

export type ReportItemCardLabels = {
  repair: string;
  decline: string;
  disagree: string;
  contact: string;
  declineConfirm: string;
  reason: string;
  reasonDisagree: string;
  remind: string;
  remindNone: string;
  remindMonths: Record<"1" | "3" | "6", string>;
  ask: string;
  question: string;
  send: string;
  you: string;
  advisor: string;
  newItem: string;
  priceChanged: string;
  agreed: string;
  photo: string;
  video: string;
  yourAnswer: string;
  decisions: Record<Decision, string>;
};

type Action = (previous: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

type Props = {
  token: string;
  version: number;
  item: ReportItemForPage;
  price: string | null;
  previousPrice: string | null;
  labels: ReportItemCardLabels;
  pending: boolean;
  decide: (formData: FormData) => void;
  onDecide: (decision: Decision) => void;
  askAction: Action;
};

const ring = { NECESSARY: "ring-red-300", RECOMMENDED: "ring-amber-300", PLANNED: "ring-neutral-200", OK: "ring-green-300" } as const;

/**
 * One finding: what it is, its photos and price, and the customer's answer — repair, not now (for a
 * recommendation "I don't agree", with an optional reason and a reminder) or call me — plus a question
 * thread with the advisor. Planned work is shown as already agreed.
 */
export function ReportItemCard({ token, version, item, price, previousPrice, labels, pending, decide, onDecide, askAction }: Props) {
  const { formRef: questionForm, formAction: ask, onSubmit: onAsk, pending: asking } = useKeptForm(askAction);
  const decidable = item.category === "NECESSARY" || item.category === "RECOMMENDED";
  const hidden = (
    <>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="itemKey" value={item.key} />
    </>
  );
  const choice = (decision: Decision, label: string) => {
    const chosen = item.decision === decision;
    return (
      <button
        type="submit"
        name="decision"
        value={decision}
        disabled={pending}
        aria-pressed={chosen}
        className={`min-h-12 w-full rounded-lg px-3 font-semibold ${chosen ? "bg-brand text-on-brand" : "border-2 border-brand bg-white"}`}
      >
        {chosen && <span aria-hidden="true">✓ </span>}
        {label}
        <span className="sr-only"> — {item.title}</span>
      </button>
    );
  };
  // Repair and call me share one form, the pressed button sending the decision (with or without
  // JavaScript): every form repeats React's hidden action fields and the link's, ~650 bytes of HTML.
  const onChoice = (event: FormEvent<HTMLFormElement>) => {
    const decision = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value");
    if (decision === "APPROVED" || decision === "CONTACT") onDecide(decision);
  };
  const disagree = item.category === "RECOMMENDED";

  return (
    <li className={`rounded-xl bg-white p-4 shadow-sm ring-1 ${ring[item.category]}`} data-item={item.key}>
      <div className="flex items-start justify-between gap-3">
        <h3 className="font-semibold">
          {item.title}
          {item.change?.kind === "new" && (
            <span className="ml-2 rounded bg-blue-100 px-2 py-0.5 text-xs font-semibold text-blue-900">{labels.newItem}</span>
          )}
        </h3>
        {price && <p className="shrink-0 font-semibold tabular-nums">{price}</p>}
      </div>
      {previousPrice && <p className="text-sm font-medium text-blue-900">{labels.priceChanged.replace("{price}", previousPrice)}</p>}
      {item.description && <p className="mt-1 whitespace-pre-line text-neutral-800">{item.description}</p>}
      <AttachmentGrid files={item.files} of={item.title} photo={labels.photo} video={labels.video} />

      {item.category === "PLANNED" && <p className="mt-2 text-sm font-medium text-neutral-700">{labels.agreed}</p>}
      {decidable && (
        <div className="mt-3 space-y-2" role="group" aria-label={`${labels.yourAnswer} — ${item.title}`}>
          <form action={decide} onSubmit={onChoice} className="grid grid-cols-2 gap-2">
            {hidden}
            {choice("APPROVED", labels.repair)}
            {choice("CONTACT", labels.contact)}
          </form>
          <details className="rounded-lg ring-1 ring-neutral-300" open={item.decision === "DECLINED" || undefined}>
            <summary
              className={`flex min-h-12 cursor-pointer items-center px-3 font-semibold ${item.decision === "DECLINED" ? "bg-neutral-800 text-white" : ""}`}
            >
              {item.decision === "DECLINED" && <span aria-hidden="true">✓&nbsp;</span>}
              {disagree ? labels.disagree : labels.decline}
              <span className="sr-only"> — {item.title}</span>
            </summary>
            <form action={decide} onSubmit={() => onDecide("DECLINED")} className="space-y-2 p-3">
              {hidden}
              <input type="hidden" name="decision" value="DECLINED" />
              <label htmlFor={`reason-${item.key}`} className="block text-sm font-medium">
                {disagree ? labels.reasonDisagree : labels.reason}
              </label>
              <textarea
                id={`reason-${item.key}`}
                name="reason"
                rows={2}
                maxLength={1000}
                defaultValue={item.reason ?? ""}
                className="block w-full rounded border border-neutral-400 px-3 py-2"
              />
              <label htmlFor={`remind-${item.key}`} className="block text-sm font-medium">
                {labels.remind}
              </label>
              <select
                id={`remind-${item.key}`}
                name="remindMonths"
                defaultValue=""
                className="block min-h-11 w-full rounded border border-neutral-400 bg-white px-3"
              >
                <option value="">{labels.remindNone}</option>
                {(["1", "3", "6"] as const).map((months) => (
                  <option key={months} value={months}>
                    {labels.remindMonths[months]}
                  </option>
                ))}
              </select>
              {item.remindLabel && <p className="text-sm text-neutral-700">{item.remindLabel}</p>}
              <button
                type="submit"
                disabled={pending}
                className="min-h-12 w-full rounded-lg border-2 border-neutral-800 bg-white px-3 font-semibold"
              >
                {labels.declineConfirm}
                <span className="sr-only"> — {item.title}</span>
              </button>
            </form>
          </details>
          {item.decision && <p className="text-sm font-medium text-neutral-700">{labels.decisions[item.decision]}</p>}
        </div>
      )}

      {item.category !== "OK" && (
        <details className="mt-3" open={item.messages.length > 0 || undefined}>
          <summary className="flex min-h-11 cursor-pointer items-center text-sm font-medium underline">
            {labels.ask}
            <span className="sr-only"> — {item.title}</span>
          </summary>
          {item.messages.length > 0 && (
            <ol className="mt-2 space-y-2">
              {item.messages.map((message) => (
                <li key={message.id} className={`rounded-lg p-2 text-sm ${message.mine ? "ml-6 bg-neutral-100" : "mr-6 bg-blue-50"}`}>
                  <p className="font-medium">
                    {message.mine ? labels.you : labels.advisor} · <span className="font-normal text-neutral-700">{message.time}</span>
                  </p>
                  <p className="whitespace-pre-line">{message.body}</p>
                </li>
              ))}
            </ol>
          )}
          <form ref={questionForm} action={ask} onSubmit={onAsk} className="mt-2 space-y-2">
            {hidden}
            <label htmlFor={`question-${item.key}`} className="block text-sm font-medium">
              {labels.question}
            </label>
            <textarea
              id={`question-${item.key}`}
              name="body"
              rows={2}
              maxLength={2000}
              required
              className="block w-full rounded border border-neutral-400 px-3 py-2"
            />
            <button
              type="submit"
              disabled={asking}
              className="min-h-11 rounded-lg border-2 border-brand bg-white px-3 text-sm font-semibold"
            >
              {labels.send}
            </button>
          </form>
        </details>
      )}
    </li>
  );
}
