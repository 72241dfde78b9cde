import { useTranslations } from "next-intl";
import type { SiteRecord } from "@/lib/sites/site-admin";

type Props = { sites: SiteRecord[] };

/** The dealer's sites at a glance: where, which zone, and when check-in invitations and reminders go out. */
export function SiteList({ sites }: Props) {
  const t = useTranslations("settingsSites.list");
  const channel = useTranslations("settingsSites.form.channels");
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-neutral-200">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-neutral-50 text-neutral-700">
          <tr>
            {(["name", "slug", "address", "timeZone", "checkin", "reminder", "actions"] as const).map((column) => (
              <th key={column} scope="col" className="px-3 py-2">
                {t(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200">
          {sites.map((site) => (
            <tr key={site.id} data-site={site.slug}>
              <th scope="row" className="min-w-32 px-3 py-2 font-medium">
                {site.name}
              </th>
              <td className="whitespace-nowrap px-3 py-2">
                <code>{site.slug}</code>
              </td>
              <td className="px-3 py-2">
                {site.addressLine}, {site.postalCode} {site.city} ({site.country})
              </td>
              <td className="px-3 py-2">{site.timeZone}</td>
              <td className="min-w-40 px-3 py-2">
                {site.checkinEnabled
                  ? t("checkinOn", { days: site.checkinWindowDays, time: site.checkinSendTime, channel: channel(site.checkinChannel) })
                  : t("checkinOff")}
              </td>
              <td className="px-3 py-2">
                {site.reminderDaysBefore ? t("reminderOn", { days: site.reminderDaysBefore }) : t("reminderOff")}
              </td>
              <td className="px-3 py-2">
                <a
                  href={`/dealer/settings/sites/${site.id}`}
                  className="inline-flex min-h-11 items-center underline"
                  aria-label={t("editLabel", { name: site.name })}
                >
                  {t("edit")}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
