"use client";

import { useActionState, useState } from "react";
import { computeTotals, formatMoney, formatVatRate, lineNet, lineVat, type MoneyLine } from "@/lib/money";
import type { ActionResult } from "@/lib/auth/dealer-action";
import { StepHeading } from "@/components/customer/step-heading";

export type ExtraService = {
  id: string;
  title: string;
  description: string;
  priceMinor: number;
  vatRateBp: number;
  linkUrl: string | null;
  imageUrl: string | null;
};

export type ExtrasLabels = {
  heading: string;
  intro: string;
  add: string;
  added: string;
  remove: string;
  moreInfo: string;
  noExtras: string;
  total: string;
  net: string;
  vatAtRate: string;
  planned: string;
  extras: string;
  showSummary: string;
};

type Props = {
  token: string;
  locale: string;
  currency: string;
  showPrices: boolean;
  planned: (MoneyLine & { title: string })[];
  services: ExtraService[];
  selectedIds: string[];
  labels: ExtrasLabels;
  action: (previous: unknown, formData: FormData) => Promise<ActionResult<unknown>>;
};

/**
 * Section 2 and the summary. Every Add / Remove is a plain form (works without JavaScript: the server
 * recomputes and re-renders); with JavaScript the choice and the totals change at once, before the
 * server answers. Totals use lib/money, the same rule the server applies on confirmation.
 */
export function ExtrasAndSummary({ token, locale, currency, showPrices, planned, services, selectedIds, labels, action }: Props) {
  const [, formAction, pending] = useActionState(action, null);
  const serverSelection = selectedIds.join(",");
  const [selected, setSelected] = useState(() => new Set(selectedIds));
  const [seenSelection, setSeenSelection] = useState(serverSelection);
  // The server's answer wins once it arrives (it may have refused a choice): adjust during render.
  if (seenSelection !== serverSelection) {
    setSeenSelection(serverSelection);
    setSelected(new Set(selectedIds));
  }

  const chosen = services.filter((s) => selected.has(s.id));
  const lines: MoneyLine[] = [
    ...planned,
    ...chosen.map((s) => ({ quantityMilli: 1000, unitPriceMinor: s.priceMinor, vatRateBp: s.vatRateBp })),
  ];
  const totals = computeTotals(lines);
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const gross = (s: ExtraService) => {
    const line = { quantityMilli: 1000, unitPriceMinor: s.priceMinor, vatRateBp: s.vatRateBp };
    return lineNet(line) + lineVat(line);
  };

  return (
    <>
      <section aria-labelledby="extras-heading" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-neutral-200">
        <StepHeading id="extras-heading" step={2}>
          {labels.heading}
        </StepHeading>
        <p className="mt-1 text-neutral-700">{services.length ? labels.intro : labels.noExtras}</p>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2">
          {services.map((service) => {
            const isSelected = selected.has(service.id);
            return (
              <li
                key={service.id}
                className={`overflow-hidden rounded-lg ring-2 ${isSelected ? "ring-brand" : "ring-neutral-200"}`}
                data-service={service.id}
              >
                {service.imageUrl && (
                  // eslint-disable-next-line @next/next/no-img-element -- the dealer's own image, already sized and re-encoded by sharp
                  <img
                    src={service.imageUrl}
                    alt=""
                    width={640}
                    height={400}
                    className="aspect-[16/10] w-full object-cover"
                    loading="lazy"
                  />
                )}
                <div className="space-y-2 p-3">
                  <div className="flex items-start justify-between gap-3">
                    <h3 className="font-semibold">{service.title}</h3>
                    {showPrices && <p className="shrink-0 font-semibold tabular-nums">{money(gross(service))}</p>}
                  </div>
                  <p className="text-neutral-800">{service.description}</p>
                  {service.linkUrl && (
                    <a
                      href={service.linkUrl}
                      target="_blank"
                      rel="noopener noreferrer"
                      className="inline-flex min-h-11 items-center text-brand underline"
                    >
                      {labels.moreInfo}
                      <span className="sr-only"> — {service.title}</span>
                    </a>
                  )}
                  <form
                    action={formAction}
                    onSubmit={() =>
                      setSelected((current) => {
                        const next = new Set(current);
                        if (isSelected) next.delete(service.id);
                        else next.add(service.id);
                        return next;
                      })
                    }
                  >
                    <input type="hidden" name="token" value={token} />
                    <input type="hidden" name="serviceId" value={service.id} />
                    <input type="hidden" name="selected" value={isSelected ? "0" : "1"} />
                    <input type="hidden" name="locale" value={locale} />
                    <button
                      type="submit"
                      aria-pressed={isSelected}
                      className={`min-h-12 w-full rounded-lg px-4 font-semibold ${isSelected ? "bg-brand text-on-brand" : "border-2 border-brand bg-white text-neutral-900"}`}
                    >
                      {isSelected ? `✓ ${labels.added}` : labels.add}
                      {isSelected && <span className="sr-only"> — {labels.remove}</span>}
                    </button>
                  </form>
                </div>
              </li>
            );
          })}
        </ul>
      </section>

      {showPrices && (
        <details
          data-bottom-bar="sm"
          className="group fixed inset-x-0 bottom-0 z-40 border-t border-neutral-300 bg-white shadow-[0_-4px_12px_rgba(0,0,0,0.08)] sm:static sm:rounded-xl sm:border sm:shadow-sm"
          aria-busy={pending}
        >
          <summary className="mx-auto flex min-h-14 max-w-3xl cursor-pointer items-center justify-between gap-3 px-4 font-semibold">
            <span>
              {labels.total} <span className="sr-only">({labels.showSummary})</span>
            </span>
            <span className="tabular-nums" data-testid="total-gross">
              {money(totals.grossMinor)}
            </span>
          </summary>
          <div className="mx-auto max-w-3xl space-y-1 px-4 pb-4 text-sm">
            <p className="font-medium">{labels.planned}</p>
            <ul>
              {planned.map((line, i) => (
                <li key={i} className="flex justify-between">
                  <span>{line.title}</span>
                  <span className="tabular-nums">{money(lineNet(line) + lineVat(line))}</span>
                </li>
              ))}
            </ul>
            {chosen.length > 0 && <p className="pt-2 font-medium">{labels.extras}</p>}
            <ul>
              {chosen.map((s) => (
                <li key={s.id} className="flex justify-between">
                  <span>{s.title}</span>
                  <span className="tabular-nums">{money(gross(s))}</span>
                </li>
              ))}
            </ul>
            <dl className="mt-2 space-y-1 border-t border-neutral-300 pt-2">
              <div className="flex justify-between">
                <dt>{labels.net}</dt>
                <dd className="tabular-nums">{money(totals.netMinor)}</dd>
              </div>
              {totals.vatByRate.map((vat) => (
                <div key={vat.rateBp} className="flex justify-between">
                  <dt>{labels.vatAtRate.replace("{rate}", formatVatRate(vat.rateBp))}</dt>
                  <dd className="tabular-nums">{money(vat.vatMinor)}</dd>
                </div>
              ))}
              <div className="flex justify-between text-base font-semibold">
                <dt>{labels.total}</dt>
                <dd className="tabular-nums">{money(totals.grossMinor)}</dd>
              </div>
            </dl>
          </div>
        </details>
      )}
    </>
  );
}
