import "server-only";
import { ROLE_ORDER } from "@/lib/appointments/contact-order";
import { z } from "zod";
import { getBrand, type Brand } from "@/lib/dealers/get-brand";
import { db } from "@/lib/db";
import type { ContactRole, NotificationKind } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { resolveLocale, type Locale } from "@/lib/i18n/locales";
import { unseal } from "@/lib/notify/seal";
import { DeliveryError, type OutboxMessage } from "@/lib/notify/types";
import { normalizePhone } from "@/lib/phone";
import { findDealerTemplate } from "@/lib/templates/dealer-templates";
import type { SavedTemplateTexts } from "@/lib/templates/resolve-template";
import { isTemplateKind, type TemplateKind } from "@/lib/templates/template-variables";

/** The kinds a customer receives as an e-mail or SMS (a staff invitation is a staff member's, not a customer's). */
export type CustomerMessageKind = Exclude<NotificationKind, "WEBHOOK" | "STAFF_INVITATION">;

/** The dealer as a message shows it; the logo URL is absolute because a mail client has no base URL. */
export type MessageBrand = {
  dealerName: string;
  primaryColor: string;
  logoUrl: string | null;
  site: Pick<Brand["site"], "name" | "addressLine" | "postalCode" | "city" | "phone" | "email" | "timeZone">;
};

/** Everything a message template needs, loaded fresh at send time. Pure data, so previews can fake it. */
export type MessageContext = {
  kind: CustomerMessageKind;
  locale: Locale;
  /** The customer's link in clear; null for messages that have none. */
  link: string | null;
  /** The advisor's note, as typed. */
  note: string | null;
  firstName: string | null;
  /** The appointment's start; null only for a test message sent without an appointment. */
  startsAt: Date | null;
  brand: MessageBrand;
  /** The dealer's own wording of this message in this language; absent or null: the default wording. */
  template?: SavedTemplateTexts | null;
};

/** Kinds that make no sense without the customer's link. */
const NEEDS_LINK: ReadonlySet<CustomerMessageKind> = new Set(["CHECKIN_INVITATION", "CHECKIN_REMINDER", "REPORT"]);

const payloadSchema = z.object({ sealedLink: z.string().min(1).optional(), note: z.string().optional() });

type Contact = { role: ContactRole; firstName: string; email: string | null; phone: string | null; locale: string };

/**
 * Loads what a customer message shows, scoped by the message's dealer. Whatever cannot get better by
 * waiting (no appointment, no link, a link that no longer unseals) is a permanent DeliveryError.
 */
export async function loadMessageContext(message: OutboxMessage): Promise<MessageContext> {
  const { kind } = message;
  if (kind === "WEBHOOK" || kind === "STAFF_INVITATION") throw new DeliveryError(`a ${kind} is not a customer message`, true);
  const payload = payloadSchema.safeParse(message.payload ?? {});
  if (!payload.success) throw new DeliveryError("the message payload is malformed", true);

  const appointment = message.appointmentId
    ? await db().appointment.findFirst({
        where: { id: message.appointmentId, dealerId: message.dealerId },
        select: {
          siteId: true,
          startsAt: true,
          contacts: { select: { role: true, firstName: true, email: true, phone: true, locale: true } },
        },
      })
    : null;
  if (!appointment && kind !== "TEST") throw new DeliveryError("the appointment no longer exists", true);

  const siteId = appointment?.siteId ?? (await firstSiteId(message.dealerId));
  const brand = siteId ? await getBrand({ dealerId: message.dealerId, siteId }) : null;
  if (!brand) throw new DeliveryError("the dealer or its site no longer exists", true);

  const contact = appointment ? findRecipient(appointment.contacts, message) : undefined;
  const locale = resolveLocale(message.locale, contact?.locale, brand.defaultLocale);
  return {
    kind,
    locale,
    link: openLink(payload.data.sealedLink, kind),
    note: payload.data.note?.trim() || null,
    firstName: contact?.firstName.trim() || null,
    startsAt: appointment?.startsAt ?? null,
    brand: {
      dealerName: brand.dealerName,
      primaryColor: brand.primaryColor,
      logoUrl: brand.logoUrl ? new URL(brand.logoUrl, env().APP_URL).toString() : null,
      site: brand.site,
    },
    // In the recipient's language only: every language has a default, so another language's own
    // wording is never a better fallback than the default in the customer's.
    template: isTemplateKind(kind) ? await savedTexts(message.dealerId, kind, locale) : null,
  };
}

async function savedTexts(dealerId: string, kind: TemplateKind, locale: string): Promise<SavedTemplateTexts | null> {
  const saved = await findDealerTemplate({ dealerId, kind, locale });
  return saved && { subject: saved.subject, emailText: saved.emailText, smsText: saved.smsText };
}

/** A test message may come without an appointment: it then speaks for the dealer's first site. */
async function firstSiteId(dealerId: string): Promise<string | null> {
  const site = await db().site.findFirst({ where: { dealerId }, orderBy: { createdAt: "asc" }, select: { id: true } });
  return site?.id ?? null;
}

/**
 * The contact the message goes to, found by its address (the outbox row does not reach the channel
 * with its role). Contacts sharing an address are one household; the first role in order greets.
 */
function findRecipient(contacts: Contact[], message: OutboxMessage): Contact | undefined {
  const email = message.recipient.trim().toLowerCase();
  const phone = message.channel === "SMS" ? normalizePhone(message.recipient) : null;
  const matches = (contact: Contact) =>
    message.channel === "SMS"
      ? phone !== null && contact.phone !== null && normalizePhone(contact.phone) === phone
      : contact.email?.trim().toLowerCase() === email;
  return ROLE_ORDER.map((role) => contacts.find((c) => c.role === role)).find((c) => c !== undefined && matches(c));
}

function openLink(sealed: string | undefined, kind: CustomerMessageKind): string | null {
  if (!sealed) {
    if (NEEDS_LINK.has(kind)) throw new DeliveryError(`a ${kind} message needs the customer's link`, true);
    return null;
  }
  let link: string;
  try {
    link = unseal(sealed);
  } catch {
    // Only a changed SESSION_SECRET or a damaged row gets here; neither heals by retrying.
    throw new DeliveryError("the customer's link cannot be unsealed", true);
  }
  if (!/^https?:\/\//.test(link)) throw new DeliveryError("the customer's link is not an http(s) URL", true);
  return link;
}
