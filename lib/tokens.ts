import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import type { ContactRole, TokenPurpose } from "@/lib/db/generated/client";

/**
 * Customer link tokens: 16 random bytes as base64url (22 characters, short enough for an SMS), bound to
 * one purpose, appointment and recipient, stored only as SHA-256. Never derived from a record id.
 */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function generateToken(): string {
  return randomBytes(16).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function isWellFormedToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** Constant-time comparison of two hex digests (for secrets compared outside an indexed lookup). */
export function digestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

export type IssueTokenInput = {
  dealerId: string;
  appointmentId: string;
  purpose: TokenPurpose;
  recipientRole: ContactRole;
  expiresAt: Date;
};

/** Creates a token and returns it in clear: the only moment it exists outside the link. */
export async function issueToken(tx: Tx, input: IssueTokenInput): Promise<string> {
  const token = generateToken();
  await tx.accessToken.create({ data: { ...input, tokenHash: hashToken(token) } });
  return token;
}

export type TokenLookup =
  | { status: "unknown" }
  | {
      status: "valid" | "expired" | "revoked";
      id: string;
      dealerId: string;
      appointmentId: string;
      recipientRole: ContactRole;
      expiresAt: Date;
    };

/**
 * Finds a token of the given purpose. A malformed token or one of another purpose is "unknown" — the
 * caller shows the neutral page and learns nothing about other links.
 */
export async function lookupToken(token: string, purpose: TokenPurpose, now = new Date()): Promise<TokenLookup> {
  if (!isWellFormedToken(token)) return { status: "unknown" };
  const row = await db().accessToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, dealerId: true, appointmentId: true, purpose: true, recipientRole: true, expiresAt: true, revokedAt: true },
  });
  if (!row || row.purpose !== purpose) return { status: "unknown" };
  const status = row.revokedAt ? "revoked" : row.expiresAt <= now ? "expired" : "valid";
  return {
    status,
    id: row.id,
    dealerId: row.dealerId,
    appointmentId: row.appointmentId,
    recipientRole: row.recipientRole,
    expiresAt: row.expiresAt,
  };
}

/** Closes every open link of an appointment at once (cancellation, closing a report). */
export async function revokeTokens(
  tx: Tx,
  where: { dealerId: string; appointmentId: string; purpose?: TokenPurpose },
  now = new Date(),
): Promise<number> {
  const result = await tx.accessToken.updateMany({
    where: { ...where, revokedAt: null },
    data: { revokedAt: now },
  });
  return result.count;
}
