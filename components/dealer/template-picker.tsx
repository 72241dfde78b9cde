import { useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { localeNames } from "@/lib/i18n/locales";
import type { TemplateKind } from "@/lib/templates/template-variables";

type Props = {
  overview: { kind: TemplateKind; own: Locale[] }[];
  locales: readonly Locale[];
  kind: TemplateKind;
  locale: Locale;
};

/**
 * Every message × language at a glance — the dealer's own wording or the default — each a plain link
 * to its editor. The message and language are spelt out for screen readers, whose link lists lose the
 * table's headers.
 */
export function TemplatePicker({ overview, locales, kind, locale }: Props) {
  const t = useTranslations("settingsTemplates");
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-neutral-200">
      <table className="w-full text-left text-sm">
        <caption className="px-3 pt-3 text-left font-semibold">{t("picker.caption")}</caption>
        <thead className="text-neutral-700">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t("picker.message")}
            </th>
            {locales.map((l) => (
              <th key={l} scope="col" lang={l} className="px-3 py-2">
                {localeNames[l]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200">
          {overview.map((row) => (
            <tr key={row.kind}>
              <th scope="row" className="px-3 py-2 font-medium">
                {t(`kinds.${row.kind}`)}
              </th>
              {locales.map((l) => {
                const own = row.own.includes(l);
                const current = row.kind === kind && l === locale;
                return (
                  <td key={l} className="px-1 py-1">
                    <a
                      href={`/dealer/settings/templates?kind=${row.kind}&locale=${l}`}
                      aria-current={current ? "page" : undefined}
                      className={`inline-flex min-h-11 items-center rounded px-2 underline aria-[current=page]:bg-neutral-900 aria-[current=page]:text-white ${own ? "font-semibold" : "text-neutral-700"}`}
                    >
                      <span className="sr-only">{t("picker.cell", { message: t(`kinds.${row.kind}`), language: localeNames[l] })} </span>
                      {own ? t("picker.own") : t("picker.default")}
                    </a>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
