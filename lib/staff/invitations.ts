import "server-only";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { enqueue } from "@/lib/notify/outbox";
import { seal } from "@/lib/notify/seal";
import { generateToken, hashToken } from "@/lib/tokens";

/**
 * Staff invitations: a 16-byte random token (the customer links' format) of which only the SHA-256 is
 * stored, valid for a week and once. The link travels sealed in the outbox row and then only in the
 * e-mail; the log keeps a redacted copy (seal.ts).
 */
export const INVITATION_DAYS = 7;

export type InvitationState = "joined" | "pending" | "expired" | "withdrawn";

type InvitationRow = { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date; createdAt: Date };

/**
 * Where a member stands: "joined" once an invitation was accepted (or when created with a password, by
 * the CLI or the demo, without any); otherwise what became of the latest invitation.
 */
export function invitationState(invitations: readonly InvitationRow[], now: Date): InvitationState {
  if (invitations.length === 0 || invitations.some((i) => i.acceptedAt)) return "joined";
  const latest = [...invitations].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]!;
  if (latest.revokedAt) return "withdrawn";
  return latest.expiresAt <= now ? "expired" : "pending";
}

/** Members who can sign in: the safeguard against a dealer without an admin counts only these. */
export const JOINED = { OR: [{ invitations: { none: {} } }, { invitations: { some: { acceptedAt: { not: null } } } }] };

/** The page that sets the password; `?lang=` makes it (and the back-office after it) speak the e-mail's language. */
export function invitationLink(token: string, locale: Locale): string {
  const url = new URL(`/dealer/invitation/${token}`, env().APP_URL);
  url.searchParams.set("lang", locale);
  return url.toString();
}

/** A new invitation and its e-mail in the outbox, in the caller's transaction. */
export async function issueInvitation(
  tx: Tx,
  input: { dealerId: string; staffUserId: string; email: string; locale: Locale; createdById: string; now: Date },
): Promise<{ id: string; expiresAt: Date }> {
  const token = generateToken();
  const invitation = await tx.staffInvitation.create({
    data: {
      dealerId: input.dealerId,
      staffUserId: input.staffUserId,
      tokenHash: hashToken(token),
      expiresAt: new Date(input.now.getTime() + INVITATION_DAYS * 86_400_000),
      createdById: input.createdById,
    },
    select: { id: true, expiresAt: true },
  });
  await enqueue(tx, {
    dealerId: input.dealerId,
    kind: "STAFF_INVITATION",
    channel: "EMAIL",
    recipient: input.email,
    locale: input.locale,
    dueAt: input.now,
    payload: { sealedLink: seal(invitationLink(token, input.locale)), invitationId: invitation.id },
  });
  return invitation;
}

/** Withdraws a member's open invitations and cancels their e-mails not sent yet (and the sealed links in them). */
export async function withdrawInvitations(tx: Tx, input: { dealerId: string; staffUserId: string; now: Date }): Promise<number> {
  const open = await tx.staffInvitation.findMany({
    where: { dealerId: input.dealerId, staffUserId: input.staffUserId, acceptedAt: null, revokedAt: null },
    select: { id: true },
  });
  for (const { id } of open) {
    await tx.staffInvitation.updateMany({ where: { id, acceptedAt: null, revokedAt: null }, data: { revokedAt: input.now } });
    await tx.notification.updateMany({
      where: { dealerId: input.dealerId, kind: "STAFF_INVITATION", status: "QUEUED", payload: { path: ["invitationId"], equals: id } },
      data: { status: "CANCELLED", cancelledAt: input.now, payload: {} },
    });
  }
  return open.length;
}
