import { getTranslations } from "next-intl/server";
import { SECTION_ROLES, SECTIONS, SettingsShell } from "@/components/dealer/settings-shell";
import { BRAND_EDITORS, DEALER_ADMINS, requireStaffPage } from "@/lib/auth/require-staff";
import { signOutAction } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

/** The settings index: each section this role may open, with a line on what it is for. */
export default async function SettingsPage() {
  const staff = await requireStaffPage([...new Set([...BRAND_EDITORS, ...DEALER_ADMINS])]);
  const t = await getTranslations("settings");
  const sections = SECTIONS.filter((section) => SECTION_ROLES[section].includes(staff.role));
  return (
    <SettingsShell staff={staff} signOut={signOutAction} active={null} title={t("title")}>
      <ul className="grid gap-3 sm:grid-cols-2">
        {sections.map((section) => (
          <li key={section} className="rounded border border-neutral-300 bg-white p-4">
            <a href={`/dealer/settings/${section}`} className="font-semibold underline">
              {t(`sections.${section}`)}
            </a>
            <p className="text-sm text-neutral-700">{t(`summaries.${section}`)}</p>
          </li>
        ))}
        <li className="rounded border border-neutral-300 bg-white p-4">
          <a href="/dealer/preview" className="font-semibold underline">
            {t("previewLink")}
          </a>
          <p className="text-sm text-neutral-700">{t("summaries.preview")}</p>
        </li>
      </ul>
    </SettingsShell>
  );
}
