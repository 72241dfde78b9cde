"use client";

import { useTranslations } from "next-intl";
import { ApiShownOnce } from "@/components/dealer/api-shown-once";
import { TextField } from "@/components/dealer/settings-field";
import { SettingsForm, type SettingsActionFn } from "@/components/dealer/settings-form";

type Props = { action: SettingsActionFn<{ name: string; key: string }> };

/** Names a new API key; the key itself appears under the form once, straight from the action's answer. */
export function ApiKeyCreateForm({ action }: Props) {
  const t = useTranslations("settingsApi.createKey");
  return (
    <SettingsForm
      action={action}
      submitLabel={t("submit")}
      savedLabel={t("created")}
      resetOnSuccess
      renderResult={(data) => <ApiShownOnce label={t("result")} value={data.key} hint={t("copyHint")} />}
    >
      <TextField name="name" label={t("name")} hint={t("nameHint")} maxLength={100} autoComplete="off" required />
    </SettingsForm>
  );
}
