import { useFormatter, useTranslations } from "next-intl";
import type { SettingsActionFn } from "@/components/dealer/settings-form";
import { StaffRowForm } from "@/components/dealer/staff-row-form";
import type { StaffMember } from "@/lib/staff/staff-admin";

type Props = {
  members: StaffMember[];
  /** The admin looking at the list: their own row offers nothing that could lock them out. */
  selfId: string;
  timeZone: string;
  roles: readonly string[];
  actions: {
    changeRole: SettingsActionFn<unknown>;
    deactivate: SettingsActionFn<unknown>;
    reactivate: SettingsActionFn<unknown>;
    resend: SettingsActionFn<unknown>;
  };
};

/** Everyone of the dealer who has (or is invited to) the back-office, with what an admin may change. */
export function StaffList({ members, selfId, timeZone, roles, actions }: Props) {
  const t = useTranslations("settingsStaff");
  const role = useTranslations("dealer.roles");
  const format = useFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone });
  // Where someone stands, in a few words: deactivated, active, or how far their invitation got.
  const status = (member: StaffMember) => {
    if (!member.active) return t("list.inactive");
    if (member.invitation === "joined") return t("list.active");
    if (member.invitation === "pending" && member.invitationExpiresAt)
      return t("invitation.pending", { time: when(member.invitationExpiresAt) });
    return t(member.invitation === "withdrawn" ? "invitation.withdrawn" : "invitation.expired");
  };
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-neutral-200">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("list.caption")}</caption>
        <thead className="bg-neutral-50 text-neutral-700">
          <tr>
            {(["name", "role", "status", "lastSignIn", "actions"] as const).map((column) => (
              <th key={column} scope="col" className="px-3 py-2">
                {t(`list.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200">
          {members.map((member) => {
            const self = member.id === selfId;
            return (
              <tr key={member.id} data-staff={member.email} className={member.active ? undefined : "bg-neutral-50 text-neutral-700"}>
                <th scope="row" className="whitespace-nowrap px-3 py-2 font-medium">
                  {member.name}
                  {self && <span className="ml-1 font-normal text-neutral-700">{t("list.you")}</span>}
                  <span className="block font-normal text-neutral-700">{member.email}</span>
                </th>
                <td className="px-3 py-2">
                  {self || !member.active ? (
                    role(member.role)
                  ) : (
                    <StaffRowForm
                      action={actions.changeRole}
                      id={member.id}
                      submitLabel={t("role.submit")}
                      pendingLabel={t("role.pending")}
                      savedLabel={t("role.saved")}
                    >
                      <label htmlFor={`role-${member.id}`} className="sr-only">
                        {t("role.label", { name: member.name })}
                      </label>
                      <select
                        id={`role-${member.id}`}
                        name="role"
                        defaultValue={member.role}
                        className="min-h-11 rounded border border-neutral-400 bg-white px-2"
                      >
                        {roles.map((value) => (
                          <option key={value} value={value}>
                            {role(value)}
                          </option>
                        ))}
                      </select>
                    </StaffRowForm>
                  )}
                </td>
                <td className="min-w-40 px-3 py-2">{status(member)}</td>
                <td className="px-3 py-2 tabular-nums">{member.lastSignInAt ? when(member.lastSignInAt) : t("list.never")}</td>
                <td className="px-3 py-2">
                  <div className="flex flex-col items-start gap-2">
                    {!self && member.active && (
                      <details>
                        <summary className="inline-flex min-h-11 cursor-pointer items-center rounded border border-red-800 px-3 font-medium text-red-900">
                          {t("deactivate.open")}
                        </summary>
                        <StaffRowForm
                          action={actions.deactivate}
                          id={member.id}
                          submitLabel={t("deactivate.confirm")}
                          pendingLabel={t("deactivate.pending")}
                          submitValue={{ name: "confirm", value: "yes" }}
                          danger
                          className="mt-2 flex w-64 flex-col items-start gap-2 rounded border border-red-200 bg-red-50 p-3"
                          question={t("deactivate.question", { name: member.name })}
                        />
                      </details>
                    )}
                    {!member.active && (
                      <StaffRowForm
                        action={actions.reactivate}
                        id={member.id}
                        submitLabel={t("reactivate.submit")}
                        pendingLabel={t("reactivate.pending")}
                      />
                    )}
                    {member.active && member.invitation !== "joined" && (
                      <StaffRowForm
                        action={actions.resend}
                        id={member.id}
                        submitLabel={t("resend.submit")}
                        pendingLabel={t("resend.pending")}
                        savedLabel={t("resend.sent")}
                      />
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
