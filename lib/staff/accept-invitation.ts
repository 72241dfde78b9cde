import "server-only";
import { writeAudit, type RequestContext } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { createSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { StaffRole } from "@/lib/db/generated/client";
import { hashToken, isWellFormedToken } from "@/lib/tokens";

/**
 * The invitee's side: the page behind the e-mail's link, and choosing a password, which spends the
 * invitation and signs them in. A link that cannot be used says why, in words, and changes nothing.
 */

export type ClosedInvitation = "unknown" | "expired" | "withdrawn" | "used";

export type InvitationView =
  { status: "open"; dealerName: string; name: string; email: string; role: StaffRole; expiresAt: Date } | { status: ClosedInvitation };

export async function findInvitation(token: string, now = new Date()): Promise<InvitationView> {
  if (!isWellFormedToken(token)) return { status: "unknown" };
  const row = await db().staffInvitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      dealer: { select: { name: true } },
      staffUser: { select: { name: true, email: true, role: true, active: true } },
    },
  });
  if (!row) return { status: "unknown" };
  if (row.acceptedAt) return { status: "used" };
  if (row.revokedAt || !row.staffUser.active) return { status: "withdrawn" };
  if (row.expiresAt <= now) return { status: "expired" };
  const { name, email, role } = row.staffUser;
  return { status: "open", dealerName: row.dealer.name, name, email, role, expiresAt: row.expiresAt };
}

export type AcceptResult = { ok: true; cookie: { value: string; expiresAt: Date } } | { ok: false; status: ClosedInvitation };

export async function acceptInvitation(input: {
  token: string;
  password: string;
  context: RequestContext;
  now?: Date;
}): Promise<AcceptResult> {
  const now = input.now ?? new Date();
  const before = await findInvitation(input.token, now);
  if (before.status !== "open") return { ok: false, status: before.status };
  const passwordHash = await hashPassword(input.password);
  const tokenHash = hashToken(input.token);
  const member = await db().$transaction(async (tx) => {
    // The conditional update is what makes the link work once: of two posts racing, one claims it.
    const claimed = await tx.staffInvitation.updateMany({
      where: { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: now }, staffUser: { is: { active: true } } },
      data: { acceptedAt: now },
    });
    if (claimed.count !== 1) return null;
    const invitation = await tx.staffInvitation.findUniqueOrThrow({
      where: { tokenHash },
      select: { id: true, dealerId: true, staffUserId: true },
    });
    const actor = { type: "STAFF" as const, id: invitation.staffUserId };
    await tx.staffUser.update({ where: { id: invitation.staffUserId }, data: { passwordHash, lastSignInAt: now } });
    // A person joins once: any other link still open for them stops working too.
    await tx.staffInvitation.updateMany({
      where: { staffUserId: invitation.staffUserId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    await writeAudit(tx, {
      dealerId: invitation.dealerId,
      actor,
      event: { type: "staff.invitation_accepted", invitationId: invitation.id },
      context: input.context,
    });
    await writeAudit(tx, { dealerId: invitation.dealerId, actor, event: { type: "staff.signed_in" }, context: input.context });
    return { id: invitation.staffUserId, dealerId: invitation.dealerId };
  });
  if (!member) {
    const after = await findInvitation(input.token, now);
    return { ok: false, status: after.status === "open" ? "used" : after.status };
  }
  return { ok: true, cookie: await createSession(member, input.context.userAgent) };
}
