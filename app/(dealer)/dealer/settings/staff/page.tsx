import { getTranslations } from "next-intl/server";
import { SettingsShell } from "@/components/dealer/settings-shell";
import { StaffInviteForm } from "@/components/dealer/staff-invite-form";
import { StaffList } from "@/components/dealer/staff-list";
import { DEALER_ADMINS, requireStaffPage } from "@/lib/auth/require-staff";
import { dealerTimeZone } from "@/lib/dealers/settings-history";
import { localeNames, locales } from "@/lib/i18n/locales";
import { dealerDefaultLocale, listStaff } from "@/lib/staff/staff-admin";
import { STAFF_ROLES } from "@/lib/staff/staff-fields";
import { signOutAction } from "../../actions";
import { changeStaffRoleAction, deactivateStaffAction, inviteStaffAction, reactivateStaffAction, resendInvitationAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("settingsStaff");
  return { title: t("title") };
}

/** The dealer's staff: roles, who is active, pending invitations, and inviting a colleague. */
export default async function StaffSettingsPage() {
  const staff = await requireStaffPage(DEALER_ADMINS);
  const [members, timeZone, defaultLanguage, t] = await Promise.all([
    listStaff({ dealerId: staff.dealerId }),
    dealerTimeZone(staff.dealerId),
    dealerDefaultLocale(staff.dealerId),
    getTranslations("settingsStaff"),
  ]);
  return (
    <SettingsShell staff={staff} signOut={signOutAction} active="staff" title={t("title")} intro={t("intro", { timeZone })}>
      <StaffList
        members={members}
        selfId={staff.staffUserId}
        timeZone={timeZone}
        roles={STAFF_ROLES}
        actions={{
          changeRole: changeStaffRoleAction,
          deactivate: deactivateStaffAction,
          reactivate: reactivateStaffAction,
          resend: resendInvitationAction,
        }}
      />
      <section aria-labelledby="invite" className="space-y-4 rounded border border-neutral-300 bg-white p-4">
        <h2 id="invite" className="text-xl font-semibold">
          {t("invite.heading")}
        </h2>
        <StaffInviteForm
          action={inviteStaffAction}
          roles={STAFF_ROLES}
          languages={locales.map((locale) => [locale, localeNames[locale]] as const)}
          defaultLanguage={defaultLanguage}
        />
      </section>
    </SettingsShell>
  );
}
