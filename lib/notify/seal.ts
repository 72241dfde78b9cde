import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/**
 * A customer link waiting in the outbox is sealed with AES-256-GCM (key derived from SESSION_SECRET),
 * so tokens never rest in clear in the database; the communication log keeps only a redacted copy.
 */
function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", env().SESSION_SECRET, "greenlight", "outbox-link-seal", 32));
}

export function seal(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

export function unseal(sealed: string): string {
  const [iv, tag, body] = sealed.split(".").map((p) => Buffer.from(p, "base64url"));
  if (!iv || !tag || !body) throw new Error("malformed sealed value");
  const decipher = createDecipheriv("aes-256-gcm", key(), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
}

/** The link as the log shows it: the path kept, the token replaced (customer links and staff invitations). */
export function redactLink(text: string): string {
  return text.replace(/\/(c|r|dealer\/invitation)\/[A-Za-z0-9_-]{22}/g, "/$1/••••••");
}
