/**
 * A CSP nonce: 128 random bits (a UUID v4's), base64. Made for every HTML response, by proxy.ts for a
 * rendered page and by the page cache for a stored one (lib/page-cache/cached-pages.ts). No
 * `server-only`: proxy.ts imports it.
 */
export function newCspNonce(): string {
  return Buffer.from(crypto.randomUUID()).toString("base64");
}

/** The nonce a Content-Security-Policy header grants, if any. */
export function nonceOfPolicy(policy: string): string | null {
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1] ?? null;
}
