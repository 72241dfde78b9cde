import { getLocale, getTranslations } from "next-intl/server";
import { SettingsShell } from "@/components/dealer/settings-shell";
import { SiteCreateForm } from "@/components/dealer/site-create-form";
import { SiteList } from "@/components/dealer/site-list";
import { DEALER_ADMINS, requireStaffPage } from "@/lib/auth/require-staff";
import { countryOptions } from "@/lib/sites/countries";
import { listSites } from "@/lib/sites/site-admin";
import { SITE_DEFAULTS } from "@/lib/sites/site-fields";
import { selectableTimeZones } from "@/lib/sites/time-zones";
import { signOutAction } from "../../actions";
import { createSiteAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("settingsSites");
  return { title: t("title") };
}

/** The dealer's sites, each with a link to edit it, and a form to add one. */
export default async function SitesSettingsPage() {
  const staff = await requireStaffPage(DEALER_ADMINS);
  const [sites, t, locale] = await Promise.all([listSites({ dealerId: staff.dealerId }), getTranslations("settingsSites"), getLocale()]);
  // A new site starts where the first one is: same country and zone, the usual timing.
  const first = sites[0];
  const values = {
    ...SITE_DEFAULTS,
    name: "",
    addressLine: "",
    postalCode: "",
    city: "",
    country: first?.country ?? "BE",
    phone: "",
    email: "",
    timeZone: first?.timeZone ?? "Europe/Brussels",
  };
  return (
    <SettingsShell staff={staff} signOut={signOutAction} active="sites" title={t("title")} intro={t("intro")}>
      <SiteList sites={sites} />
      <section aria-labelledby="add-site" className="space-y-4">
        <h2 id="add-site" className="text-xl font-semibold">
          {t("add.heading")}
        </h2>
        <SiteCreateForm action={createSiteAction} values={values} countries={countryOptions(locale)} timeZones={selectableTimeZones()} />
      </section>
    </SettingsShell>
  );
}
