import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { RenderedEmail } from "@/lib/notify/render/render-email";
import { SmsCountSummary } from "@/components/dealer/sms-count-summary";
import { countSms } from "@/lib/sms-text";

type Props = {
  kindName: string;
  email: RenderedEmail;
  /** The HTML e-mail's own address (app/(dealer)/dealer/preview/email), framed with its own policy. */
  emailSrc: string;
  sms: string;
  /** The "send a test to me" form. */
  children?: ReactNode;
};

/** One message as a customer gets it: the HTML e-mail, its plain-text part and the SMS. */
export function PreviewMessage({ kindName, email, emailSrc, sms, children }: Props) {
  const t = useTranslations("preview");
  return (
    <section aria-labelledby="preview-message" className="space-y-4">
      <h2 id="preview-message" className="text-xl font-semibold">
        {t("messageHeading", { message: kindName })}
      </h2>
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-2">
          <h3 className="text-lg font-semibold">{t("email.html")}</h3>
          <p>
            <span className="font-medium">{t("email.subject")}</span> {email.subject}
          </p>
          <p className="text-sm text-neutral-700">{t("email.from", { sender: email.senderName, replyTo: email.replyTo })}</p>
          <iframe
            title={t("email.frameTitle", { message: kindName })}
            src={emailSrc}
            className="h-[640px] w-full rounded border border-neutral-300 bg-white"
          />
        </div>
        <div className="space-y-6">
          <div className="space-y-2">
            <h3 id="preview-email-text" className="text-lg font-semibold">
              {t("email.text")}
            </h3>
            {/* Scrolls when long: focusable, so a keyboard can scroll it too. */}
            <pre
              tabIndex={0}
              aria-labelledby="preview-email-text"
              className="max-h-80 overflow-auto whitespace-pre-wrap rounded border border-neutral-300 bg-white p-3 font-sans text-sm"
              data-testid="email-text"
            >
              {email.text}
            </pre>
          </div>
          <div className="space-y-2">
            <h3 className="text-lg font-semibold">{t("sms.heading")}</h3>
            <p className="max-w-sm whitespace-pre-wrap rounded-2xl bg-neutral-200 p-3 text-sm" data-testid="sms-text">
              {sms}
            </p>
            <SmsCountSummary count={countSms(sms)} className="text-sm text-neutral-700" testId="sms-count" />
          </div>
          {children}
        </div>
      </div>
    </section>
  );
}
