import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ServiceList } from "@/components/dealer/service-list";
import { SettingsShell } from "@/components/dealer/settings-shell";
import { BRAND_EDITORS, requireStaffPage } from "@/lib/auth/require-staff";
import { loadServicesPage } from "@/lib/optional-services/service-settings";
import { signOutAction } from "../../actions";
import { moveServiceAction, setServiceActiveAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("settingsServices");
  return { title: t("title") };
}

/** The dealer's optional services in the customers' order, to reorder, deactivate, reactivate or edit. */
export default async function ServicesSettingsPage() {
  const staff = await requireStaffPage(BRAND_EDITORS);
  const [settings, t] = await Promise.all([loadServicesPage({ dealerId: staff.dealerId }), getTranslations("settingsServices")]);
  if (!settings) notFound();
  return (
    <SettingsShell staff={staff} signOut={signOutAction} active="services" title={t("title")} intro={t("intro")}>
      <p>
        <Link
          href="/dealer/settings/services/new"
          className="inline-flex min-h-11 items-center rounded bg-blue-900 px-4 font-semibold text-white"
        >
          {t("add")}
        </Link>
      </p>
      <ServiceList services={settings.services} moveAction={moveServiceAction} setActiveAction={setServiceActiveAction} />
      <p className="text-sm text-neutral-700">{t("snapshotNote")}</p>
    </SettingsShell>
  );
}
