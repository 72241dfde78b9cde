"use client";

import { useState, type FormEvent } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { TextField } from "@/components/dealer/settings-field";
import { lineVat, unitNetForGross } from "@/lib/money";
import { parseHundredths } from "@/lib/optional-services/price-input";

type Props = { price: string; vatRate: string };

/**
 * The price the customer pays and the VAT rate, with what is kept excl. VAT worked out as the dealer
 * types (lib/money, the same rule the server applies). Without a script the preview shows the saved
 * price and the server says the rest.
 */
export function ServicePriceFields({ price: initialPrice, vatRate: initialRate }: Props) {
  const t = useTranslations("settingsServices.form");
  const format = useFormatter();
  const [typed, setTyped] = useState({ priceInclVat: initialPrice, vatRate: initialRate });
  const onInput = (event: FormEvent<HTMLDivElement>) => {
    const input = event.target;
    if (input instanceof HTMLInputElement && (input.name === "priceInclVat" || input.name === "vatRate")) {
      setTyped((current) => ({ ...current, [input.name]: input.value }));
    }
  };
  const amount = (minor: number) => format.number(minor / 100, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const gross = parseHundredths(typed.priceInclVat);
  const rate = parseHundredths(typed.vatRate);
  let preview = t("previewEmpty");
  if (gross !== null && gross >= 0 && rate !== null && rate >= 0 && rate <= 10_000) {
    const net = unitNetForGross(gross, rate);
    preview =
      net === null
        ? t("previewUnreachable")
        : t("preview", {
            net: amount(net),
            vat: amount(lineVat({ quantityMilli: 1000, unitPriceMinor: net, vatRateBp: rate })),
            gross: amount(gross),
          });
  }
  return (
    <div onInput={onInput} className="space-y-2">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="priceInclVat"
          label={t("priceLabel")}
          hint={t("priceHint")}
          defaultValue={initialPrice}
          inputMode="decimal"
          autoComplete="off"
          maxLength={20}
          required
        />
        <TextField
          name="vatRate"
          label={t("vatLabel")}
          hint={t("vatHint")}
          defaultValue={initialRate}
          inputMode="decimal"
          autoComplete="off"
          maxLength={8}
          required
        />
      </div>
      <p className="rounded bg-neutral-50 p-2 text-sm tabular-nums" aria-live="polite" data-testid="price-preview">
        {preview}
      </p>
    </div>
  );
}
