import { computeTotals, type MoneyLine } from "@/lib/money";
import type { ReportSummary } from "@/lib/report/report-summary";

export type ReportSummaryLabels = {
  heading: string;
  planned: string;
  approved: string;
  contact: string;
  nothing: string;
  budget: string;
  vat: string;
  show: string;
};

type Item = { key: string; title: string; category: string; decision: string | null; lines: readonly MoneyLine[] };

const gross = (lines: readonly MoneyLine[]) => computeTotals(lines).grossMinor;

/**
 * Seed 004's summary in three parts — planned, extra work to repair (cart), to be contacted about
 * (phone) — with the budget incl. VAT and the VAT in it. Beside the list on a desktop; on a phone a
 * bottom sheet that opens from the budget line. All prices are left out where the site hides them.
 */
export function ReportSummaryPanel({
  items,
  summary,
  showPrices,
  money,
  labels,
}: {
  items: Item[];
  summary: ReportSummary;
  showPrices: boolean;
  money: (minor: number) => string;
  labels: ReportSummaryLabels;
}) {
  const parts = [
    {
      id: "planned",
      label: labels.planned,
      icon: "M9 12l2 2 4-4M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z",
      picked: items.filter((i) => i.category === "PLANNED"),
    },
    {
      id: "approved",
      label: labels.approved,
      icon: "M3 4h2l2.4 11.2a2 2 0 0 0 2 1.6h7.7a2 2 0 0 0 2-1.5L21 8H6M9 21h.01M18 21h.01",
      picked: items.filter((i) => i.category !== "PLANNED" && i.decision === "APPROVED"),
    },
    {
      id: "contact",
      label: labels.contact,
      icon: "M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2 2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1.9.4 1.8.7 2.7a2 2 0 0 1-.5 2.1L8 9.8a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.7.7a2 2 0 0 1 1.7 2z",
      picked: items.filter((i) => i.category !== "PLANNED" && i.decision === "CONTACT"),
    },
  ];
  const body = (
    <div className="space-y-3 px-4 pb-4 text-sm">
      {parts.map((part) => (
        <section key={part.id} aria-label={part.label} data-testid={`summary-${part.id}`}>
          <h3 className="flex items-center gap-2 font-semibold">
            <svg
              aria-hidden="true"
              viewBox="0 0 24 24"
              className="size-5"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
            >
              <path d={part.icon} />
            </svg>
            {part.label}
          </h3>
          {part.picked.length === 0 ? (
            <p className="text-neutral-600">{labels.nothing}</p>
          ) : (
            <ul>
              {part.picked.map((item) => (
                <li key={item.key} className="flex justify-between gap-3">
                  <span>{item.title}</span>
                  {showPrices && <span className="shrink-0 tabular-nums">{money(gross(item.lines))}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {showPrices && (
        <dl className="space-y-1 border-t border-neutral-300 pt-2">
          <div className="flex justify-between text-base font-semibold">
            <dt>{labels.budget}</dt>
            <dd className="tabular-nums">{money(summary.budget.grossMinor)}</dd>
          </div>
          <div className="flex justify-between">
            <dt>{labels.vat}</dt>
            <dd className="tabular-nums" data-testid="report-vat">
              {money(summary.budget.vatMinor)}
            </dd>
          </div>
        </dl>
      )}
    </div>
  );
  return (
    <>
      {/* Phone: a bottom sheet that opens from the budget line. */}
      <details
        data-bottom-bar="lg"
        className="fixed inset-x-0 bottom-0 z-40 max-h-[70vh] overflow-auto border-t border-neutral-300 bg-white shadow-[0_-4px_12px_rgba(0,0,0,0.08)] lg:hidden"
      >
        <summary className="flex min-h-14 cursor-pointer items-center justify-between gap-3 px-4 font-semibold">
          <span>
            {showPrices ? labels.budget : labels.heading} <span className="sr-only">({labels.show})</span>
          </span>
          {showPrices && (
            <span className="tabular-nums" data-testid="report-budget">
              {money(summary.budget.grossMinor)}
            </span>
          )}
        </summary>
        {body}
      </details>
      {/* Desktop: beside the list, always open. */}
      <aside
        aria-labelledby="summary-heading"
        className="hidden rounded-xl bg-white shadow-sm ring-1 ring-neutral-200 lg:sticky lg:top-4 lg:block"
      >
        <h2 id="summary-heading" className="px-4 pt-4 text-lg font-bold">
          {labels.heading}
        </h2>
        {body}
      </aside>
    </>
  );
}
