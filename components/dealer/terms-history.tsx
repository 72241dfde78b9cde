import { useFormatter, useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import type { TermsVersionView } from "@/lib/terms/terms-admin";

type Props = { versions: TermsVersionView[]; locale: Locale; timeZone: string };

/** Every version of one language, newest first, each readable exactly as customers accepted it. */
export function TermsHistory({ versions, locale, timeZone }: Props) {
  const t = useTranslations("settingsTerms.history");
  const format = useFormatter();
  if (versions.length === 0) return <p className="text-neutral-700">{t("empty")}</p>;
  return (
    <ol aria-label={t("list")} className="space-y-2">
      {versions.map((version, index) => (
        <li key={version.id} data-terms-version={version.version} className="rounded border border-neutral-300 bg-white">
          <details open={index === 0}>
            <summary className="flex min-h-11 cursor-pointer flex-wrap items-center gap-x-3 px-3 py-2">
              <span className="font-semibold">{t("item", { version: version.version })}</span>
              <span lang={locale}>{version.title}</span>
              <span className="text-sm text-neutral-700">
                {t("publishedAt", { time: format.dateTime(version.publishedAt, { dateStyle: "medium", timeStyle: "short", timeZone }) })}
              </span>
              {index === 0 && <span className="rounded-full bg-green-100 px-2 text-sm font-medium text-green-900">{t("current")}</span>}
            </summary>
            <div lang={locale} className="whitespace-pre-line border-t border-neutral-200 px-3 py-2 text-neutral-800">
              {version.body}
            </div>
          </details>
        </li>
      ))}
    </ol>
  );
}
