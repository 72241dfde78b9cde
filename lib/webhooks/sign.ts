import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Webhook signatures (api-v1.md): `Greenlight-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>`, where the
 * HMAC key is the endpoint's whole secret string (`whsec_…`, UTF-8) and the message is `<t>.<raw body>`.
 *
 * This file is also the reference for dealers writing a receiver; the recipe is:
 *   1. keep the request body as the raw bytes received — re-serialising parsed JSON changes it;
 *   2. `verifyWebhookSignature(request.headers["greenlight-signature"], secret, rawBody)`; answer 400 when false;
 *   3. answer 2xx quickly, then de-duplicate on the body's `id` (deliveries are at-least-once).
 * The timestamp is signed too, so a captured request cannot be replayed after the tolerance window.
 */

export const SIGNATURE_HEADER = "Greenlight-Signature";

export function signWebhook(secret: string, rawBody: string | Uint8Array, t: number): string {
  return `t=${t},v1=${hmacHex(secret, rawBody, t)}`;
}

export type VerifyOptions = {
  /** How far the signed time may be from `now`, either way. Default 300 s. */
  toleranceSeconds?: number;
  now?: Date;
};

/**
 * True when the header carries a `v1` signature of this body made with this secret at a time within the
 * tolerance. Several `v1=` entries are accepted (any may match), so a sender can sign with two secrets
 * while one is being rotated. Comparison is constant-time.
 */
export function verifyWebhookSignature(
  header: string | null | undefined,
  secret: string,
  rawBody: string | Uint8Array,
  options: VerifyOptions = {},
): boolean {
  if (!header) return false;
  const parsed = parseHeader(header);
  if (!parsed) return false;
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - parsed.t) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(hmacHex(secret, rawBody, parsed.t), "hex");
  let matched = false;
  for (const candidate of parsed.v1) {
    // No early exit: every candidate costs the same whether or not an earlier one matched.
    if (timingSafeEqual(Buffer.from(candidate, "hex"), expected)) matched = true;
  }
  return matched;
}

function hmacHex(secret: string, rawBody: string | Uint8Array, t: number): string {
  return createHmac("sha256", secret).update(`${t}.`, "utf8").update(rawBody).digest("hex");
}

function parseHeader(header: string): { t: number; v1: string[] } | null {
  let t: number | undefined;
  const v1: string[] = [];
  for (const part of header.split(",")) {
    const [key, value, ...rest] = part.trim().split("=");
    if (rest.length > 0 || value === undefined) return null;
    if (key === "t") {
      if (t !== undefined || !/^\d{1,12}$/.test(value)) return null;
      t = Number(value);
    } else if (key === "v1") {
      // Exactly 32 bytes of hex, so the constant-time compare never sees buffers of different lengths.
      if (/^[0-9a-f]{64}$/i.test(value)) v1.push(value.toLowerCase());
    }
    // Unknown schemes (a future v2) are ignored rather than rejected, so old receivers keep working.
  }
  return t === undefined || v1.length === 0 ? null : { t, v1 };
}
