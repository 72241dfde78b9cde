"use client";

import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/dealer/settings-field";
import { SettingsForm, type SettingsActionFn } from "@/components/dealer/settings-form";

type Props = {
  action: SettingsActionFn<{ email: string; created: boolean }>;
  roles: readonly string[];
  /** Each language with its own name ("Français"), and the one chosen unless the admin picks another. */
  languages: readonly (readonly [string, string])[];
  defaultLanguage: string;
};

/** Invites a colleague by e-mail: they get a link to choose their password, valid once for a week. */
export function StaffInviteForm({ action, roles, languages, defaultLanguage }: Props) {
  const t = useTranslations("settingsStaff.invite");
  const role = useTranslations("dealer.roles");
  return (
    <SettingsForm
      action={action}
      submitLabel={t("submit")}
      savedLabel={t("sent")}
      resetOnSuccess
      renderResult={(result) => (
        <p className="rounded border border-green-300 bg-green-50 p-3">
          {result.created ? t("result", { email: result.email }) : t("again", { email: result.email })}
        </p>
      )}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label={t("name")} maxLength={120} autoComplete="off" />
        <TextField name="email" label={t("email")} type="email" maxLength={254} autoComplete="off" spellCheck={false} />
        <SelectField
          name="role"
          label={t("role")}
          hint={t("roleHint")}
          options={roles.map((value) => [value, role(value)] as const)}
          defaultValue="ADVISOR"
        />
        <SelectField name="locale" label={t("language")} hint={t("languageHint")} options={languages} defaultValue={defaultLanguage} />
      </div>
    </SettingsForm>
  );
}
