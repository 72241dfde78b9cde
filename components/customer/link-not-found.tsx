import { useTranslations } from "next-intl";

/** The neutral page for an unknown or malformed link: says nothing about any dealer or appointment. */
export function LinkNotFound() {
  const t = useTranslations("notFound");
  return (
    <section aria-labelledby="not-found-heading" className="rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-neutral-200">
      <title>{t("metaTitle")}</title>
      <h1 id="not-found-heading" className="text-2xl font-bold">
        {t("title")}
      </h1>
      <p className="mt-3 text-neutral-800">{t("body")}</p>
    </section>
  );
}
