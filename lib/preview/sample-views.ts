import "server-only";
import { getTranslations } from "next-intl/server";
import type { CheckinAnswer } from "@/lib/checkin/get-checkin-answer";
import type { CheckinView, PlannedWorkView } from "@/lib/checkin/get-checkin-by-token";
import type { OfferedService } from "@/lib/checkin/offered-services";
import type { Brand } from "@/lib/dealers/get-brand";
import type { Locale } from "@/lib/i18n/locales";
import { computeTotals, lineNet, lineVat, type MoneyLine } from "@/lib/money";
import type { ReportItemView, ReportView } from "@/lib/report/get-report-by-token";
import { checkinClosesAt, localCalendarDate, wallClockToInstant } from "@/lib/time";

/**
 * The sample customer of the marketing preview, in the preview's language: a made-up person, car and
 * visit, so marketing sees every page as a customer would without anyone's personal data. The dealer's
 * own brand, services and terms are real (they are the dealer's, not a customer's).
 */

/** Standard VAT of the site's country, so the sample's totals look like the dealer's own. */
const VAT_BP: Record<string, number> = { BE: 2100, NL: 2100, FR: 2000, DE: 1900, SE: 2500, LU: 1700, AT: 2000 };
const vatOf = (brand: Brand) => VAT_BP[brand.site.country.toUpperCase()] ?? 2100;

const line = (title: string, unitPriceMinor: number, vatRateBp: number, quantityMilli = 1000): MoneyLine & { title: string } => ({
  title,
  quantityMilli,
  unitPriceMinor,
  vatRateBp,
});

/** The visit: three days from now at 08:30 on the site's clock. */
function sampleStart(brand: Brand, now: Date): Date {
  const day = localCalendarDate(new Date(now.getTime() + 3 * 86_400_000), brand.site.timeZone);
  return wallClockToInstant({ ...day, hours: 8, minutes: 30 }, brand.site.timeZone);
}

export async function sampleCheckinView(input: {
  brand: Brand;
  dealerId: string;
  siteId: string;
  locale: Locale;
  now: Date;
  /** For the receipt: the sample customer has confirmed, with the first offered service and a remark. */
  confirmedWith?: OfferedService | null;
}): Promise<CheckinView> {
  const t = await getTranslations({ locale: input.locale, namespace: "preview.sample" });
  const vat = vatOf(input.brand);
  const startsAt = sampleStart(input.brand, input.now);
  const planned: PlannedWorkView[] = [
    { id: "sample-1", ...line(t("plannedService"), 18_900, vat), remarks: t("plannedServiceRemark") },
    { id: "sample-2", ...line(t("wipers"), 3_550, vat), remarks: null },
  ].map((work) => ({ ...work, netMinor: lineNet(work), grossMinor: lineNet(work) + lineVat(work) }));
  const confirmed = input.confirmedWith !== undefined;
  const extra = input.confirmedWith;
  const answer: CheckinAnswer = {
    number: confirmed ? 1 : 0,
    confirmed,
    submittedAt: confirmed ? new Date(input.now.getTime() - 10 * 60_000) : null,
    lastConfirmed: confirmed ? 1 : 0,
    correctedEmail: null,
    correctedPhone: null,
    selections: extra
      ? [
          {
            optionalServiceId: extra.id,
            title: extra.title,
            quantityMilli: 1000,
            unitPriceMinor: extra.priceMinor,
            vatRateBp: extra.vatRateBp,
          },
        ]
      : [],
    comments: confirmed ? [{ id: "sample-remark", title: t("remarkTitle"), description: t("remarkDescription"), attachments: [] }] : [],
  };
  return {
    appointmentId: "sample",
    dealerId: input.dealerId,
    siteId: input.siteId,
    brand: input.brand,
    recipientLocale: input.locale,
    recipientRole: "DRIVER",
    closesAt: checkinClosesAt({ startsAt, timeZone: input.brand.site.timeZone }),
    appointment: {
      startsAt,
      dropOffAt: startsAt,
      pickUpAt: new Date(startsAt.getTime() + 8 * 3_600_000),
      currency: "EUR",
      serviceType: "MAINTENANCE",
    },
    vehicle: { make: "Volvo", model: "XC60", modelYear: 2021, registration: t("registration"), mileageKm: 48_250 },
    contact: { firstName: t("firstName"), lastName: t("lastName"), email: t("email"), phone: t("phone") },
    plannedWork: planned,
    totals: computeTotals(planned),
    answer,
  };
}

export async function sampleReportView(input: { brand: Brand; dealerId: string; locale: Locale; now: Date }): Promise<ReportView> {
  const t = await getTranslations({ locale: input.locale, namespace: "preview.sample" });
  const vat = vatOf(input.brand);
  const item = (
    key: string,
    category: ReportItemView["category"],
    lines: (MoneyLine & { title: string })[],
    description: string | null,
  ) => ({
    key,
    category,
    title: t(`items.${key}`),
    description,
    lines,
    totals: computeTotals(lines),
    attachments: [],
    decision: null,
    reason: null,
    remindAt: null,
    messages: [],
    change: null,
  });
  return {
    dealerId: input.dealerId,
    appointmentId: "sample",
    brand: input.brand,
    recipientLocale: input.locale,
    firstName: t("firstName"),
    advisorName: t("advisorName"),
    note: t("note"),
    version: 1,
    respondedAt: null,
    finalComment: null,
    removedSinceAnswer: [],
    currency: "EUR",
    vehicle: { make: "Volvo", model: "XC60", registration: t("registration") },
    items: [
      item("service", "PLANNED", [line(t("plannedService"), 18_900, vat)], null),
      item(
        "brakes",
        "NECESSARY",
        [line(t("items.pads"), 8_990, vat), line(t("items.labour"), 9_500, vat, 800)],
        t("items.brakesDescription"),
      ),
      item("wipers", "RECOMMENDED", [line(t("wipers"), 3_550, vat)], t("items.wipersDescription")),
      item("tyres", "OK", [], null),
      item("lights", "OK", [], null),
      item("battery", "OK", [], null),
    ],
  };
}
