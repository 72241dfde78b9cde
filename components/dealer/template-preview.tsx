import { useTranslations } from "next-intl";
import { SmsCountSummary } from "@/components/dealer/sms-count-summary";
import { countSms } from "@/lib/sms-text";

type Props = { subject: string; text: string; sms: string; sampleName: string };

/**
 * The saved wording as a customer gets it now, with the sample customer: the e-mail's subject and its
 * text part (greeting, button link, footer and all) and the SMS. Plain text only, escaped by React.
 */
export function TemplatePreview({ subject, text, sms, sampleName }: Props) {
  const t = useTranslations("settingsTemplates.preview");
  const count = countSms(sms);
  return (
    <section aria-labelledby="template-preview" className="space-y-3">
      <h3 id="template-preview" className="text-lg font-semibold">
        {t("heading")}
      </h3>
      <p className="text-sm text-neutral-700">{t("intro", { name: sampleName })}</p>
      <dl className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-neutral-200" data-testid="template-preview">
        <div>
          <dt className="text-sm font-semibold text-neutral-700">{t("subject")}</dt>
          <dd>{subject}</dd>
        </div>
        <div>
          <dt className="text-sm font-semibold text-neutral-700">{t("email")}</dt>
          <dd className="font-mono text-sm break-words whitespace-pre-wrap">{text}</dd>
        </div>
        <div>
          <dt className="text-sm font-semibold text-neutral-700">{t("sms")}</dt>
          <dd className="font-mono text-sm break-words">{sms}</dd>
          <dd>
            <SmsCountSummary count={count} className="text-sm text-neutral-700" testId="preview-sms-count" />
          </dd>
        </div>
      </dl>
    </section>
  );
}
