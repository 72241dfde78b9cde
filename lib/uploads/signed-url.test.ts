import { createHmac, hkdfSync, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { defaultExpiry, signedAssetUrl, verifyAssetSignature } from "@/lib/uploads/signed-url";

function parse(url: string) {
  const parsed = new URL(url, "http://localhost");
  return {
    assetId: parsed.pathname.split("/")[2] ?? "",
    variant: parsed.searchParams.get("v") as "full" | "thumb",
    exp: Number(parsed.searchParams.get("exp")),
    sig: parsed.searchParams.get("sig") ?? "",
  };
}

describe("signed asset URLs", () => {
  const assetId = randomUUID();
  const at = new Date("2026-11-20T10:00:00Z");
  const expiresAt = new Date("2026-11-20T10:15:00Z");

  it("has the documented shape and verifies until it expires", () => {
    const url = signedAssetUrl({ assetId, variant: "thumb", expiresAt });
    expect(url).toMatch(new RegExp(`^/files/${assetId}\\?v=thumb&exp=${expiresAt.getTime() / 1000}&sig=[A-Za-z0-9_-]{43}$`));
    const signed = parse(url);
    expect(verifyAssetSignature({ ...signed, at })).toBe(true);
    expect(verifyAssetSignature({ ...signed, at: new Date(expiresAt.getTime() - 1000) })).toBe(true);
    expect(verifyAssetSignature({ ...signed, at: expiresAt })).toBe(false);
  });

  it("signs with an HKDF key derived from SESSION_SECRET (info asset-url), never the secret itself", () => {
    const signed = parse(signedAssetUrl({ assetId, expiresAt }));
    const secret = process.env.SESSION_SECRET ?? "";
    const key = Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), "asset-url", 32));
    const message = `${assetId}.full.${signed.exp}`;
    expect(signed.sig).toBe(createHmac("sha256", key).update(message).digest("base64url"));
    expect(signed.sig).not.toBe(createHmac("sha256", secret).update(message).digest("base64url"));
  });

  it("refuses any change: another asset, variant, expiry, or signature", () => {
    const signed = parse(signedAssetUrl({ assetId, expiresAt }));
    const flipped = `${signed.sig.slice(0, -1)}${signed.sig.endsWith("A") ? "B" : "A"}`;
    expect(verifyAssetSignature({ ...signed, assetId: randomUUID(), at })).toBe(false);
    expect(verifyAssetSignature({ ...signed, variant: "thumb", at })).toBe(false);
    expect(verifyAssetSignature({ ...signed, exp: signed.exp + 3600, at })).toBe(false);
    expect(verifyAssetSignature({ ...signed, sig: flipped, at })).toBe(false);
    expect(verifyAssetSignature({ ...signed, sig: `${signed.sig}=`, at })).toBe(false);
    expect(verifyAssetSignature({ ...signed, sig: "", at })).toBe(false);
  });

  it("lives 15 minutes by default, rounded up to 5 so repeated renders share a URL", () => {
    const exp = defaultExpiry(new Date("2026-11-20T10:01:10Z"));
    expect(new Date(exp * 1000).toISOString()).toBe("2026-11-20T10:20:00.000Z");
    expect(defaultExpiry(new Date("2026-11-20T10:04:59Z"))).toBe(exp);
    expect(defaultExpiry(new Date("2026-11-20T10:05:00Z"))).toBe(exp);
  });
});
