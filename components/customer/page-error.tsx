"use client";

import { useTranslations } from "next-intl";

/** Shown inside the dealer's layout (header and phone number stay) when a page fails unexpectedly. */
export function PageError({ retry }: { retry: () => void }) {
  const t = useTranslations("errors");
  return (
    <section aria-labelledby="error-heading" role="alert" className="rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-neutral-200">
      <h1 id="error-heading" className="text-2xl font-bold">
        {t("title")}
      </h1>
      <p className="mt-3 text-neutral-800">{t("body")}</p>
      <button type="button" onClick={retry} className="mt-5 min-h-12 rounded-lg bg-brand px-5 font-semibold text-on-brand">
        {t("retry")}
      </button>
    </section>
  );
}
