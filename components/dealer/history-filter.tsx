import { useTranslations } from "next-intl";

type Props = { entities: readonly string[]; entity?: string };

/** Narrows the history to one kind of setting: a plain GET form, so it works before any script runs. */
export function HistoryFilter({ entities, entity }: Props) {
  const t = useTranslations("settingsHistory");
  return (
    <form method="get" action="/dealer/settings/history" className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="history-entity" className="block font-medium">
          {t("filter.label")}
        </label>
        <select
          id="history-entity"
          name="entity"
          defaultValue={entity ?? ""}
          className="mt-1 block min-h-11 rounded border border-neutral-400 bg-white px-3 py-2"
        >
          <option value="">{t("filter.all")}</option>
          {entities.map((value) => (
            <option key={value} value={value}>
              {t(`entity.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="min-h-11 rounded bg-blue-900 px-4 font-semibold text-white">
        {t("filter.submit")}
      </button>
    </form>
  );
}
