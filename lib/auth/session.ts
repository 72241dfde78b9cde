import "server-only";
import { jwtVerify, SignJWT } from "jose";
import { cookies } from "next/headers";
import { cache } from "react";
import { db } from "@/lib/db";
import type { StaffRole } from "@/lib/db/generated/client";
import { env } from "@/lib/env";

export const SESSION_COOKIE = "gl_session";
const SESSION_HOURS = 12;

export type StaffSession = {
  sessionId: string;
  staffUserId: string;
  dealerId: string;
  role: StaffRole;
  name: string;
  email: string;
};

function secretKey(): Uint8Array {
  return new TextEncoder().encode(env().SESSION_SECRET);
}

/** Secure cookies everywhere but plain-HTTP loopback (the demo on http://localhost). */
function secureCookies(): boolean {
  const url = new URL(env().APP_URL);
  const loopback = url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  return env().NODE_ENV === "production" && !loopback;
}

/** Creates the Session row and returns the signed cookie value (the row makes it revocable). */
export async function createSession(
  staff: { id: string; dealerId: string },
  userAgent?: string | null,
): Promise<{ value: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  const session = await db().session.create({
    data: { staffUserId: staff.id, dealerId: staff.dealerId, expiresAt, userAgent: userAgent?.slice(0, 512) ?? null },
    select: { id: true },
  });
  const value = await new SignJWT({ sid: session.id })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(staff.id)
    .setIssuedAt()
    .setExpirationTime(expiresAt)
    .sign(secretKey());
  return { value, expiresAt };
}

export async function setSessionCookie(value: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    expires: expiresAt,
  });
}

/** Validates a cookie value: signature, expiry, and a live Session row of an active user. */
export async function readSession(value: string | undefined, now = new Date()): Promise<StaffSession | null> {
  if (!value || value.length > 2048) return null;
  let sessionId: unknown;
  try {
    const { payload } = await jwtVerify(value, secretKey(), { algorithms: ["HS256"] });
    sessionId = payload.sid;
  } catch {
    return null;
  }
  if (typeof sessionId !== "string") return null;
  const session = await db().session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      staffUser: { select: { id: true, dealerId: true, role: true, name: true, email: true, active: true } },
    },
  });
  if (!session || session.revokedAt || session.expiresAt <= now || !session.staffUser.active) return null;
  const { staffUser } = session;
  return {
    sessionId: session.id,
    staffUserId: staffUser.id,
    dealerId: staffUser.dealerId,
    role: staffUser.role,
    name: staffUser.name,
    email: staffUser.email,
  };
}

/** The signed-in staff member of this request, or null. Cached per request. */
export const currentStaff = cache(async (): Promise<StaffSession | null> => {
  return readSession((await cookies()).get(SESSION_COOKIE)?.value);
});

export async function revokeSession(sessionId: string): Promise<void> {
  await db().session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}
