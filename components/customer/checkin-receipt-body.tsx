import { getFormatter, getTranslations } from "next-intl/server";
import { DoneHeading } from "@/components/customer/done-heading";
import { lastChangeAt, type CheckinView } from "@/lib/checkin/get-checkin-by-token";
import type { Locale } from "@/lib/i18n/locales";
import { computeTotals, formatMoney, formatVatRate, lineNet, lineVat } from "@/lib/money";

type Props = { token: string; view: CheckinView; locale: Locale };

/**
 * The check-in receipt as the customer sees it after confirming: what was agreed, the total, and until
 * when it can still be changed. Rendered by the link's page, and by the marketing preview.
 */
export async function CheckinReceiptBody({ token, view, locale }: Props) {
  const { answer } = view;
  const [t, tc, format] = await Promise.all([
    getTranslations({ locale, namespace: "checkin.done" }),
    getTranslations({ locale, namespace: "checkin" }),
    getFormatter({ locale }),
  ]);
  const tz = view.brand.site.timeZone;
  const when = (d: Date) =>
    format.dateTime(d, { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZone: tz });
  const money = (minor: number) => formatMoney(minor, view.appointment.currency, locale);
  const extras = answer.selections;
  const totals = computeTotals([...view.plannedWork, ...extras]);
  const lastChange = lastChangeAt(view);
  const showPrices = view.brand.site.showPrices;

  return (
    <div className="space-y-5">
      <DoneHeading title={t("title")}>
        {answer.submittedAt && <p className="mt-2 text-neutral-700">{t("confirmedAt", { time: when(answer.submittedAt) })}</p>}
        <p className="mt-2 font-medium">{t("changeUntil", { time: when(lastChange) })}</p>
      </DoneHeading>

      <section aria-labelledby="agreed-heading" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-neutral-200">
        <h2 id="agreed-heading" className="text-lg font-semibold">
          {t("agreed")}
        </h2>
        <ul className="mt-2 divide-y divide-neutral-200">
          {[
            ...view.plannedWork.map((l) => ({ key: l.id, title: l.title, line: l })),
            ...extras.map((s) => ({ key: s.optionalServiceId, title: s.title, line: s })),
          ].map((item) => (
            <li key={item.key} className="flex justify-between gap-3 py-2">
              <span>{item.title}</span>
              {showPrices && <span className="tabular-nums">{money(lineNet(item.line) + lineVat(item.line))}</span>}
            </li>
          ))}
        </ul>
        {extras.length === 0 && <p className="mt-2 text-neutral-700">{t("nothingExtra")}</p>}
        {showPrices && (
          <dl className="mt-3 space-y-1 border-t border-neutral-300 pt-3 text-sm">
            {totals.vatByRate.map((vat) => (
              <div key={vat.rateBp} className="flex justify-between">
                <dt>{tc("vatAtRate", { rate: formatVatRate(vat.rateBp) })}</dt>
                <dd className="tabular-nums">{money(vat.vatMinor)}</dd>
              </div>
            ))}
            <div className="flex justify-between text-base font-semibold">
              <dt>{tc("totalInclVat")}</dt>
              <dd className="tabular-nums" data-testid="receipt-total">
                {money(totals.grossMinor)}
              </dd>
            </div>
          </dl>
        )}
      </section>

      {answer.comments.length > 0 && (
        <section aria-labelledby="remarks-heading" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-neutral-200">
          <h2 id="remarks-heading" className="text-lg font-semibold">
            {t("remarks")}
          </h2>
          <ul className="mt-2 space-y-2">
            {answer.comments.map((c) => (
              <li key={c.id}>
                <p className="font-medium">{c.title}</p>
                {c.description && <p className="whitespace-pre-line text-neutral-800">{c.description}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <p className="flex flex-wrap gap-3">
        <a
          href={`/c/${token}/receipt.pdf`}
          download
          className="inline-flex min-h-12 items-center rounded-lg bg-brand px-4 font-semibold text-on-brand"
        >
          {t("downloadPdf")}
        </a>
        <a href={`/c/${token}`} className="inline-flex min-h-12 items-center rounded-lg border-2 border-brand bg-white px-4 font-semibold">
          {t("change")}
        </a>
      </p>
    </div>
  );
}
