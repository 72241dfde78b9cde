import { useTranslations } from "next-intl";

/** Another dealer's record, or one the role may not see: the same plain "not found" (nothing to learn). */
export default function DealerNotFound() {
  const t = useTranslations("dealer.notFound");
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <title>{t("title")}</title>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-3">{t("body")}</p>
      <p className="mt-6">
        <a href="/dealer" className="inline-flex min-h-11 items-center underline">
          {t("back")}
        </a>
      </p>
    </main>
  );
}
