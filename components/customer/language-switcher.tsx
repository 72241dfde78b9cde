import { localeNames, locales, type Locale } from "@/lib/i18n/locales";

/** Plain links (`?lang=xx`, handled in proxy.ts): the switch works without JavaScript. */
export function LanguageSwitcher({ current, label }: { current: Locale; label: string }) {
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-x-1 gap-y-1">
        {locales.map((locale) => (
          <li key={locale}>
            <a
              href={`?lang=${locale}`}
              hrefLang={locale}
              lang={locale}
              aria-current={locale === current ? "true" : undefined}
              className={`inline-flex min-h-11 items-center rounded px-2 ${
                locale === current ? "font-semibold text-neutral-900 underline underline-offset-4" : "text-neutral-700"
              }`}
            >
              {localeNames[locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
