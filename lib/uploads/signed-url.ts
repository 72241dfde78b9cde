import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";

export type AssetVariant = "full" | "thumb";

const DEFAULT_LIFETIME_SECONDS = 15 * 60;
/**
 * Default expiries are rounded up to this step so a page rendered twice within it (every form post of
 * the check-in re-renders the page) links the same URL, and the browser's cache serves the photos again.
 */
const EXPIRY_STEP_SECONDS = 5 * 60;

let derived: { secret: string; key: Buffer } | undefined;

/** A key of its own for file URLs, so a signature made here can never be replayed as a session. */
function signingKey(): Buffer {
  const secret = env().SESSION_SECRET;
  if (derived?.secret !== secret) {
    derived = { secret, key: Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), "asset-url", 32)) };
  }
  return derived.key;
}

function sign(assetId: string, variant: AssetVariant, exp: number): Buffer {
  return createHmac("sha256", signingKey()).update(`${assetId}.${variant}.${exp}`).digest();
}

/** The expiry, in unix seconds, of a URL made now with the default lifetime. */
export function defaultExpiry(at: Date = now()): number {
  const exp = Math.floor(at.getTime() / 1000) + DEFAULT_LIFETIME_SECONDS;
  return Math.ceil(exp / EXPIRY_STEP_SECONDS) * EXPIRY_STEP_SECONDS;
}

/**
 * A time-limited URL to one stored file. The signature is the access control: only a page that may show
 * the file (the token holder's check-in, a staff page of the same dealer) should call this. Default
 * lifetime 15 minutes (rounded up to the next 5-minute step, see above).
 */
export function signedAssetUrl(input: { assetId: string; variant?: AssetVariant; expiresAt?: Date }): string {
  const variant = input.variant ?? "full";
  const exp = input.expiresAt ? Math.floor(input.expiresAt.getTime() / 1000) : defaultExpiry();
  const sig = sign(input.assetId, variant, exp).toString("base64url");
  return `/files/${encodeURIComponent(input.assetId)}?v=${variant}&exp=${exp}&sig=${sig}`;
}

/** True when `sig` was made here for exactly this asset, variant and expiry, and has not expired. */
export function verifyAssetSignature(input: { assetId: string; variant: AssetVariant; exp: number; sig: string; at?: Date }): boolean {
  const at = Math.floor((input.at ?? now()).getTime() / 1000);
  if (!Number.isSafeInteger(input.exp) || input.exp <= at) return false;
  // Compared as text, not decoded: base64url decoding ignores stray characters and spare low bits, so
  // several strings would decode to the same MAC.
  const given = Buffer.from(input.sig);
  const expected = Buffer.from(sign(input.assetId, input.variant, input.exp).toString("base64url"));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
