import "server-only";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { runWithRetry } from "@/lib/appointments/retry";
import { hashPassword } from "@/lib/auth/password";
import type { StaffSession } from "@/lib/auth/session";
import { recordSettingsChange } from "@/lib/dealers/settings-change";
import { db, type Tx } from "@/lib/db";
import type { StaffRole } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { resolveLocale, type Locale } from "@/lib/i18n/locales";
import { invitationState, issueInvitation, withdrawInvitations, type InvitationState } from "@/lib/staff/invitations";
import type { inviteStaffSchema, resendInvitationSchema } from "@/lib/staff/staff-fields";

/**
 * The dealer admin's staff list and invitations. An invited member exists as a StaffUser from the
 * invitation on, with a password nobody knows (the hash of random bytes, so signing in with it costs
 * the same as any wrong password), until they choose their own through the link.
 */

export type StaffMember = {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  active: boolean;
  lastSignInAt: Date | null;
  invitation: InvitationState;
  /** Until when the pending invitation's link works; null unless pending. */
  invitationExpiresAt: Date | null;
};

const invitationSelect = { acceptedAt: true, revokedAt: true, expiresAt: true, createdAt: true } as const;

export async function listStaff(input: { dealerId: string; now?: Date }): Promise<StaffMember[]> {
  const now = input.now ?? new Date();
  const rows = await db().staffUser.findMany({
    where: { dealerId: input.dealerId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      lastSignInAt: true,
      invitations: { select: invitationSelect, orderBy: { createdAt: "desc" } },
    },
    orderBy: [{ active: "desc" }, { name: "asc" }, { id: "asc" }],
  });
  return rows.map(({ invitations, ...member }) => {
    const invitation = invitationState(invitations, now);
    return { ...member, invitation, invitationExpiresAt: invitation === "pending" ? (invitations[0]?.expiresAt ?? null) : null };
  });
}

const emailInUse = () =>
  // The same words whoever holds the address, this dealer or another: nothing more is learnt from it.
  new AppError("conflict", "The e-mail address is already in use.", { errors: [{ path: "email", message: "emailInUse" }] });

/**
 * Invites a person: the member, their invitation and its e-mail in one transaction. The same invitation
 * posted again (a double click, a replayed form) finds the open one it made and creates nothing more.
 */
export async function inviteStaffForStaff(
  staff: StaffSession,
  input: z.infer<typeof inviteStaffSchema>,
  now = new Date(),
): Promise<{ id: string; email: string; created: boolean }> {
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  // Two posts at once: the second loses on StaffUser.email's unique index, and its retry finds the first.
  return runWithRetry(async (tx) => {
    const existing = await tx.staffUser.findUnique({
      where: { email: input.email },
      select: { id: true, dealerId: true, name: true, role: true, active: true, invitations: { select: invitationSelect } },
    });
    if (existing) {
      const again =
        existing.dealerId === staff.dealerId &&
        existing.active &&
        existing.name === input.name &&
        existing.role === input.role &&
        invitationState(existing.invitations, now) === "pending";
      if (again) return { id: existing.id, email: input.email, created: false };
      throw emailInUse();
    }
    const member = await tx.staffUser.create({
      data: { dealerId: staff.dealerId, email: input.email, name: input.name, role: input.role, passwordHash },
      select: { id: true },
    });
    const invitation = await issueInvitation(tx, {
      dealerId: staff.dealerId,
      staffUserId: member.id,
      email: input.email,
      locale: input.locale,
      createdById: staff.staffUserId,
      now,
    });
    await recordSettingsChange(tx, {
      staff,
      entity: "staff",
      entityId: member.id,
      change: "created",
      before: null,
      after: {
        name: input.name,
        email: input.email,
        role: input.role,
        active: true,
        invitation: "pending",
        invitationExpiresAt: invitation.expiresAt.toISOString(),
      },
    });
    return { id: member.id, email: input.email, created: true };
  });
}

/** The language an invitation is written in unless the admin picks another. */
export async function dealerDefaultLocale(dealerId: string): Promise<Locale> {
  const dealer = await db().dealer.findUnique({ where: { id: dealerId }, select: { defaultLocale: true } });
  return resolveLocale(dealer?.defaultLocale);
}

/** The language the member was invited in before (the outbox row keeps it), else the dealer's own. */
async function invitationLocale(tx: Tx, dealerId: string, email: string): Promise<Locale> {
  const [previous, dealer] = await Promise.all([
    tx.notification.findFirst({
      where: { dealerId, kind: "STAFF_INVITATION", recipient: email },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { locale: true },
    }),
    tx.dealer.findUniqueOrThrow({ where: { id: dealerId }, select: { defaultLocale: true } }),
  ]);
  return resolveLocale(previous?.locale, dealer.defaultLocale);
}

/** A new link for someone who has not joined yet (the first one expired, was lost or withdrawn); the old one stops working. */
export async function resendInvitationForStaff(
  staff: StaffSession,
  input: z.infer<typeof resendInvitationSchema>,
  now = new Date(),
): Promise<{ email: string }> {
  return db().$transaction(async (tx) => {
    const member = await tx.staffUser.findFirst({
      where: { id: input.id, dealerId: staff.dealerId },
      select: { id: true, email: true, active: true, invitations: { select: invitationSelect, orderBy: { createdAt: "desc" } } },
    });
    if (!member) throw new AppError("not_found");
    const state = invitationState(member.invitations, now);
    if (state === "joined")
      throw new AppError("conflict", "The member has joined already.", { errors: [{ path: "id", message: "joined" }] });
    if (!member.active) throw new AppError("conflict", "The member is deactivated.", { errors: [{ path: "id", message: "inactive" }] });
    await withdrawInvitations(tx, { dealerId: staff.dealerId, staffUserId: member.id, now });
    const invitation = await issueInvitation(tx, {
      dealerId: staff.dealerId,
      staffUserId: member.id,
      email: member.email,
      locale: await invitationLocale(tx, staff.dealerId, member.email),
      createdById: staff.staffUserId,
      now,
    });
    await recordSettingsChange(tx, {
      staff,
      entity: "staff",
      entityId: member.id,
      change: "updated",
      before: { invitation: state, invitationExpiresAt: member.invitations[0]?.expiresAt.toISOString() ?? null },
      after: { invitation: "pending", invitationExpiresAt: invitation.expiresAt.toISOString() },
    });
    return { email: member.email };
  });
}
