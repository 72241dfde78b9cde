import "server-only";
import { createTranslator } from "next-intl";
import { computeTotals, formatVatRate } from "@/lib/money";
import type { Receipt } from "@/lib/receipts/receipt-pdf";
import type { ReportView } from "@/lib/report/get-report-by-token";
import { reportSummary } from "@/lib/report/report-summary";
import { receiptDealer } from "@/lib/receipts/receipt-dealer";

/**
 * The customer's sent answers as a receipt — planned work, extra work to repair, what to call about,
 * what they declined — with the budget by the one rule of `reportSummary`. The receipt page and the PDF
 * both render this object, so they cannot disagree. Null until the customer has sent their answers.
 */
export async function buildReportReceipt(view: ReportView, locale: string): Promise<Receipt | null> {
  if (!view.respondedAt) return null;
  const messages = (await import(`../../messages/${locale}.json`)).default;
  const t = createTranslator({ locale, messages, namespace: "report" });
  const tz = view.brand.site.timeZone;
  const when = (d: Date) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: tz }).format(d);
  const showPrices = view.brand.site.showPrices;
  const summary = reportSummary(view.items);
  const lines = (picked: ReportView["items"], priced = true) =>
    picked.map((item) => ({
      title: item.title,
      detail: item.reason,
      grossMinor: showPrices && priced ? computeTotals(item.lines).grossMinor : null,
    }));
  const decided = (value: string) => view.items.filter((item) => item.category !== "PLANNED" && item.decision === value);
  const sections = [
    { heading: t("summary.planned"), lines: lines(view.items.filter((item) => item.category === "PLANNED")) },
    { heading: t("summary.approved"), lines: lines(decided("APPROVED")) },
    { heading: t("summary.contact"), lines: lines(decided("CONTACT")) },
    { heading: t("done.declined"), lines: lines(decided("DECLINED"), false) },
  ].filter((section) => section.lines.length > 0);

  return {
    locale,
    currency: view.currency,
    dealer: await receiptDealer(view.brand),
    title: t("done.pdfTitle"),
    reference: `${t("done.fileName")}-${view.version}`,
    customerName: view.firstName ?? "",
    facts: [
      { label: t("done.sentLabel"), value: when(view.respondedAt) },
      { label: t("done.car"), value: [view.vehicle.make, view.vehicle.model, view.vehicle.registration].filter(Boolean).join(" · ") },
    ],
    sections,
    totals: showPrices
      ? [
          ...summary.budget.vatByRate.map((v) => ({ label: `${t("summary.vat")} (${formatVatRate(v.rateBp)} %)`, valueMinor: v.vatMinor })),
          { label: t("summary.budget"), valueMinor: summary.budget.grossMinor },
        ]
      : null,
    notes: [...(view.finalComment ? [`${t("done.finalComment")}: ${view.finalComment}`] : []), t("done.changeUntil")],
    footer: t("done.footer", { dealer: view.brand.dealerName, phone: view.brand.site.phone }),
  };
}
