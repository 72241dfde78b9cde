import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { SettingsShell } from "@/components/dealer/settings-shell";
import { SiteEditForm } from "@/components/dealer/site-edit-form";
import { DEALER_ADMINS, requireStaffPage } from "@/lib/auth/require-staff";
import { currentStaff } from "@/lib/auth/session";
import { countryOptions } from "@/lib/sites/countries";
import { getSiteForDealer } from "@/lib/sites/site-admin";
import { selectableTimeZones } from "@/lib/sites/time-zones";
import { signOutAction } from "../../../actions";
import { updateSiteAction } from "../actions";

type Props = { params: Promise<{ siteId: string }> };

export async function generateMetadata({ params }: Props) {
  const [staff, t] = await Promise.all([currentStaff(), getTranslations("settingsSites")]);
  const site = staff ? await getSiteForDealer({ dealerId: staff.dealerId, siteId: (await params).siteId }) : null;
  return { title: site ? t("edit.title", { name: site.name }) : t("title") };
}

/** One of the dealer's sites, to edit; another dealer's site is "not found". */
export default async function SiteSettingsPage({ params }: Props) {
  const staff = await requireStaffPage(DEALER_ADMINS);
  const [site, t, locale] = await Promise.all([
    getSiteForDealer({ dealerId: staff.dealerId, siteId: (await params).siteId }),
    getTranslations("settingsSites"),
    getLocale(),
  ]);
  if (!site) notFound();
  const { id, slug, updatedAt, ...values } = site;
  return (
    <SettingsShell
      staff={staff}
      signOut={signOutAction}
      active="sites"
      title={t("edit.title", { name: site.name })}
      intro={
        <Link href="/dealer/settings/sites" className="inline-flex min-h-11 items-center underline">
          {t("edit.back")}
        </Link>
      }
    >
      <SiteEditForm
        action={updateSiteAction}
        values={values}
        id={id}
        slug={slug}
        version={updatedAt.toISOString()}
        countries={countryOptions(locale)}
        timeZones={selectableTimeZones()}
      />
    </SettingsShell>
  );
}
