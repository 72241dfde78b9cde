"use client";

import { useTranslations } from "next-intl";
import { TextAreaField, TextField } from "@/components/dealer/settings-field";
import { SettingsForm, type SettingsActionFn } from "@/components/dealer/settings-form";
import type { Locale } from "@/lib/i18n/locales";
import { TERMS_BODY_MAX, TERMS_TITLE_MAX } from "@/lib/terms/terms-limits";

type Props = {
  action: SettingsActionFn<{ version: number; published: boolean }>;
  locale: Locale;
  /** The version the form starts from (its text prefilled), 0 when the language has none yet. */
  basedOn: number;
  title: string;
  body: string;
};

/**
 * A new version of the terms in one language, starting from the current text. Publishing never edits a
 * version: customers accepted that exact text, so a change is always the next version.
 */
export function TermsPublishForm({ action, locale, basedOn, title, body }: Props) {
  const t = useTranslations("settingsTerms.publish");
  return (
    <SettingsForm
      action={action}
      fields={{ locale, basedOn: String(basedOn) }}
      submitLabel={t("submit", { version: basedOn + 1 })}
      savedLabel={(result) =>
        result.published ? t("published", { version: result.version }) : t("unchanged", { version: result.version })
      }
    >
      <div lang={locale} className="space-y-4">
        <TextField name="title" label={t("titleLabel")} defaultValue={title} maxLength={TERMS_TITLE_MAX} required autoComplete="off" />
        <TextAreaField
          name="body"
          label={t("bodyLabel")}
          hint={t("bodyHint")}
          defaultValue={body}
          maxLength={TERMS_BODY_MAX}
          rows={12}
          required
        />
      </div>
    </SettingsForm>
  );
}
