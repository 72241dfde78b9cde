import "server-only";
import { createTranslator } from "next-intl";
import { lastChangeAt, type CheckinView } from "@/lib/checkin/get-checkin-by-token";
import { db } from "@/lib/db";
import { computeTotals, formatVatRate, lineNet, lineVat } from "@/lib/money";
import type { Receipt } from "@/lib/receipts/receipt-pdf";
import { receiptDealer } from "@/lib/receipts/receipt-dealer";

/**
 * The confirmed check-in as a PDF receipt's content: the same facts, lines and totals as the receipt
 * page, in the page's language and the dealer's theme. Null when nothing has been confirmed yet.
 */
export async function buildCheckinReceipt(view: CheckinView, locale: string): Promise<Receipt | null> {
  // The last confirmed revision (never the open draft), with the terms version it accepted.
  const confirmed = await db().checkInRevision.findFirst({
    where: { checkIn: { appointmentId: view.appointmentId, dealerId: view.dealerId }, submittedAt: { not: null } },
    orderBy: { number: "desc" },
    select: {
      number: true,
      submittedAt: true,
      termsAcceptedAt: true,
      selections: { orderBy: { title: "asc" }, select: { title: true, quantityMilli: true, unitPriceMinor: true, vatRateBp: true } },
      termsVersionId: true,
      comments: { orderBy: { position: "asc" }, select: { title: true, description: true } },
      checkIn: { select: { appointment: { select: { externalId: true } } } },
    },
  });
  if (!confirmed) return null;
  const termsVersion = confirmed.termsVersionId
    ? await db().termsVersion.findFirst({ where: { id: confirmed.termsVersionId, dealerId: view.dealerId }, select: { version: true } })
    : null;
  const messages = (await import(`../../messages/${locale}.json`)).default;
  const t = createTranslator({ locale, messages, namespace: "checkin" });
  const tz = view.brand.site.timeZone;
  const when = (d: Date) =>
    new Intl.DateTimeFormat(locale, {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: tz,
    }).format(d);
  const showPrices = view.brand.site.showPrices;
  const gross = (l: { quantityMilli: number; unitPriceMinor: number; vatRateBp: number }) => (showPrices ? lineNet(l) + lineVat(l) : null);
  const totals = computeTotals([...view.plannedWork, ...confirmed.selections]);
  const lastChange = lastChangeAt(view);

  return {
    locale,
    currency: view.appointment.currency,
    dealer: await receiptDealer(view.brand),
    title: t("done.pdfTitle"),
    reference: t("done.reference", { externalId: confirmed.checkIn.appointment.externalId, revision: confirmed.number }),
    customerName: view.contact ? `${view.contact.firstName} ${view.contact.lastName}` : "",
    facts: [
      { label: t("done.appointment"), value: when(view.appointment.startsAt) },
      { label: t("done.site"), value: view.brand.site.name },
      { label: t("done.car"), value: [view.vehicle.make, view.vehicle.model, view.vehicle.registration].filter(Boolean).join(" · ") },
    ],
    sections: [
      { heading: t("plannedWork"), lines: view.plannedWork.map((l) => ({ title: l.title, detail: l.remarks, grossMinor: gross(l) })) },
      ...(confirmed.selections.length
        ? [{ heading: t("extras.extras"), lines: confirmed.selections.map((s) => ({ title: s.title, grossMinor: gross(s) })) }]
        : []),
      ...(confirmed.comments.length
        ? [
            {
              heading: t("done.remarks"),
              lines: confirmed.comments.map((c) => ({ title: c.title, detail: c.description, grossMinor: null })),
            },
          ]
        : []),
    ],
    totals: showPrices
      ? [
          { label: t("net"), valueMinor: totals.netMinor },
          ...totals.vatByRate.map((v) => ({ label: t("vatAtRate", { rate: formatVatRate(v.rateBp) }), valueMinor: v.vatMinor })),
          { label: t("totalInclVat"), valueMinor: totals.grossMinor },
        ]
      : null,
    notes: [
      ...(confirmed.submittedAt ? [t("done.confirmedAt", { time: when(confirmed.submittedAt) })] : []),
      ...(termsVersion && confirmed.termsAcceptedAt
        ? [t("done.terms", { version: termsVersion.version, time: when(confirmed.termsAcceptedAt) })]
        : []),
      t("done.changeUntil", { time: when(lastChange) }),
    ],
    footer: t("done.footer", { dealer: view.brand.dealerName, phone: view.brand.site.phone }),
  };
}
