import { useFormatter, useTranslations } from "next-intl";
import { ApiConfirmForm } from "@/components/dealer/api-confirm-form";
import type { SettingsActionFn } from "@/components/dealer/settings-form";
import type { WebhookEndpointSummary } from "@/lib/webhooks/endpoints";

type Props = { endpoints: WebhookEndpointSummary[]; timeZone: string; deactivateAction: SettingsActionFn<unknown> };

/** The dealer's webhook endpoints with their events and state (in words), and a guarded deactivate. */
export function WebhookEndpointList({ endpoints, timeZone, deactivateAction }: Props) {
  const t = useTranslations("settingsApi");
  const format = useFormatter();
  if (endpoints.length === 0) return <p className="text-neutral-700">{t("webhooks.empty")}</p>;
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-neutral-200">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("webhooks.heading")}</caption>
        <thead className="bg-neutral-50 text-neutral-700">
          <tr>
            {(["url", "events", "created", "status", "actions"] as const).map((column) => (
              <th key={column} scope="col" className="px-3 py-2">
                {t(`webhooks.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200">
          {endpoints.map((endpoint) => (
            <tr key={endpoint.id} data-webhook-endpoint={endpoint.url} className={endpoint.active ? undefined : "text-neutral-700"}>
              <th scope="row" className="max-w-xs break-all px-3 py-2 font-medium">
                {endpoint.url}
              </th>
              <td className="px-3 py-2">
                <ul>
                  {endpoint.events.map((type) => (
                    <li key={type}>{t.has(`events.${type}`) ? t(`events.${type}`) : type}</li>
                  ))}
                </ul>
              </td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                {format.dateTime(endpoint.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone })}
              </td>
              <td className="px-3 py-2">{endpoint.active ? t("webhooks.active") : t("webhooks.inactive")}</td>
              <td className="px-3 py-2">
                {endpoint.active && (
                  <ApiConfirmForm
                    action={deactivateAction}
                    id={endpoint.id}
                    openLabel={t("deactivate.open")}
                    question={t("deactivate.question", { url: endpoint.url })}
                    confirmLabel={t("deactivate.confirm")}
                    pendingLabel={t("deactivate.pending")}
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
