import "server-only";
import type { StaffSession } from "@/lib/auth/session";
import { recordSettingsChange } from "@/lib/dealers/settings-change";
import { db, type Tx } from "@/lib/db";
import type { StaffRole } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { invitationState, JOINED, withdrawInvitations } from "@/lib/staff/invitations";

/**
 * Role changes and (de)activation, guarded so a dealer cannot lock itself out: nobody demotes or
 * deactivates themselves, and the last active admin who can sign in stays one. Each change takes a
 * lock on the dealer row first, so two admins demoting each other at the same moment are serialised
 * and the second sees the first's result instead of both succeeding.
 */

async function lockDealerStaff(tx: Tx, dealerId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Dealer" WHERE "id" = ${dealerId} FOR UPDATE`;
}

async function loadMember(tx: Tx, staff: StaffSession, id: string) {
  const member = await tx.staffUser.findFirst({
    where: { id, dealerId: staff.dealerId },
    select: {
      id: true,
      role: true,
      active: true,
      invitations: { select: { acceptedAt: true, revokedAt: true, expiresAt: true, createdAt: true } },
    },
  });
  if (!member) throw new AppError("not_found");
  return member;
}

const refusal = (path: string, code: "self" | "lastAdmin") =>
  new AppError("conflict", code === "self" ? "Admins cannot remove their own access." : "The dealer needs an active admin.", {
    errors: [{ path, message: code }],
  });

/** Whether taking `memberId` out of the admins would leave the dealer with no active admin who can sign in. */
async function isLastAdmin(tx: Tx, dealerId: string, member: { id: string; role: StaffRole; active: boolean }): Promise<boolean> {
  if (member.role !== "ADMIN" || !member.active) return false;
  const others = await tx.staffUser.count({ where: { dealerId, role: "ADMIN", active: true, id: { not: member.id }, ...JOINED } });
  return others === 0;
}

export async function changeStaffRole(staff: StaffSession, input: { id: string; role: StaffRole }): Promise<{ changed: boolean }> {
  return db().$transaction(async (tx) => {
    await lockDealerStaff(tx, staff.dealerId);
    const member = await loadMember(tx, staff, input.id);
    if (member.role === input.role) return { changed: false };
    if (member.id === staff.staffUserId) throw refusal("role", "self");
    if (await isLastAdmin(tx, staff.dealerId, member)) throw refusal("role", "lastAdmin");
    await tx.staffUser.update({ where: { id: member.id }, data: { role: input.role } });
    // Sessions read the role afresh on every request: the new role applies from the member's next click.
    await recordSettingsChange(tx, {
      staff,
      entity: "staff",
      entityId: member.id,
      change: "updated",
      before: { role: member.role },
      after: { role: input.role },
    });
    return { changed: true };
  });
}

/**
 * Deactivates a member: every session of theirs is revoked in the same transaction (their next request
 * is signed out, and reactivating later does not bring an old cookie back), and a pending invitation is
 * withdrawn with its unsent e-mail.
 */
export async function deactivateStaff(
  staff: StaffSession,
  input: { id: string },
  now = new Date(),
): Promise<{ changed: boolean; sessionsRevoked: number }> {
  return db().$transaction(async (tx) => {
    await lockDealerStaff(tx, staff.dealerId);
    const member = await loadMember(tx, staff, input.id);
    if (!member.active) return { changed: false, sessionsRevoked: 0 };
    if (member.id === staff.staffUserId) throw refusal("id", "self");
    if (await isLastAdmin(tx, staff.dealerId, member)) throw refusal("id", "lastAdmin");
    const state = invitationState(member.invitations, now);
    await tx.staffUser.update({ where: { id: member.id }, data: { active: false } });
    const sessions = await tx.session.updateMany({ where: { staffUserId: member.id, revokedAt: null }, data: { revokedAt: now } });
    const withdrawn = await withdrawInvitations(tx, { dealerId: staff.dealerId, staffUserId: member.id, now });
    await recordSettingsChange(tx, {
      staff,
      entity: "staff",
      entityId: member.id,
      change: "updated",
      before: { active: true, ...(withdrawn > 0 ? { invitation: state } : {}) },
      after: { active: false, ...(withdrawn > 0 ? { invitation: "withdrawn" } : {}) },
    });
    return { changed: true, sessionsRevoked: sessions.count };
  });
}

/** Lets a member back in; they sign in again (their old sessions stay revoked), or get a new invitation if they never joined. */
export async function reactivateStaff(staff: StaffSession, input: { id: string }): Promise<{ changed: boolean }> {
  return db().$transaction(async (tx) => {
    await lockDealerStaff(tx, staff.dealerId);
    const member = await loadMember(tx, staff, input.id);
    if (member.active) return { changed: false };
    await tx.staffUser.update({ where: { id: member.id }, data: { active: true } });
    await recordSettingsChange(tx, {
      staff,
      entity: "staff",
      entityId: member.id,
      change: "updated",
      before: { active: false },
      after: { active: true },
    });
    return { changed: true };
  });
}
