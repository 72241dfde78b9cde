import { useFormatter, useTranslations } from "next-intl";
import { localeNames, type Locale } from "@/lib/i18n/locales";
import type { TermsLocaleView } from "@/lib/terms/terms-admin";

type Props = { locales: TermsLocaleView[]; defaultLocale: Locale; selected: Locale; timeZone: string };

/**
 * Per language, the version customers reading it accept now — their own, or the dealer's language's when
 * there is none (as the check-in page falls back) — with a link to its text, history and publish form.
 */
export function TermsOverview({ locales, defaultLocale, selected, timeZone }: Props) {
  const t = useTranslations("settingsTerms.overview");
  const format = useFormatter();
  const fallback = locales.find((entry) => entry.locale === defaultLocale)?.versions[0];
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-neutral-200">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("heading")}</caption>
        <thead className="bg-neutral-50 text-neutral-700">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t("language")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("current")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("published")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200">
          {locales.map(({ locale, versions }) => {
            const current = versions[0];
            return (
              <tr key={locale} data-terms-locale={locale} className={locale === selected ? "bg-blue-50" : undefined}>
                <th scope="row" className="px-3 py-2 font-medium">
                  <a
                    href={`/dealer/settings/terms?locale=${locale}#terms-locale`}
                    aria-current={locale === selected ? "page" : undefined}
                    className="inline-flex min-h-11 items-center underline"
                  >
                    {locale === defaultLocale ? t("defaultLanguage", { language: localeNames[locale] }) : localeNames[locale]}
                  </a>
                </th>
                <td className="px-3 py-2">
                  {current
                    ? t("version", { version: current.version, title: current.title })
                    : fallback
                      ? t("fallback", { language: localeNames[defaultLocale], version: fallback.version })
                      : t("none")}
                </td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                  {current ? format.dateTime(current.publishedAt, { dateStyle: "medium", timeStyle: "short", timeZone }) : "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
