import { useTranslations } from "next-intl";
import type { SmsCount } from "@/lib/sms-text";

/** "GSM-7 · 112 characters · 1 part": what an SMS costs to send, as the counter and the previews say it. */
export function SmsCountSummary({ count, className, testId }: { count: SmsCount; className?: string; testId?: string }) {
  const t = useTranslations("settingsTemplates.counter");
  return (
    <p className={className} data-testid={testId}>
      {t("summary", { encoding: count.encoding === "UCS-2" ? t("ucs2") : t("gsm7"), characters: count.characters, parts: count.parts })}
    </p>
  );
}
