import { useTranslations } from "next-intl";
import type { VariableHelp } from "@/lib/templates/template-editor";

/**
 * The variables of the message being edited, with what each becomes in the preview and where it may
 * be used: the editor's documentation, so a dealer never has to guess a name.
 */
export function TemplateVariables({ variables }: { variables: VariableHelp[] }) {
  const t = useTranslations("settingsTemplates.variables");
  const fields = useTranslations("settingsTemplates.fields");
  return (
    <section aria-labelledby="template-variables" className="space-y-2">
      <h3 id="template-variables" className="text-lg font-semibold">
        {t("heading")}
      </h3>
      <p className="text-sm text-neutral-700">{t("intro", { example: "{{firstName}}" })}</p>
      <ul
        aria-labelledby="template-variables"
        className="divide-y divide-neutral-200 rounded-lg bg-white text-sm shadow-sm ring-1 ring-neutral-200"
      >
        {variables.map((variable) => (
          <li key={variable.name} data-variable={variable.name} className="space-y-1 px-3 py-2">
            <code className="font-semibold">{`{{${variable.name}}}`}</code>
            <p>{t(`names.${variable.name}`)}</p>
            <p className="break-words text-neutral-700">
              {t("example")}:{" "}
              {variable.sample.email === "" ? t("empty") : <span className="text-neutral-900">{variable.sample.email}</span>}
              {variable.sample.sms !== variable.sample.email && (
                <>
                  {" · "}
                  {t("inSms", { value: variable.sample.sms })}
                </>
              )}
            </p>
            <p className="text-neutral-700">
              {t("where")}: {variable.fields.map((field) => fields(field)).join(", ")}
            </p>
            {variable.required.length > 0 && (
              <p className="font-semibold text-amber-900">
                {t("required", { fields: variable.required.map((field) => fields(field)).join(", ") })}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
