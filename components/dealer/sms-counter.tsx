import { useTranslations } from "next-intl";
import type { SmsCount } from "@/lib/sms-text";

type Props = {
  count: SmsCount;
  /** The SMS as it will be sent with sample values (the dealer's name in front, the link in place). */
  asSent: string;
  /** The template does not read yet: the text is counted as typed, variables unreplaced. */
  approximate: boolean;
};

/**
 * What the SMS costs, live: encoding, characters, parts, and which characters forced UCS-2 (one emoji
 * or "ą" makes the whole SMS Unicode, 70 characters a part instead of 160). Announced politely, so a
 * screen reader hears the new count after typing pauses rather than at every key.
 */
export function SmsCounter({ count, asSent, approximate }: Props) {
  const t = useTranslations("settingsTemplates.counter");
  const unicode = count.encoding === "UCS-2";
  return (
    <div className="space-y-2 rounded border border-neutral-300 bg-neutral-50 p-3 text-sm">
      <p aria-live="polite" data-testid="sms-counter" data-encoding={count.encoding} className="font-medium">
        {t("summary", {
          encoding: unicode ? t("ucs2") : t("gsm7"),
          characters: count.characters,
          parts: count.parts,
        })}
      </p>
      <p className="text-neutral-700">{unicode ? t("limitsUcs2") : t("limitsGsm7", { doubled: "^ { } [ ] ~ | € \\" })}</p>
      {unicode && (
        <p className="text-amber-900">
          {t("forcedBy")}{" "}
          {count.nonGsm.map((char) => (
            <kbd key={char} className="mx-0.5 rounded border border-amber-800 bg-white px-1 font-sans">
              {char}
            </kbd>
          ))}
        </p>
      )}
      <div>
        <p className="text-neutral-700">{approximate ? t("approximate") : t("asSent")}</p>
        <p className="mt-1 rounded bg-white p-2 font-mono break-words whitespace-pre-wrap" data-testid="sms-as-sent">
          {asSent}
        </p>
      </div>
    </div>
  );
}
