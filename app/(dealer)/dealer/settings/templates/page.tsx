import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { SettingsShell } from "@/components/dealer/settings-shell";
import { TemplateEditorForm } from "@/components/dealer/template-editor-form";
import { TemplatePicker } from "@/components/dealer/template-picker";
import { TemplatePreview } from "@/components/dealer/template-preview";
import { TemplateVariables } from "@/components/dealer/template-variables";
import { BRAND_EDITORS, requireStaffPage } from "@/lib/auth/require-staff";
import { localeNames, locales } from "@/lib/i18n/locales";
import { SAMPLE_CUSTOMER } from "@/lib/notify/render/preview-message";
import { TEMPLATE_LIMITS } from "@/lib/templates/template-admin";
import { loadTemplateEditor, templateQuerySchema } from "@/lib/templates/template-editor";
import { signOutAction } from "../../actions";
import { resetTemplateAction, saveTemplateAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("settingsTemplates");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The wording of every customer e-mail and SMS, per message and language, with the default as the start. */
export default async function TemplatesSettingsPage({ searchParams }: Props) {
  const staff = await requireStaffPage(BRAND_EDITORS);
  const query = templateQuerySchema.parse(await searchParams);
  const [editor, t, format] = await Promise.all([
    loadTemplateEditor({ dealerId: staff.dealerId, ...query, now: new Date() }),
    getTranslations("settingsTemplates"),
    getFormatter(),
  ]);
  if (!editor) notFound();
  const message = t(`kinds.${editor.kind}`);
  const language = localeNames[editor.locale];
  const changed =
    editor.updatedAt && format.dateTime(editor.updatedAt, { dateStyle: "medium", timeStyle: "short", timeZone: editor.timeZone });
  return (
    <SettingsShell staff={staff} signOut={signOutAction} active="templates" title={t("title")} intro={t("intro")}>
      <TemplatePicker overview={editor.overview} locales={locales} kind={editor.kind} locale={editor.locale} />
      <section aria-labelledby="template-editor" className="space-y-4">
        <div>
          <h2 id="template-editor" className="text-xl font-semibold">
            {t("editing", { message, language })}
          </h2>
          <p className="text-neutral-700">{t(`kindHints.${editor.kind}`)}</p>
          <p className="text-sm text-neutral-700" data-testid="template-status">
            {!changed
              ? t("status.default")
              : editor.updatedBy
                ? t("status.own", { time: changed, name: editor.updatedBy })
                : t("status.ownUnknown", { time: changed })}
          </p>
        </div>
        <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <TemplateEditorForm
            key={`${editor.kind}:${editor.locale}`}
            saveAction={saveTemplateAction}
            resetAction={resetTemplateAction}
            kind={editor.kind}
            locale={editor.locale}
            languageName={language}
            version={editor.version}
            own={editor.own}
            texts={editor.texts}
            defaults={editor.defaults}
            limits={TEMPLATE_LIMITS}
            sms={editor.sms}
          />
          <TemplateVariables variables={editor.variables} />
        </div>
      </section>
      <TemplatePreview
        subject={editor.preview.email.subject}
        text={editor.preview.email.text}
        sms={editor.preview.sms}
        sampleName={SAMPLE_CUSTOMER.firstName}
      />
    </SettingsShell>
  );
}
