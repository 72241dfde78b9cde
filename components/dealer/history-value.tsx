import { useTranslations } from "next-intl";
import type { HistoryValue } from "@/lib/dealers/settings-history";

/** One recorded value in words: plain text (escaped by React), yes/no, "(empty)" or "(hidden)". */
export function HistoryValueText({ value }: { value: HistoryValue }) {
  const t = useTranslations("settingsHistory.value");
  switch (value.type) {
    case "empty":
      return <span className="text-neutral-700">{t("empty")}</span>;
    case "hidden":
      return <span className="italic text-neutral-700">{t("hidden")}</span>;
    case "boolean":
      return <span>{value.value ? t("yes") : t("no")}</span>;
    case "text":
      return <span className="whitespace-pre-wrap break-words">{value.text}</span>;
  }
}
