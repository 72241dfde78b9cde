import "server-only";
import { createElement } from "react";
import { render } from "@react-email/render";
import { createTranslator } from "next-intl";
import { z } from "zod";
import { getBrand } from "@/lib/dealers/get-brand";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { resolveLocale, type Locale } from "@/lib/i18n/locales";
import type { MessageBrand } from "@/lib/notify/render/message-context";
import { oneLine, type EmailTexts } from "@/lib/notify/render/message-texts";
import { NotificationEmail } from "@/lib/notify/render/notification-email";
import type { RenderedEmail } from "@/lib/notify/render/render-email";
import { unseal } from "@/lib/notify/seal";
import { DeliveryError, type OutboxMessage } from "@/lib/notify/types";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import sv from "@/messages/sv.json";

/**
 * The staff invitation e-mail: the customer messages' look (the dealer's name, logo and colour, one
 * button), but its own data — the invitee, who invited them, until when the link works — loaded fresh
 * at send time. An invitation withdrawn, used or expired before its e-mail left is not sent at all.
 */

const catalogues: Record<Locale, typeof en> = { en, fr, de, sv, nl };
const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", fr: "fr", de: "de", sv: "sv", nl: "nl" };

const payloadSchema = z.object({ sealedLink: z.string().min(1), invitationId: z.uuid() });

export type StaffInvitationContext = {
  locale: Locale;
  link: string;
  name: string;
  role: string;
  inviter: { name: string; email: string } | null;
  expiresAt: Date;
  brand: MessageBrand;
};

export async function renderStaffInvitationEmail(message: OutboxMessage, now = new Date()): Promise<RenderedEmail> {
  return staffInvitationEmail(await loadStaffInvitationContext(message, now));
}

async function loadStaffInvitationContext(message: OutboxMessage, now: Date): Promise<StaffInvitationContext> {
  const payload = payloadSchema.safeParse(message.payload ?? {});
  if (!payload.success) throw new DeliveryError("the invitation payload is malformed", true);
  const invitation = await db().staffInvitation.findFirst({
    where: { id: payload.data.invitationId, dealerId: message.dealerId },
    select: {
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      createdById: true,
      staffUser: { select: { name: true, email: true, role: true, active: true } },
    },
  });
  if (!invitation) throw new DeliveryError("the invitation no longer exists", true);
  if (invitation.acceptedAt || invitation.revokedAt || !invitation.staffUser.active || invitation.expiresAt <= now) {
    throw new DeliveryError("the invitation is no longer open", true);
  }
  if (invitation.staffUser.email !== message.recipient.trim().toLowerCase())
    throw new DeliveryError("the recipient is not the invitee", true);
  const [inviter, site] = await Promise.all([
    invitation.createdById
      ? db().staffUser.findFirst({ where: { id: invitation.createdById, dealerId: message.dealerId }, select: { name: true, email: true } })
      : null,
    db().site.findFirst({ where: { dealerId: message.dealerId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } }),
  ]);
  const brand = site ? await getBrand({ dealerId: message.dealerId, siteId: site.id }) : null;
  if (!brand) throw new DeliveryError("the dealer or its site no longer exists", true);
  const locale = resolveLocale(message.locale, brand.defaultLocale);
  return {
    locale,
    link: openLink(payload.data.sealedLink),
    name: invitation.staffUser.name,
    role: catalogues[locale].dealer.roles[invitation.staffUser.role],
    inviter,
    expiresAt: invitation.expiresAt,
    brand: {
      dealerName: brand.dealerName,
      primaryColor: brand.primaryColor,
      logoUrl: brand.logoUrl ? new URL(brand.logoUrl, env().APP_URL).toString() : null,
      site: brand.site,
    },
  };
}

/** The link must be this app's invitation page: a damaged or tampered row is never sent. */
function openLink(sealed: string): string {
  let link: string;
  try {
    link = unseal(sealed);
  } catch {
    throw new DeliveryError("the invitation link cannot be unsealed", true);
  }
  const url = URL.canParse(link) ? new URL(link) : null;
  if (!url || url.origin !== new URL(env().APP_URL).origin || !url.pathname.startsWith("/dealer/invitation/")) {
    throw new DeliveryError("the invitation link is not this app's", true);
  }
  return link;
}

export function staffInvitationTexts(context: StaffInvitationContext): EmailTexts {
  const t = createTranslator({
    locale: context.locale,
    messages: catalogues[context.locale],
    namespace: "staffInvitation.email",
    // A missing key must stop the send, never reach the invitee as "staffInvitation.email.subject".
    onError: (error) => {
      throw error;
    },
  });
  const until = new Intl.DateTimeFormat(INTL_LOCALE[context.locale], {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: context.brand.site.timeZone,
  }).format(context.expiresAt);
  const values = { dealer: context.brand.dealerName, name: context.name, role: context.role, until };
  return {
    subject: oneLine(t("subject", values)),
    preview: t("preview", values),
    heading: t("heading", values),
    greeting: t("greeting", values),
    // One paragraph of one line, the shape the shared e-mail layout takes (EmailTexts.body).
    body: [[context.inviter ? t("body", { ...values, inviter: context.inviter.name }) : t("bodyNoInviter", values)]],
    note: null,
    button: { label: t("button"), url: context.link },
    personalLink: t("personalLink", values),
    signOff: t("signOff"),
    questions: t("questions"),
    logoAlt: t("logoAlt", values),
  };
}

export async function staffInvitationEmail(context: StaffInvitationContext): Promise<RenderedEmail> {
  const texts = staffInvitationTexts(context);
  const html = await render(createElement(NotificationEmail, { locale: context.locale, texts, brand: context.brand }));
  const text = [
    texts.greeting,
    texts.body.map((lines) => lines.join("\n")).join("\n\n"),
    `${texts.button!.label}\n${texts.button!.url}`,
    texts.personalLink,
    texts.questions,
    `${texts.signOff}\n${context.brand.dealerName}`,
  ].join("\n\n");
  return {
    subject: texts.subject,
    text: `${text}\n`,
    html,
    senderName: oneLine(context.brand.dealerName),
    // A reply reaches the colleague who sent the invitation; without one, the dealer's main site.
    replyTo: context.inviter?.email ?? context.brand.site.email,
  };
}
