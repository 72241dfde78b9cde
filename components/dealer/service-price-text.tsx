import { useFormatter, useTranslations } from "next-intl";
import { formatVatRate, lineVat, unitGross } from "@/lib/money";

type Props = { priceMinor: number; vatRateBp: number };

/**
 * A service's price both ways: what the customer pays (on the card) and what is kept excl. VAT (what the
 * DMS and the API speak), with the VAT between them. Services carry no currency (each appointment
 * has its own), so the amounts are plain numbers with two decimals.
 */
export function ServicePriceText({ priceMinor, vatRateBp }: Props) {
  const t = useTranslations("settingsServices");
  const format = useFormatter();
  const amount = (minor: number) => format.number(minor / 100, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <>
      {t("priceLine", {
        gross: amount(unitGross(priceMinor, vatRateBp)),
        net: amount(priceMinor),
        vat: amount(lineVat({ quantityMilli: 1000, unitPriceMinor: priceMinor, vatRateBp })),
        rate: formatVatRate(vatRateBp),
      })}
    </>
  );
}
