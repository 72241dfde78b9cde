import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db";
import { writeAudit } from "@/lib/audit";

/** `glk_` + 32 base64url characters (24 random bytes). Shown once; only its SHA-256 is stored. */
export const API_KEY_PATTERN = /^glk_[A-Za-z0-9_-]{32}$/;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export async function createApiKey(
  tx: Tx,
  input: { dealerId: string; name: string; actor: { type: "STAFF" | "SYSTEM"; id?: string } },
): Promise<{ id: string; key: string }> {
  const key = `glk_${randomBytes(24).toString("base64url")}`;
  const row = await tx.apiKey.create({
    data: { dealerId: input.dealerId, name: input.name, prefix: key.slice(0, 10), keyHash: hashApiKey(key) },
    select: { id: true },
  });
  await writeAudit(tx, { dealerId: input.dealerId, actor: input.actor, event: { type: "api_key.created", keyId: row.id } });
  return { id: row.id, key };
}

export async function revokeApiKey(
  tx: Tx,
  input: { dealerId: string; id: string; actor: { type: "STAFF" | "SYSTEM"; id?: string } },
): Promise<boolean> {
  const result = await tx.apiKey.updateMany({
    where: { id: input.id, dealerId: input.dealerId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (result.count === 0) return false;
  await writeAudit(tx, { dealerId: input.dealerId, actor: input.actor, event: { type: "api_key.revoked", keyId: input.id } });
  return true;
}
