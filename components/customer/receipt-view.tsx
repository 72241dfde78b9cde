import type { Receipt } from "@/lib/receipts/receipt-pdf";
import { formatMoney } from "@/lib/money";

/** A receipt as a page: the same object the PDF is drawn from, so the page and the PDF agree. */
export function ReceiptView({ receipt, testId }: { receipt: Receipt; testId?: string }) {
  const money = (minor: number) => formatMoney(minor, receipt.currency, receipt.locale);
  const last = receipt.totals?.length ? receipt.totals.length - 1 : -1;
  return (
    <section aria-label={receipt.title} className="space-y-4 rounded-xl bg-white p-4 shadow-sm ring-1 ring-neutral-200">
      <dl className="grid grid-cols-1 gap-y-1 text-sm">
        {receipt.facts.map((fact) => (
          <div key={fact.label} className="flex gap-3">
            <dt className="w-28 shrink-0 text-neutral-600">{fact.label}</dt>
            <dd className="font-medium">{fact.value}</dd>
          </div>
        ))}
      </dl>
      {receipt.sections.map((section) => (
        <div key={section.heading}>
          <h2 className="font-semibold">{section.heading}</h2>
          <ul className="mt-1 divide-y divide-neutral-200">
            {section.lines.map((line, index) => (
              <li key={index} className="flex justify-between gap-3 py-2">
                <span>
                  {line.title}
                  {line.detail && <span className="block text-sm text-neutral-700">{line.detail}</span>}
                </span>
                {line.grossMinor !== null && <span className="shrink-0 tabular-nums">{money(line.grossMinor)}</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {receipt.totals && (
        <dl className="space-y-1 border-t border-neutral-300 pt-2">
          {receipt.totals.map((total, index) => (
            <div key={total.label} className={`flex justify-between ${index === last ? "text-lg font-bold" : ""}`}>
              <dt>{total.label}</dt>
              <dd className="tabular-nums" data-testid={index === last && testId ? testId : undefined}>
                {money(total.valueMinor)}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {receipt.notes.map((note) => (
        <p key={note} className="text-sm text-neutral-800">
          {note}
        </p>
      ))}
    </section>
  );
}
