import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeDealer, makeStaff } from "@/test/fixtures";
import { createSession, readSession, revokeSession } from "@/lib/auth/session";
import { signIn } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";

withMigratedDatabase();
const context = { ip: "198.51.100.7", userAgent: "vitest" };

describe("staff sign-in", () => {
  it("accepts the right password, stores only an argon2id hash, and creates a revocable session", async () => {
    const dealer = await makeDealer("auth-a");
    const staff = await makeStaff(dealer.id, "Advisor@Auth-A.test");
    const row = await db().staffUser.findUniqueOrThrow({ where: { id: staff.id } });
    expect(row.email).toBe("advisor@auth-a.test");
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);

    const result = await signIn({ email: " ADVISOR@auth-a.test ", password: "correct horse battery", context });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const session = await readSession(result.cookie.value);
    expect(session).toMatchObject({ staffUserId: staff.id, dealerId: dealer.id, role: "ADVISOR" });
    const audit = await db().auditEvent.findMany({ where: { dealerId: dealer.id, type: "staff.signed_in" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.ip).toBe("198.51.100.7");

    await revokeSession(session!.sessionId);
    expect(await readSession(result.cookie.value)).toBeNull();
  });

  it("answers 'invalid' alike for a wrong password and an unknown address", async () => {
    const dealer = await makeDealer("auth-b");
    await makeStaff(dealer.id, "b@auth-b.test");
    expect(await signIn({ email: "b@auth-b.test", password: "wrong password!", context })).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn({ email: "nobody@auth-b.test", password: "wrong password!", context })).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a deactivated member even with the right password, and ends their sessions", async () => {
    const dealer = await makeDealer("auth-c");
    const staff = await makeStaff(dealer.id, "c@auth-c.test");
    const cookie = await createSession({ id: staff.id, dealerId: dealer.id });
    await db().staffUser.update({ where: { id: staff.id }, data: { active: false } });
    expect(await signIn({ email: "c@auth-c.test", password: "correct horse battery", context })).toEqual({ ok: false, reason: "invalid" });
    expect(await readSession(cookie.value)).toBeNull();
  });

  it("rate-limits guessing per address: the sixth try within 15 minutes is refused even if right", async () => {
    const dealer = await makeDealer("auth-d");
    await makeStaff(dealer.id, "d@auth-d.test");
    for (let i = 0; i < 5; i++) {
      expect(await signIn({ email: "d@auth-d.test", password: `guess ${i} wrong`, context })).toEqual({ ok: false, reason: "invalid" });
    }
    const sixth = await signIn({ email: "d@auth-d.test", password: "correct horse battery", context });
    expect(sixth).toMatchObject({ ok: false, reason: "rate_limited" });
    if (!sixth.ok && sixth.reason === "rate_limited") expect(sixth.retryAfterSeconds).toBeGreaterThan(60);
  });

  it("rejects forged, tampered and expired cookies", async () => {
    const dealer = await makeDealer("auth-e");
    const staff = await makeStaff(dealer.id, "e@auth-e.test");
    const cookie = await createSession({ id: staff.id, dealerId: dealer.id });
    const [header, payload, signature] = cookie.value.split(".");
    expect(await readSession(`${header}.${payload}.${signature?.slice(0, -2)}xx`)).toBeNull();
    const forged = await new SignJWT({ sid: "x" })
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode("another-secret-another-secret-another"));
    expect(await readSession(forged)).toBeNull();
    expect(await readSession(undefined)).toBeNull();
    expect(await readSession("garbage")).toBeNull();
    expect(await readSession(cookie.value, new Date(Date.now() + 13 * 3600_000))).toBeNull();
  });
});
