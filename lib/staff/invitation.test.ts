import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeStaff, makeThemedDealer } from "@/test/fixtures";
import { smtpUrlPerTest, startSmtp } from "@/test/smtp";
import { runDealerAction } from "@/lib/auth/dealer-action";
import { DEALER_ADMINS } from "@/lib/auth/require-staff";
import { readSession, type StaffSession } from "@/lib/auth/session";
import { signIn } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { defaultChannels } from "@/lib/notify/channels";
import { dispatchOnce } from "@/lib/notify/dispatcher";
import { unseal } from "@/lib/notify/seal";
import { acceptInvitation, findInvitation } from "@/lib/staff/accept-invitation";
import { deactivateStaff } from "@/lib/staff/change-staff";
import { inviteStaffForStaff, listStaff, resendInvitationForStaff } from "@/lib/staff/staff-admin";
import { acceptInvitationSchema, inviteStaffSchema } from "@/lib/staff/staff-fields";

vi.mock("@/lib/request-context", () => ({ requestContext: async () => ({ ip: "192.0.2.9", userAgent: "vitest" }) }));

withMigratedDatabase();

const useSmtp = smtpUrlPerTest();

const context = { ip: "192.0.2.9", userAgent: "vitest" };
const PASSWORD = "a long enough passphrase";

async function adminOf(slug: string, theme: Parameters<typeof makeThemedDealer>[1] = {}): Promise<StaffSession> {
  const dealer = await makeThemedDealer(slug, theme);
  const staff = await makeStaff(dealer.id, `admin@${slug}.test`, "ADMIN");
  await db().staffUser.update({ where: { id: staff.id }, data: { name: "Alex Admin" } });
  return { sessionId: "s", staffUserId: staff.id, dealerId: dealer.id, role: "ADMIN", name: "Alex Admin", email: staff.email };
}

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.append(name, value);
  return data;
}

const invite = (staff: StaffSession, values: Record<string, string>) =>
  runDealerAction({
    staff,
    roles: DEALER_ADMINS,
    schema: inviteStaffSchema,
    formData: form(values),
    fn: ({ staff: s, input }) => inviteStaffForStaff(s, input),
  });

/** The token of the member's latest queued invitation e-mail, from its sealed link (what the e-mail will carry). */
async function queuedToken(email: string): Promise<string> {
  const row = await db().notification.findFirstOrThrow({
    where: { kind: "STAFF_INVITATION", recipient: email, status: "QUEUED" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const link = new URL(unseal((row.payload as { sealedLink: string }).sealedLink));
  return link.pathname.split("/").pop()!;
}

const sha256 = (value: string) => createHash("sha256").update(value, "utf8").digest("hex");

describe("inviting a colleague", () => {
  it("creates the member, a hashed single-use token and the e-mail in the outbox, in one go, and audits without secrets", async () => {
    const admin = await adminOf("inv-create");
    const result = await invite(admin, { name: "Nora Newcomer", email: " Nora@Example.test ", role: "ADVISOR", locale: "fr" });
    expect(result).toEqual({ ok: true, data: { id: expect.any(String), email: "nora@example.test", created: true } });
    if (!result.ok) return;
    const member = await db().staffUser.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(member).toMatchObject({
      dealerId: admin.dealerId,
      email: "nora@example.test",
      name: "Nora Newcomer",
      role: "ADVISOR",
      active: true,
    });

    const [invitation, ...more] = await db().staffInvitation.findMany({ where: { staffUserId: member.id } });
    expect(more).toEqual([]);
    const token = await queuedToken("nora@example.test");
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(invitation).toMatchObject({
      dealerId: admin.dealerId,
      tokenHash: sha256(token),
      acceptedAt: null,
      revokedAt: null,
      createdById: admin.staffUserId,
    });
    const days = (invitation!.expiresAt.getTime() - invitation!.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 2);
    const outbox = await db().notification.findFirstOrThrow({ where: { kind: "STAFF_INVITATION", recipient: "nora@example.test" } });
    expect(outbox).toMatchObject({ dealerId: admin.dealerId, appointmentId: null, channel: "EMAIL", status: "QUEUED", locale: "fr" });
    expect(JSON.stringify(outbox.payload)).not.toContain(token);

    // Nobody can sign in with the password it was created with: there is none to know.
    expect((await signIn({ email: "nora@example.test", password: "", context })).ok).toBe(false);
    expect((await listStaff({ dealerId: admin.dealerId })).find((m) => m.id === member.id)).toMatchObject({
      invitation: "pending",
      invitationExpiresAt: invitation!.expiresAt,
      lastSignInAt: null,
    });

    const audit = await db().auditEvent.findMany({ where: { dealerId: admin.dealerId, type: "settings.changed" } });
    expect(audit.map((a) => a.data)).toEqual([
      {
        entity: "staff",
        entityId: member.id,
        change: "created",
        before: null,
        after: {
          name: "Nora Newcomer",
          email: "nora@example.test",
          role: "ADVISOR",
          active: true,
          invitation: "pending",
          invitationExpiresAt: invitation!.expiresAt.toISOString(),
        },
      },
    ]);
    const everything = JSON.stringify(await db().auditEvent.findMany({ where: { dealerId: admin.dealerId } }));
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(invitation!.tokenHash);
    expect(everything).not.toContain(member.passwordHash);
  });

  it("makes one invitation of a form sent twice, even at the same moment", async () => {
    const admin = await adminOf("inv-twice");
    const values = { name: "Tim Twice", email: "tim@example.test", role: "MECHANIC", locale: "en" };
    const [first, second] = await Promise.all([invite(admin, values), invite(admin, values)]);
    const third = await invite(admin, values);
    const created = [first, second, third].map((r) => (r.ok ? r.data.created : r.error));
    expect(created.sort()).toEqual([false, false, true]);
    expect(await db().staffUser.count({ where: { email: "tim@example.test" } })).toBe(1);
    expect(await db().staffInvitation.count({ where: { staffUser: { email: "tim@example.test" } } })).toBe(1);
    expect(await db().notification.count({ where: { kind: "STAFF_INVITATION", recipient: "tim@example.test" } })).toBe(1);
  });

  it("refuses an address already in use with the same words whoever holds it, next to the e-mail field", async () => {
    const admin = await adminOf("inv-dupe");
    const other = await adminOf("inv-dupe-other");
    await makeStaff(admin.dealerId, "colleague@inv-dupe.test", "ADVISOR");
    const own = await invite(admin, { name: "Again", email: "colleague@inv-dupe.test", role: "ADVISOR", locale: "en" });
    const foreign = await invite(admin, { name: "Stranger", email: "ADMIN@inv-dupe-other.test", role: "ADVISOR", locale: "en" });
    expect(own).toEqual({ ok: false, error: "conflict", fieldErrors: { email: "emailInUse" } });
    expect(foreign).toEqual(own);
    // The same person invited again with another role is a change of role, not a second invitation.
    await invite(admin, { name: "Pat Pending", email: "pat@example.test", role: "ADVISOR", locale: "en" });
    expect(await invite(admin, { name: "Pat Pending", email: "pat@example.test", role: "ADMIN", locale: "en" })).toMatchObject({
      ok: false,
      fieldErrors: { email: "emailInUse" },
    });
    expect(await db().staffUser.count({ where: { dealerId: other.dealerId } })).toBe(1);
  });

  it("refuses bad input next to its field", async () => {
    const admin = await adminOf("inv-bad");
    expect(await invite(admin, { name: " ", email: "nope", role: "OWNER", locale: "pt" })).toEqual({
      ok: false,
      error: "validation_failed",
      fieldErrors: { name: "required", email: "email", role: "invalid", locale: "invalid" },
    });
    expect(await db().staffUser.count({ where: { dealerId: admin.dealerId } })).toBe(1);
  });
});

describe("the invitation e-mail, through a real SMTP server", () => {
  it("is sent by the dispatcher in the dealer's name and the chosen language, with a link that works once, and logged without the token", async () => {
    const smtp = await startSmtp();
    try {
      useSmtp(smtp.url);
      const admin = await adminOf("inv-mail", { name: "Garage Dupont", defaultLocale: "de", primaryColor: "#0a7d3b" });
      const result = await invite(admin, { name: "Inès Nouvelle", email: "ines.nouvelle@example.test", role: "ADVISOR", locale: "fr" });
      if (!result.ok) throw new Error(result.error);

      const tick = await dispatchOnce({ channels: defaultChannels() });
      expect(tick.failed).toBe(0);
      const received = smtp.received.filter((r) => r.rcptTo.includes("ines.nouvelle@example.test"));
      expect(received).toHaveLength(1);
      const { mail } = received[0]!;
      expect(mail.from?.value).toEqual([{ name: "Garage Dupont", address: "no-reply@greenlight.local" }]);
      expect(mail.replyTo?.value[0]?.address).toBe("admin@inv-mail.test");
      expect(mail.subject).toBe("Votre accès au back-office de Garage Dupont");
      expect(mail.text).toContain("Bonjour Inès Nouvelle,");
      expect(mail.text).toContain("Alex Admin vous a invité(e) au back-office de Garage Dupont en tant que Conseiller service.");
      const link = /http:\/\/localhost:3000\/dealer\/invitation\/([A-Za-z0-9_-]{22})\?lang=fr/.exec(mail.text ?? "");
      expect(link).not.toBeNull();
      expect(String(mail.html)).toContain(link![0]);
      expect(String(mail.html)).toContain('lang="fr"');
      const token = link![1]!;

      const row = await db().notification.findFirstOrThrow({
        where: { kind: "STAFF_INVITATION", recipient: "ines.nouvelle@example.test" },
      });
      expect(row.status).toBe("SENT");
      expect(row.bodyText).toContain("/dealer/invitation/••••••");
      expect(JSON.stringify(row)).not.toContain(token);

      expect(await findInvitation(token)).toMatchObject({
        status: "open",
        dealerName: "Garage Dupont",
        name: "Inès Nouvelle",
        role: "ADVISOR",
      });
      const accepted = await acceptInvitation({ token, password: PASSWORD, context });
      if (!accepted.ok) throw new Error(accepted.status);
      expect(await readSession(accepted.cookie.value)).toMatchObject({
        staffUserId: result.data.id,
        dealerId: admin.dealerId,
        role: "ADVISOR",
      });
      expect((await signIn({ email: "ines.nouvelle@example.test", password: PASSWORD, context })).ok).toBe(true);
      expect(await dispatchOnce({ channels: defaultChannels() })).toMatchObject({ claimed: 0 });
      expect(smtp.received.filter((r) => r.rcptTo.includes("ines.nouvelle@example.test"))).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });

  it("is not sent once withdrawn: deactivating before the dispatcher runs cancels it", async () => {
    const smtp = await startSmtp();
    try {
      useSmtp(smtp.url);
      const admin = await adminOf("inv-withdrawn");
      const result = await invite(admin, { name: "Gone Soon", email: "gone@example.test", role: "ADVISOR", locale: "en" });
      if (!result.ok) throw new Error(result.error);
      const token = await queuedToken("gone@example.test");
      await deactivateStaff(admin, { id: result.data.id });
      await dispatchOnce({ channels: defaultChannels() });
      expect(smtp.received.filter((r) => r.rcptTo.includes("gone@example.test"))).toEqual([]);
      expect(
        await db().notification.findFirstOrThrow({ where: { recipient: "gone@example.test" }, select: { status: true, payload: true } }),
      ).toEqual({
        status: "CANCELLED",
        payload: {},
      });
      expect(await findInvitation(token)).toEqual({ status: "withdrawn" });
    } finally {
      await smtp.close();
    }
  });
});

describe("accepting an invitation", () => {
  async function invited(slug: string, email = `new@${slug}.test`) {
    const admin = await adminOf(slug);
    const result = await invite(admin, { name: "New Person", email, role: "MARKETING", locale: "en" });
    if (!result.ok) throw new Error(result.error);
    return { admin, memberId: result.data.id, token: await queuedToken(email), email };
  }

  const hashOf = async (id: string) => (await db().staffUser.findUniqueOrThrow({ where: { id } })).passwordHash;

  it("sets the password with the usual hashing, marks the invitation accepted and signs the person in", async () => {
    const { memberId, token, email, admin } = await invited("acc-ok");
    const before = await hashOf(memberId);
    const result = await acceptInvitation({ token, password: PASSWORD, context });
    if (!result.ok) throw new Error(result.status);
    const session = await readSession(result.cookie.value);
    expect(session).toMatchObject({ staffUserId: memberId, role: "MARKETING", email });
    const after = await db().staffUser.findUniqueOrThrow({ where: { id: memberId } });
    expect(after.passwordHash).not.toBe(before);
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect(after.lastSignInAt).not.toBeNull();
    expect(await db().staffInvitation.findFirstOrThrow({ where: { staffUserId: memberId } })).toMatchObject({
      acceptedAt: expect.any(Date),
    });
    expect((await listStaff({ dealerId: admin.dealerId })).find((m) => m.id === memberId)?.invitation).toBe("joined");
    const events = await db().auditEvent.findMany({
      where: { dealerId: admin.dealerId, actorId: memberId },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.type)).toEqual(["staff.invitation_accepted", "staff.signed_in"]);
    expect(JSON.stringify(events)).not.toContain(after.passwordHash);
  });

  it("works once: a replay is refused and changes nothing", async () => {
    const { memberId, token } = await invited("acc-replay");
    expect((await acceptInvitation({ token, password: PASSWORD, context })).ok).toBe(true);
    const hash = await hashOf(memberId);
    const sessions = await db().session.count({ where: { staffUserId: memberId } });
    expect(await acceptInvitation({ token, password: "another long password", context })).toEqual({ ok: false, status: "used" });
    expect(await hashOf(memberId)).toBe(hash);
    expect(await db().session.count({ where: { staffUserId: memberId } })).toBe(sessions);
    expect(await findInvitation(token)).toEqual({ status: "used" });
  });

  it("lets only one of two simultaneous posts through", async () => {
    const { memberId, token } = await invited("acc-race");
    const results = await Promise.all([
      acceptInvitation({ token, password: "first long password", context }),
      acceptInvitation({ token, password: "second long password", context }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, status: "used" }]);
    expect(await db().session.count({ where: { staffUserId: memberId } })).toBe(1);
  });

  it("refuses an expired link, and the admin's new invitation replaces the old one", async () => {
    const { admin, memberId, token, email } = await invited("acc-expired");
    const later = new Date(Date.now() + 8 * 86_400_000);
    expect(await findInvitation(token, later)).toEqual({ status: "expired" });
    expect(await acceptInvitation({ token, password: PASSWORD, context, now: later })).toEqual({ ok: false, status: "expired" });
    expect((await listStaff({ dealerId: admin.dealerId, now: later })).find((m) => m.id === memberId)?.invitation).toBe("expired");

    expect(await resendInvitationForStaff(admin, { id: memberId })).toEqual({ email });
    const fresh = await queuedToken(email);
    expect(fresh).not.toBe(token);
    expect(await findInvitation(token)).toEqual({ status: "withdrawn" });
    expect((await acceptInvitation({ token: fresh, password: PASSWORD, context })).ok).toBe(true);
    await expect(resendInvitationForStaff(admin, { id: memberId })).rejects.toMatchObject({
      code: "conflict",
      errors: [{ path: "id", message: "joined" }],
    });
  });

  it("says 'unknown' for a token never issued, malformed or of a customer link, and never throws", async () => {
    for (const token of ["AbCdEfGhIjKlMnOpQrStUv", "short", "x".repeat(500), "../../etc/passwd", ""]) {
      expect(await findInvitation(token)).toEqual({ status: "unknown" });
      expect(await acceptInvitation({ token, password: PASSWORD, context })).toEqual({ ok: false, status: "unknown" });
    }
  });

  it("keeps the password rules: at least 10 characters, typed twice the same", () => {
    const parse = (password: string, confirm = password) => acceptInvitationSchema.safeParse({ token: "t", password, confirm });
    expect(parse("short").error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["password", "passwordTooShort"]]);
    expect(parse(PASSWORD, `${PASSWORD}!`).error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["confirm", "passwordMismatch"],
    ]);
    expect(parse("x".repeat(1025)).error?.issues.map((i) => i.message)).toEqual(["tooLong"]);
    expect(parse(PASSWORD).success).toBe(true);
    expect(acceptInvitationSchema.parse({ token: "y".repeat(100), password: PASSWORD, confirm: PASSWORD }).token).toBe("");
  });
});
