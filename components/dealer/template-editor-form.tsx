"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { SettingsForm, type SettingsActionFn } from "@/components/dealer/settings-form";
import { SmsCounter } from "@/components/dealer/sms-counter";
import { TemplateTextField } from "@/components/dealer/template-text-field";
import { useKeptForm } from "@/components/shared/use-kept-form";
import { composeSms, countSms } from "@/lib/sms-text";
import { compileTemplate, renderTemplate } from "@/lib/templates/template-syntax";
import { templateRules, type TemplateField, type TemplateKind, type TemplateVariable } from "@/lib/templates/template-variables";

type Texts = Record<TemplateField, string>;
type Saved = { state: "own" | "default"; version: string };

type Props = {
  saveAction: SettingsActionFn<Saved>;
  resetAction: SettingsActionFn<Saved>;
  kind: TemplateKind;
  locale: string;
  languageName: string;
  version: string;
  own: boolean;
  texts: Texts;
  defaults: Texts;
  limits: Record<TemplateField, number>;
  sms: { dealerName: string; values: [TemplateVariable, string][] };
};

/**
 * The editor of one message in one language: subject, e-mail text and SMS text as one plain form (it
 * posts without JavaScript), with the SMS counted live as it will be sent — the dealer's name in front,
 * sample values (a link as long as a real one) in place — and a reset to the default wording.
 */
export function TemplateEditorForm({
  saveAction,
  resetAction,
  kind,
  locale,
  languageName,
  version,
  own,
  texts,
  defaults,
  limits,
  sms,
}: Props) {
  const t = useTranslations("settingsTemplates");
  const [draft, setDraft] = useState<Texts>(texts);
  // A reset (or saving the default text back) brings the default wording: the fields show it at once.
  const [seenVersion, setSeenVersion] = useState(version);
  if (version !== seenVersion) {
    setSeenVersion(version);
    if (!own) setDraft(defaults);
  }
  const set = (field: TemplateField) => (value: string) => setDraft((current) => ({ ...current, [field]: value }));
  const values = useMemo(() => new Map(sms.values), [sms.values]);

  const counted = useMemo(() => {
    const compiled = compileTemplate(draft.smsText, templateRules(kind, "smsText"));
    // Until the braces are right there is nothing to substitute: count what is there.
    const body = compiled.ok ? renderTemplate(compiled.template, values) : draft.smsText;
    const asSent = composeSms(sms.dealerName, body);
    return { asSent, count: countSms(asSent), approximate: !compiled.ok && compiled.problem.code === "malformedBraces" };
  }, [draft.smsText, kind, values, sms.dealerName]);

  return (
    <div className="space-y-6">
      <SettingsForm action={saveAction} fields={{ kind, locale, version }} submitLabel={t("save")} savedLabel={t("saved")}>
        <TemplateTextField
          name="subject"
          label={t("fields.subject")}
          hint={t("hints.subject")}
          value={draft.subject}
          onChange={set("subject")}
          maxLength={limits.subject}
          lang={locale}
        />
        <TemplateTextField
          name="emailText"
          label={t("fields.emailText")}
          hint={t("hints.emailText")}
          value={draft.emailText}
          onChange={set("emailText")}
          maxLength={limits.emailText}
          lang={locale}
          multiline
          rows={8}
        />
        <TemplateTextField
          name="smsText"
          label={t("fields.smsText")}
          hint={t("hints.smsText", { dealer: sms.dealerName })}
          value={draft.smsText}
          onChange={set("smsText")}
          maxLength={limits.smsText}
          lang={locale}
          multiline
          rows={3}
        >
          <SmsCounter count={counted.count} asSent={counted.asSent} approximate={counted.approximate} />
        </TemplateTextField>
      </SettingsForm>
      {own && <ResetForm action={resetAction} kind={kind} locale={locale} version={version} languageName={languageName} />}
    </div>
  );
}

type ResetProps = {
  action: SettingsActionFn<Saved>;
  kind: TemplateKind;
  locale: string;
  version: string;
  languageName: string;
};

/** Back to the default wording in two steps that work without JavaScript: only the confirm button sends confirm=yes. */
function ResetForm({ action, kind, locale, version, languageName }: ResetProps) {
  const t = useTranslations("settingsTemplates.reset");
  const failed = useTranslations("settings.failed");
  const { formRef, state, pending, formAction, onSubmit } = useKeptForm(action, { resetOnSuccess: false });
  return (
    <details className="max-w-xl">
      <summary className="inline-flex min-h-11 cursor-pointer items-center rounded border border-red-800 px-3 font-medium text-red-900">
        {t("open")}
      </summary>
      <form ref={formRef} action={formAction} onSubmit={onSubmit} className="mt-2 space-y-2 rounded border border-red-200 bg-red-50 p-3">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="version" value={version} />
        <p>{t("question", { language: languageName })}</p>
        <button
          type="submit"
          name="confirm"
          value="yes"
          disabled={pending}
          className="min-h-11 rounded bg-red-800 px-4 font-semibold text-white disabled:opacity-60"
        >
          {pending ? t("pending") : t("confirm")}
        </button>
        {state && !state.ok && (
          <p role="alert" className="text-sm text-red-900">
            {failed(state.error === "conflict" ? "conflict" : state.error === "not_found" ? "notFound" : "other")}
          </p>
        )}
      </form>
    </details>
  );
}
