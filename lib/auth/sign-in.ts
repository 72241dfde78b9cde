import "server-only";
import { writeAudit, type RequestContext } from "@/lib/audit";
import { createSession } from "@/lib/auth/session";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { consume, reset } from "@/lib/rate-limit";

export type SignInResult =
  | { ok: true; cookie: { value: string; expiresAt: Date } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * E-mail + password sign-in. Limited per address and per IP; an unknown address costs the same argon2
 * verification as a wrong password, and both answer "invalid".
 */
export async function signIn(input: { email: string; password: string; context: RequestContext }): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  try {
    await consume("signInIp", input.context.ip ?? "unknown");
    await consume("signIn", email);
  } catch (error) {
    if (isAppError(error) && error.code === "rate_limited") {
      return { ok: false, reason: "rate_limited", retryAfterSeconds: error.retryAfterSeconds ?? 60 };
    }
    throw error;
  }

  const staff = await db().staffUser.findUnique({
    where: { email },
    select: { id: true, dealerId: true, passwordHash: true, active: true },
  });
  const valid = await verifyPassword(staff?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!staff || !valid || !staff.active) {
    if (staff) {
      await writeAudit(db(), {
        dealerId: staff.dealerId,
        actor: { type: "STAFF", id: staff.id },
        event: { type: "staff.sign_in_failed", reason: staff.active ? "bad_credentials" : "inactive" },
        context: input.context,
      });
    }
    return { ok: false, reason: "invalid" };
  }

  await reset("signIn", email);
  const cookie = await createSession(staff, input.context.userAgent);
  await db().$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: staff.id }, data: { lastSignInAt: new Date() } });
    await writeAudit(tx, {
      dealerId: staff.dealerId,
      actor: { type: "STAFF", id: staff.id },
      event: { type: "staff.signed_in" },
      context: input.context,
    });
  });
  return { ok: true, cookie };
}
