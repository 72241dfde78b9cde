import "server-only";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import type { CustomerMessageKind } from "@/lib/notify/render/message-context";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import sv from "@/messages/sv.json";

const catalogues: Record<Locale, typeof en> = { en, fr, de, sv, nl };

/** Where each message's words are in the catalogues (`email.<key>.*`, `sms.<key>`). */
export const MESSAGE_KEYS = {
  CHECKIN_INVITATION: "checkinInvitation",
  CHECKIN_REMINDER: "checkinReminder",
  REPORT: "report",
  APPOINTMENT_CONFIRMATION: "appointmentConfirmation",
  APPOINTMENT_REMINDER: "appointmentReminder",
  TEST: "test",
} as const satisfies Record<CustomerMessageKind, string>;

/** The message catalogue of one language, outside any request (the dispatcher has none). */
export function messageTranslator(locale: Locale) {
  return createTranslator({
    locale,
    messages: catalogues[locale],
    // A key or argument gone missing must stop the send, never reach a customer as "email.report.subject".
    onError: (error) => {
      throw error;
    },
  });
}
