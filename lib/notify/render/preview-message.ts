import "server-only";
import { getBrand } from "@/lib/dealers/get-brand";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import type { CustomerMessageKind, MessageContext } from "@/lib/notify/render/message-context";
import { emailFromContext, type RenderedEmail } from "@/lib/notify/render/render-email";
import { smsFromContext } from "@/lib/notify/render/render-sms";

/** Kinds a customer receives that the preview shows (the test message is only for "send a test"). */
export const PREVIEW_MESSAGE_KINDS = [
  "CHECKIN_INVITATION",
  "CHECKIN_REMINDER",
  "REPORT",
  "APPOINTMENT_CONFIRMATION",
  "APPOINTMENT_REMINDER",
] as const satisfies readonly CustomerMessageKind[];

/** A fixed sample customer: never a real one, so marketing sees no personal data. */
export const SAMPLE_CUSTOMER = { firstName: "Alex", note: "We will check the brakes while the car is with us." } as const;

/**
 * A dealer's message of one kind and locale as a customer would get it, made with sample data and the
 * dealer's real brand and site. Reads only; writes nothing. Null when the site is not this dealer's.
 */
export async function previewMessage(input: {
  dealerId: string;
  siteId: string;
  kind: CustomerMessageKind;
  locale: Locale;
  now: Date;
}): Promise<{ context: MessageContext; email: RenderedEmail; sms: string } | null> {
  const brand = await getBrand({ dealerId: input.dealerId, siteId: input.siteId });
  if (!brand) return null;
  const base = env().APP_URL;
  const context: MessageContext = {
    kind: input.kind,
    locale: input.locale,
    link:
      input.kind === "APPOINTMENT_CONFIRMATION" || input.kind === "APPOINTMENT_REMINDER"
        ? null
        : new URL("/c/preview-sample-link", base).toString(),
    note: input.kind === "REPORT" ? SAMPLE_CUSTOMER.note : null,
    firstName: SAMPLE_CUSTOMER.firstName,
    // Three days ahead at 08:30 UTC: a realistic invitation date, whatever day the preview is opened.
    startsAt: new Date(Date.UTC(input.now.getUTCFullYear(), input.now.getUTCMonth(), input.now.getUTCDate() + 3, 8, 30)),
    brand: {
      dealerName: brand.dealerName,
      primaryColor: brand.primaryColor,
      logoUrl: brand.logoUrl ? new URL(brand.logoUrl, base).toString() : null,
      site: brand.site,
    },
  };
  return { context, email: await emailFromContext(context), sms: smsFromContext(context) };
}
