import { useTranslations } from "next-intl";
import { formatMoney, formatQuantity, formatVatRate } from "@/lib/money";
import type { CheckinView } from "@/lib/checkin/get-checkin-by-token";
import type { Locale } from "@/lib/i18n/locales";

/** The planned work with remarks, and prices incl. VAT where the site shows prices. */
export function PlannedWorkList({ view, locale }: { view: CheckinView; locale: Locale }) {
  const t = useTranslations("checkin");
  const { plannedWork, totals, appointment, brand } = view;
  const money = (minor: number) => formatMoney(minor, appointment.currency, locale);
  const showPrices = brand.site.showPrices;

  return (
    <section aria-labelledby="planned-heading" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-neutral-200">
      <h2 id="planned-heading" className="text-lg font-semibold">
        {t("plannedWork")}
      </h2>
      {plannedWork.length === 0 ? (
        <p className="mt-2 text-neutral-700">{t("noPlannedWork")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-neutral-200">
          {plannedWork.map((line) => (
            <li key={line.id} className="flex items-start justify-between gap-4 py-3">
              <div>
                <p className="font-medium">{line.title}</p>
                {line.remarks && <p className="text-sm text-neutral-700">{line.remarks}</p>}
                {line.quantityMilli !== 1000 && (
                  <p className="text-sm text-neutral-600">{t("quantity", { quantity: formatQuantity(line.quantityMilli) })}</p>
                )}
              </div>
              {showPrices && <p className="shrink-0 font-medium tabular-nums">{money(line.grossMinor)}</p>}
            </li>
          ))}
        </ul>
      )}
      {plannedWork.length > 0 &&
        (showPrices ? (
          <dl className="mt-3 space-y-1 border-t border-neutral-300 pt-3 text-sm">
            <div className="flex justify-between">
              <dt>{t("net")}</dt>
              <dd className="tabular-nums">{money(totals.netMinor)}</dd>
            </div>
            {totals.vatByRate.map((vat) => (
              <div key={vat.rateBp} className="flex justify-between">
                <dt>{t("vatAtRate", { rate: formatVatRate(vat.rateBp) })}</dt>
                <dd className="tabular-nums">{money(vat.vatMinor)}</dd>
              </div>
            ))}
            <div className="flex justify-between text-base font-semibold">
              <dt>{t("totalInclVat")}</dt>
              <dd className="tabular-nums">{money(totals.grossMinor)}</dd>
            </div>
          </dl>
        ) : (
          <p className="mt-3 text-sm text-neutral-700">{t("pricesOnSite")}</p>
        ))}
    </section>
  );
}
