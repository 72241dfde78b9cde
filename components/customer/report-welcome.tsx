import { useTranslations } from "next-intl";
import { DealerWelcome } from "@/components/customer/dealer-welcome";
import type { ReportView } from "@/lib/report/get-report-by-token";

/** Seed 004's welcome screen: the dealer, the car and the advisor's note, then a way into the report. */
export function ReportWelcome({ view, locale }: { view: ReportView; locale: string }) {
  const t = useTranslations("report");
  const car = [view.vehicle.make, view.vehicle.model, view.vehicle.registration].filter(Boolean).join(" · ");
  return (
    <section aria-labelledby="welcome-heading" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-neutral-200">
      <DealerWelcome brand={view.brand} locale={locale}>
        <h1 id="welcome-heading" className="text-2xl font-bold">
          {t("welcomeTitle")}
        </h1>
        {car && <p className="mt-1 text-neutral-700">{car}</p>}
      </DealerWelcome>
      {view.note && (
        <blockquote className="mt-4 border-l-4 border-brand pl-3">
          <p className="whitespace-pre-line">{view.note}</p>
          {view.advisorName && <footer className="mt-1 text-sm text-neutral-700">— {view.advisorName}</footer>}
        </blockquote>
      )}
      <p className="mt-3 text-neutral-800">{t("welcomeIntro")}</p>
      {view.removedSinceAnswer.length > 0 && (
        <p className="mt-3 rounded-lg bg-blue-50 p-3 text-sm text-blue-900">
          {t("removed", { titles: view.removedSinceAnswer.join(", ") })}
        </p>
      )}
      <a href="#report" className="mt-4 inline-flex min-h-12 items-center rounded-lg bg-brand px-4 font-semibold text-on-brand">
        {t("open")}
      </a>
    </section>
  );
}
