import { useTranslations } from "next-intl";
import { localeNames, locales } from "@/lib/i18n/locales";
import { PREVIEW_MESSAGE_KINDS } from "@/lib/notify/render/preview-message";
import { PREVIEW_PAGES } from "@/lib/preview/preview-frame";
import type { PreviewQuery } from "@/lib/preview/preview-page";

type Props = { query: PreviewQuery; sites: { id: string; name: string }[] };

/** What to preview: a plain GET form, so every view works without JavaScript and can be linked. */
export function PreviewPicker({ query, sites }: Props) {
  const t = useTranslations("preview");
  const select = "mt-1 block min-h-11 w-full rounded border border-neutral-400 bg-white px-3";
  return (
    <form
      method="get"
      action="/dealer/preview"
      className="grid gap-4 rounded border border-neutral-300 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5"
    >
      <div>
        <label htmlFor="preview-page" className="font-medium">
          {t("pick.page")}
        </label>
        <select id="preview-page" name="page" defaultValue={query.page} className={select}>
          {PREVIEW_PAGES.map((page) => (
            <option key={page} value={page}>
              {t(`pages.${page}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="preview-message" className="font-medium">
          {t("pick.message")}
        </label>
        <select id="preview-message" name="message" defaultValue={query.message} className={select}>
          {PREVIEW_MESSAGE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`messages.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="preview-locale" className="font-medium">
          {t("pick.locale")}
        </label>
        <select id="preview-locale" name="locale" defaultValue={query.locale} className={select}>
          {locales.map((locale) => (
            <option key={locale} value={locale}>
              {localeNames[locale]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="preview-site" className="font-medium">
          {t("pick.site")}
        </label>
        <select id="preview-site" name="site" defaultValue={query.site} className={select}>
          {sites.map((site) => (
            <option key={site.id} value={site.id}>
              {site.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-end">
        <button type="submit" className="min-h-11 w-full rounded bg-blue-900 px-4 font-semibold text-white">
          {t("pick.show")}
        </button>
      </div>
    </form>
  );
}
