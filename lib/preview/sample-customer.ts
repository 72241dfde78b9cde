import "server-only";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { catalogues } from "@/lib/notify/render/message-catalogue";
import { localCalendarDate, wallClockToInstant } from "@/lib/time";

/**
 * The made-up customer every preview and test message shows, in its language (`preview.sample.*` in
 * messages/): never a real one, so marketing sees no personal data. Read outside any request as well —
 * a test message is rendered by the dispatcher.
 */
export function sampleText(locale: Locale) {
  return createTranslator({ locale, messages: catalogues[locale], namespace: "preview.sample" });
}

/** The sample visit: three days from now at 08:30 on the site's clock. */
export function sampleVisitStart(timeZone: string, now: Date): Date {
  const day = localCalendarDate(new Date(now.getTime() + 3 * 86_400_000), timeZone);
  return wallClockToInstant({ ...day, hours: 8, minutes: 30 }, timeZone);
}
