import { useFormatter, useTranslations } from "next-intl";
import { ApiConfirmForm } from "@/components/dealer/api-confirm-form";
import type { SettingsActionFn } from "@/components/dealer/settings-form";
import type { ApiKeySummary } from "@/lib/api/api-key-admin";

type Props = { keys: ApiKeySummary[]; timeZone: string; revokeAction: SettingsActionFn<unknown> };

/** The dealer's API keys — never the key, only the prefix that tells them apart — with a guarded revoke. */
export function ApiKeyList({ keys, timeZone, revokeAction }: Props) {
  const t = useTranslations("settingsApi");
  const format = useFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone });
  if (keys.length === 0) return <p className="text-neutral-700">{t("keys.empty")}</p>;
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-neutral-200">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("keys.heading")}</caption>
        <thead className="bg-neutral-50 text-neutral-700">
          <tr>
            {(["name", "prefix", "created", "lastUsed", "status", "actions"] as const).map((column) => (
              <th key={column} scope="col" className="px-3 py-2">
                {t(`keys.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200">
          {keys.map((key) => (
            <tr key={key.id} data-api-key={key.prefix} className={key.revokedAt ? "text-neutral-700" : undefined}>
              <th scope="row" className="px-3 py-2 font-medium">
                {key.name}
              </th>
              <td className="px-3 py-2">
                <code>{key.prefix}…</code>
              </td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{when(key.createdAt)}</td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{key.lastUsedAt ? when(key.lastUsedAt) : t("keys.never")}</td>
              <td className="px-3 py-2">{key.revokedAt ? t("keys.revoked", { time: when(key.revokedAt) }) : t("keys.active")}</td>
              <td className="px-3 py-2">
                {!key.revokedAt && (
                  <ApiConfirmForm
                    action={revokeAction}
                    id={key.id}
                    openLabel={t("revoke.open")}
                    question={t("revoke.question", { name: key.name })}
                    confirmLabel={t("revoke.confirm")}
                    pendingLabel={t("revoke.pending")}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
