import { useTranslations } from "next-intl";

type Props = { entity?: string; paged: boolean; nextCursor: string | null };

/** Back to the newest page, or on to older changes; the entity filter is kept in both links. */
export function HistoryPager({ entity, paged, nextCursor }: Props) {
  const t = useTranslations("settingsHistory");
  if (!paged && !nextCursor) return null;
  const href = (before?: string) => {
    const query = new URLSearchParams({ ...(entity ? { entity } : {}), ...(before ? { before } : {}) }).toString();
    return `/dealer/settings/history${query ? `?${query}` : ""}`;
  };
  return (
    <nav aria-label={t("pages")} className="flex flex-wrap gap-3">
      {paged && (
        <a href={href()} className="inline-flex min-h-11 items-center rounded border border-neutral-400 bg-white px-4 underline">
          {t("newest")}
        </a>
      )}
      {nextCursor && (
        <a href={href(nextCursor)} className="inline-flex min-h-11 items-center rounded border border-neutral-400 bg-white px-4 underline">
          {t("older")}
        </a>
      )}
    </nav>
  );
}
