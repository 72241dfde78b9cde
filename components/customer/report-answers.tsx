"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/auth/dealer-action";
import { formatMoney, type MoneyLine } from "@/lib/money";
import { reportSummary, type SummaryItem } from "@/lib/report/report-summary";
import { useKeptForm } from "@/components/shared/use-kept-form";
import { ReportItemCard, type ReportItemCardLabels, type ReportItemForPage } from "@/components/customer/report-item-card";
import { ReportSummaryPanel, type ReportSummaryLabels } from "@/components/customer/report-summary-panel";

type Action = (previous: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

export type ReportAnswersLabels = {
  categories: Record<"NECESSARY" | "RECOMMENDED" | "PLANNED", string>;
  checkedOk: string;
  item: ReportItemCardLabels;
  summary: ReportSummaryLabels;
  finalHeading: string;
  finalComment: string;
  submit: string;
  sending: string;
  stale: string;
  failed: string;
};

type Props = {
  token: string;
  version: number;
  locale: string;
  currency: string;
  showPrices: boolean;
  finalComment: string;
  items: (ReportItemForPage & { lines: (MoneyLine & { title: string })[] })[];
  labels: ReportAnswersLabels;
  decideAction: Action;
  askAction: Action;
  submitAction: Action;
};

/**
 * The report's items by category, each with its decision forms, and the live summary. Every answer is a
 * plain form (works without JavaScript; the page re-renders with the server's totals); with JavaScript
 * the summary follows each choice at once. The totals use the same rule as the API and the receipt.
 */
export function ReportAnswers(props: Props) {
  const { token, version, locale, currency, showPrices, items, labels } = props;
  const [decideState, decide, deciding] = useActionState(props.decideAction, null);
  // The final comments stay in the box if sending is refused (e.g. the advisor has just updated the report).
  const {
    formRef: finalForm,
    formAction: submit,
    onSubmit: onSend,
    state: submitState,
    pending: submitting,
  } = useKeptForm(props.submitAction, { resetOnSuccess: false });
  const serverDecisions = items.map((item) => `${item.key}=${item.decision ?? ""}`).join("&");
  const [decisions, setDecisions] = useState(() => new Map(items.map((item) => [item.key, item.decision])));
  const [seen, setSeen] = useState(serverDecisions);
  // The server's answer wins once it arrives (it may have refused a choice): adjust during render.
  if (seen !== serverDecisions) {
    setSeen(serverDecisions);
    setDecisions(new Map(items.map((item) => [item.key, item.decision])));
  }

  const summaryItems: (SummaryItem & { key: string; title: string })[] = items.map((item) => ({
    key: item.key,
    title: item.title,
    category: item.category,
    decision: decisions.get(item.key) ?? null,
    lines: item.lines,
  }));
  const summary = reportSummary(summaryItems);
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const failure = [decideState, submitState].find((state) => state && !state.ok);
  const problem = failure && !failure.ok ? (failure.error === "conflict" ? labels.stale : labels.failed) : null;
  const ok = items.filter((item) => item.category === "OK");

  return (
    <div className="lg:grid lg:grid-cols-[1fr_20rem] lg:items-start lg:gap-6">
      <div id="report" className="space-y-6">
        {problem && (
          <p role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-red-900 ring-1 ring-red-300">
            {problem}
          </p>
        )}
        {(["NECESSARY", "RECOMMENDED", "PLANNED"] as const).map((category) => {
          const inCategory = items.filter((item) => item.category === category);
          if (inCategory.length === 0) return null;
          return (
            <section key={category} aria-labelledby={`cat-${category}`}>
              <h2 id={`cat-${category}`} className="text-lg font-bold">
                {labels.categories[category]}
              </h2>
              <ul className="mt-3 space-y-3">
                {inCategory.map((item) => (
                  <ReportItemCard
                    key={item.key}
                    token={token}
                    version={version}
                    item={{ ...item, decision: decisions.get(item.key) ?? null }}
                    price={showPrices ? money(item.totals.grossMinor) : null}
                    previousPrice={showPrices && item.change?.kind === "price" ? money(item.change.previousGrossMinor) : null}
                    labels={labels.item}
                    pending={deciding}
                    decide={decide}
                    onDecide={(decision) => setDecisions((current) => new Map(current).set(item.key, decision))}
                    askAction={props.askAction}
                  />
                ))}
              </ul>
            </section>
          );
        })}
        {ok.length > 0 && (
          <details className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-green-300">
            <summary className="min-h-11 cursor-pointer font-semibold text-green-900">{labels.checkedOk}</summary>
            <ul className="mt-2 list-inside list-disc text-neutral-800">
              {ok.map((item) => (
                <li key={item.key}>{item.title}</li>
              ))}
            </ul>
          </details>
        )}

        <section aria-labelledby="final-heading" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-neutral-200">
          <h2 id="final-heading" className="text-lg font-bold">
            {labels.finalHeading}
          </h2>
          <form ref={finalForm} action={submit} onSubmit={onSend} className="mt-3 space-y-3">
            <input type="hidden" name="token" value={token} />
            <input type="hidden" name="version" value={version} />
            <label htmlFor="final-comment" className="block font-medium">
              {labels.finalComment}
            </label>
            <textarea
              id="final-comment"
              name="finalComment"
              rows={3}
              maxLength={4000}
              defaultValue={props.finalComment}
              className="block w-full rounded border border-neutral-400 px-3 py-2"
            />
            <button
              type="submit"
              disabled={submitting}
              className="min-h-12 w-full rounded-lg bg-brand px-4 font-semibold text-on-brand disabled:opacity-60"
            >
              {submitting ? labels.sending : labels.submit}
            </button>
          </form>
        </section>
      </div>
      <ReportSummaryPanel items={summaryItems} summary={summary} showPrices={showPrices} money={money} labels={labels.summary} />
    </div>
  );
}
