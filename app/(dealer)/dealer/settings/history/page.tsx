import { getTranslations } from "next-intl/server";
import { HistoryFilter } from "@/components/dealer/history-filter";
import { HistoryList } from "@/components/dealer/history-list";
import { HistoryPager } from "@/components/dealer/history-pager";
import { SettingsShell } from "@/components/dealer/settings-shell";
import { DEALER_ADMINS, requireStaffPage } from "@/lib/auth/require-staff";
import { historyQuerySchema, listSettingsHistory, SETTINGS_ENTITIES } from "@/lib/dealers/settings-history";
import { signOutAction } from "../../actions";

export async function generateMetadata() {
  const t = await getTranslations("settingsHistory");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Who changed which setting, when, and what it was before: the dealer's settings audit trail. */
export default async function SettingsHistoryPage({ searchParams }: Props) {
  const staff = await requireStaffPage(DEALER_ADMINS);
  const query = historyQuerySchema.parse(await searchParams);
  const [page, t] = await Promise.all([listSettingsHistory({ dealerId: staff.dealerId, ...query }), getTranslations("settingsHistory")]);
  return (
    <SettingsShell
      staff={staff}
      signOut={signOutAction}
      active="history"
      title={t("title")}
      intro={t("intro", { timeZone: page.timeZone })}
    >
      <HistoryFilter entities={SETTINGS_ENTITIES} entity={query.entity} />
      <HistoryList entries={page.entries} timeZone={page.timeZone} />
      <HistoryPager entity={query.entity} paged={Boolean(query.before)} nextCursor={page.nextCursor} />
    </SettingsShell>
  );
}
