import { useTranslations } from "next-intl";
import type { ReportCategory } from "@/lib/db/generated/client";
import type { Locale } from "@/lib/i18n/locales";
import { formatMoney } from "@/lib/money";
import type { ReportItemView, ReportView } from "@/lib/report/get-report-by-token";

/** Colour plus an icon and a word per category: never colour alone. */
const categoryStyle: Record<Exclude<ReportCategory, "OK">, { ring: string; badge: string; icon: string }> = {
  NECESSARY: {
    ring: "ring-red-300",
    badge: "bg-red-100 text-red-900",
    icon: "M12 8v5m0 3h.01M10.3 3.9 2.4 17.5A2 2 0 0 0 4.1 20.5h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z",
  },
  RECOMMENDED: {
    ring: "ring-amber-300",
    badge: "bg-amber-100 text-amber-900",
    icon: "M12 6v6l4 2M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z",
  },
  PLANNED: {
    ring: "ring-neutral-200",
    badge: "bg-neutral-100 text-neutral-900",
    icon: "M9 12l2 2 4-4M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z",
  },
};

/** The report's welcome and its items by category (read-only; answering is the report issue's work). */
export function ReportOverview({ view, locale }: { view: ReportView; locale: Locale }) {
  const t = useTranslations("report");
  const money = (minor: number) => formatMoney(minor, view.currency, locale);
  const showPrices = view.brand.site.showPrices;
  const byCategory = (category: ReportCategory) => view.items.filter((item) => item.category === category);
  const ok = byCategory("OK");
  const car = [view.vehicle.make, view.vehicle.model, view.vehicle.registration].filter(Boolean).join(" · ");

  return (
    <div className="space-y-6">
      <section aria-labelledby="welcome-heading" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-neutral-200">
        <h1 id="welcome-heading" className="text-2xl font-bold">
          {t("welcomeTitle")}
        </h1>
        {car && <p className="mt-1 text-neutral-700">{car}</p>}
        {view.note && (
          <blockquote className="mt-4 border-l-4 border-brand pl-3">
            <p>{view.note}</p>
            {view.advisorName && <footer className="mt-1 text-sm text-neutral-700">— {view.advisorName}</footer>}
          </blockquote>
        )}
      </section>

      {(["NECESSARY", "RECOMMENDED", "PLANNED"] as const).map((category) => {
        const items = byCategory(category);
        if (items.length === 0) return null;
        const style = categoryStyle[category];
        return (
          <section key={category} aria-labelledby={`cat-${category}`}>
            <h2
              id={`cat-${category}`}
              className={`inline-flex items-center gap-2 rounded-full px-3 py-1 text-sm font-semibold ${style.badge}`}
            >
              <svg
                aria-hidden="true"
                viewBox="0 0 24 24"
                className="size-5"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
              >
                <path d={style.icon} />
              </svg>
              {t(`category.${category}`)}
            </h2>
            <ul className="mt-3 space-y-3">
              {items.map((item) => (
                <ItemCard
                  key={item.key}
                  item={item}
                  ring={style.ring}
                  price={showPrices ? money(item.totals.grossMinor) : null}
                  decision={item.decision ? t(`decision.${item.decision}`) : null}
                />
              ))}
            </ul>
          </section>
        );
      })}

      {ok.length > 0 && (
        <details className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-green-300">
          <summary className="min-h-11 cursor-pointer font-semibold text-green-900">{t("checkedOk", { count: ok.length })}</summary>
          <ul className="mt-2 list-inside list-disc text-neutral-800">
            {ok.map((item) => (
              <li key={item.key}>{item.title}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function ItemCard({ item, ring, price, decision }: { item: ReportItemView; ring: string; price: string | null; decision: string | null }) {
  return (
    <li className={`rounded-xl bg-white p-4 shadow-sm ring-1 ${ring}`}>
      <div className="flex items-start justify-between gap-3">
        <h3 className="font-semibold">{item.title}</h3>
        {price && <p className="shrink-0 font-semibold tabular-nums">{price}</p>}
      </div>
      {item.description && <p className="mt-1 text-neutral-800">{item.description}</p>}
      {decision && <p className="mt-2 text-sm font-medium text-neutral-700">{decision}</p>}
    </li>
  );
}
