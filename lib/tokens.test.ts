import { describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { db } from "@/lib/db";
import { generateToken, hashToken, isWellFormedToken, issueToken, lookupToken, revokeTokens } from "@/lib/tokens";
import { makeDealerWithAppointment } from "@/test/fixtures";

withMigratedDatabase();

describe("token primitives", () => {
  it("are 16 random bytes in base64url: 22 URL-safe characters, never repeating", () => {
    const tokens = new Set(Array.from({ length: 2000 }, generateToken));
    expect(tokens.size).toBe(2000);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(Buffer.from(token, "base64url")).toHaveLength(16);
    }
  });

  it("are stored as SHA-256 hex", () => {
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("reject malformed and hostile input without touching the database", () => {
    for (const bad of [
      "",
      "short",
      "a".repeat(23),
      "../../etc/passwd",
      "AAAAAAAAAAAAAAAAAAAA%00",
      "' OR 1=1 --aaaaaaaaaaaa",
      "aaaaaaaaaaaaaaaaaaaaa=",
    ]) {
      expect(isWellFormedToken(bad)).toBe(false);
    }
  });
});

describe("issued tokens", () => {
  it("resolve to their appointment only for their own purpose, and only the hash is stored", async () => {
    const { dealerId, appointmentId } = await makeDealerWithAppointment("tokens-a");
    const expiresAt = new Date(Date.now() + 86_400_000);
    const token = await issueToken(db(), { dealerId, appointmentId, purpose: "CHECKIN", recipientRole: "DRIVER", expiresAt });
    const stored = await db().accessToken.findMany({ where: { appointmentId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    await expect(lookupToken(token, "CHECKIN")).resolves.toMatchObject({
      status: "valid",
      dealerId,
      appointmentId,
      recipientRole: "DRIVER",
    });
    await expect(lookupToken(token, "REPORT")).resolves.toEqual({ status: "unknown" });
    await expect(lookupToken(generateToken(), "CHECKIN")).resolves.toEqual({ status: "unknown" });
  });

  it("expire at their expiry instant and can be revoked", async () => {
    const { dealerId, appointmentId } = await makeDealerWithAppointment("tokens-b");
    const expiresAt = new Date("2030-01-01T00:00:00Z");
    const token = await issueToken(db(), { dealerId, appointmentId, purpose: "REPORT", recipientRole: "OWNER", expiresAt });
    await expect(lookupToken(token, "REPORT", new Date("2029-12-31T23:59:59Z"))).resolves.toMatchObject({ status: "valid" });
    await expect(lookupToken(token, "REPORT", expiresAt)).resolves.toMatchObject({ status: "expired" });

    expect(await revokeTokens(db(), { dealerId, appointmentId })).toBe(1);
    await expect(lookupToken(token, "REPORT", new Date("2029-01-01T00:00:00Z"))).resolves.toMatchObject({ status: "revoked" });
    // Revoking again changes nothing, and another dealer's id revokes nothing.
    expect(await revokeTokens(db(), { dealerId, appointmentId })).toBe(0);
  });
});
