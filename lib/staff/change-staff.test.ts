import { describe, expect, it, vi } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeDealer, makeStaff } from "@/test/fixtures";
import { runDealerAction } from "@/lib/auth/dealer-action";
import { DEALER_ADMINS } from "@/lib/auth/require-staff";
import { createSession, readSession, type StaffSession } from "@/lib/auth/session";
import { signIn } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { changeStaffRole, deactivateStaff, reactivateStaff } from "@/lib/staff/change-staff";
import { inviteStaffForStaff, listStaff } from "@/lib/staff/staff-admin";
import { changeRoleSchema, deactivateStaffSchema } from "@/lib/staff/staff-fields";

vi.mock("@/lib/request-context", () => ({ requestContext: async () => ({ ip: null, userAgent: "vitest" }) }));

withMigratedDatabase();

const context = { ip: null, userAgent: "vitest" };
const PASSWORD = "correct horse battery";

async function member(dealerId: string, email: string, role: StaffSession["role"]): Promise<StaffSession> {
  const staff = await makeStaff(dealerId, email, role, PASSWORD);
  return { sessionId: "s", staffUserId: staff.id, dealerId, role, name: email, email };
}

async function team(slug: string) {
  const dealer = await makeDealer(slug);
  return {
    dealerId: dealer.id,
    admin: await member(dealer.id, `admin@${slug}.test`, "ADMIN"),
    advisor: await member(dealer.id, `advisor@${slug}.test`, "ADVISOR"),
  };
}

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.append(name, value);
  return data;
}

const changeRole = (staff: StaffSession, id: string, role: string) =>
  runDealerAction({
    staff,
    roles: DEALER_ADMINS,
    schema: changeRoleSchema,
    formData: form({ id, role }),
    fn: ({ staff: s, input }) => changeStaffRole(s, input),
  });

const deactivate = (staff: StaffSession, id: string, confirm = "yes") =>
  runDealerAction({
    staff,
    roles: DEALER_ADMINS,
    schema: deactivateStaffSchema,
    formData: form({ id, confirm }),
    fn: ({ staff: s, input }) => deactivateStaff(s, input),
  });

const staffChanges = async (dealerId: string) =>
  (await db().auditEvent.findMany({ where: { dealerId, type: "settings.changed" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map(
    (e) => e.data,
  );

describe("changing a role", () => {
  it("changes it at once for the member's next request, and audits before and after", async () => {
    const { admin, advisor, dealerId } = await team("role-change");
    const cookie = await createSession({ id: advisor.staffUserId, dealerId });
    expect(await changeRole(admin, advisor.staffUserId, "MECHANIC")).toEqual({ ok: true, data: { changed: true } });
    expect(await readSession(cookie.value)).toMatchObject({ staffUserId: advisor.staffUserId, role: "MECHANIC" });
    expect(await changeRole(admin, advisor.staffUserId, "MECHANIC")).toEqual({ ok: true, data: { changed: false } });
    expect(await staffChanges(dealerId)).toEqual([
      { entity: "staff", entityId: advisor.staffUserId, change: "updated", before: { role: "ADVISOR" }, after: { role: "MECHANIC" } },
    ]);
  });

  it("refuses an admin demoting themselves, next to the role, and keeps them admin", async () => {
    const { admin, dealerId } = await team("role-self");
    await member(dealerId, `second-admin@role-self.test`, "ADMIN");
    expect(await changeRole(admin, admin.staffUserId, "ADVISOR")).toEqual({ ok: false, error: "conflict", fieldErrors: { role: "self" } });
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: admin.staffUserId } })).role).toBe("ADMIN");
    expect(await staffChanges(dealerId)).toEqual([]);
  });

  it("never demotes the last active admin, even from a session that was an admin's a moment ago", async () => {
    const { admin, dealerId } = await team("role-last");
    const second = await member(dealerId, "second@role-last.test", "ADMIN");
    expect(await changeRole(admin, second.staffUserId, "ADVISOR")).toMatchObject({ ok: true });
    // The second admin's open form still posts with the admin role it was rendered with.
    expect(await changeRole(second, admin.staffUserId, "ADVISOR")).toEqual({
      ok: false,
      error: "conflict",
      fieldErrors: { role: "lastAdmin" },
    });
    expect(await deactivate(second, admin.staffUserId)).toEqual({ ok: false, error: "conflict", fieldErrors: { id: "lastAdmin" } });
    expect(await db().staffUser.findUniqueOrThrow({ where: { id: admin.staffUserId }, select: { role: true, active: true } })).toEqual({
      role: "ADMIN",
      active: true,
    });
  });

  it("does not count an invited admin who has not joined yet as the safeguard", async () => {
    const { admin, dealerId } = await team("role-pending");
    const second = await member(dealerId, "second@role-pending.test", "ADMIN");
    await inviteStaffForStaff(admin, { name: "Pending Admin", email: "pending@role-pending.test", role: "ADMIN", locale: "en" });
    expect(await changeRole(admin, second.staffUserId, "ADVISOR")).toMatchObject({ ok: true });
    expect(await changeRole(second, admin.staffUserId, "MARKETING")).toMatchObject({ ok: false, fieldErrors: { role: "lastAdmin" } });
  });

  it("lets only one of two admins demoting each other at the same moment succeed", async () => {
    const { admin, dealerId } = await team("role-race");
    const second = await member(dealerId, "second@role-race.test", "ADMIN");
    const results = await Promise.all([changeRole(admin, second.staffUserId, "ADVISOR"), changeRole(second, admin.staffUserId, "ADVISOR")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: "conflict", fieldErrors: { role: "lastAdmin" } }]);
    expect(await db().staffUser.count({ where: { dealerId, role: "ADMIN", active: true } })).toBe(1);
  });

  it("refuses an unknown role, and another dealer's member is not found", async () => {
    const { admin } = await team("role-bad");
    const other = await team("role-bad-other");
    expect(await changeRole(admin, other.advisor.staffUserId, "ADMIN")).toEqual({ ok: false, error: "not_found" });
    expect(await changeRole(admin, other.advisor.staffUserId, "OWNER")).toEqual({
      ok: false,
      error: "validation_failed",
      fieldErrors: { role: "invalid" },
    });
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: other.advisor.staffUserId } })).role).toBe("ADVISOR");
    expect(await staffChanges(other.dealerId)).toEqual([]);
  });
});

describe("deactivating and reactivating", () => {
  it("revokes every session of the member at once, and an old cookie stays dead after reactivation", async () => {
    const { admin, advisor, dealerId } = await team("deact");
    const laptop = await createSession({ id: advisor.staffUserId, dealerId });
    const phone = await createSession({ id: advisor.staffUserId, dealerId });
    const adminCookie = await createSession({ id: admin.staffUserId, dealerId });
    expect(await readSession(laptop.value)).not.toBeNull();

    expect(await deactivate(admin, advisor.staffUserId)).toEqual({ ok: true, data: { changed: true, sessionsRevoked: 2 } });
    expect(await readSession(laptop.value)).toBeNull();
    expect(await readSession(phone.value)).toBeNull();
    expect(await readSession(adminCookie.value)).not.toBeNull();
    expect(await db().session.count({ where: { staffUserId: advisor.staffUserId, revokedAt: null } })).toBe(0);
    expect((await signIn({ email: advisor.email, password: PASSWORD, context })).ok).toBe(false);
    expect((await listStaff({ dealerId })).find((m) => m.id === advisor.staffUserId)).toMatchObject({ active: false });

    expect(await reactivateStaff(admin, { id: advisor.staffUserId })).toEqual({ changed: true });
    expect(await readSession(laptop.value)).toBeNull();
    expect((await signIn({ email: advisor.email, password: PASSWORD, context })).ok).toBe(true);
    expect(await staffChanges(dealerId)).toEqual([
      { entity: "staff", entityId: advisor.staffUserId, change: "updated", before: { active: true }, after: { active: false } },
      { entity: "staff", entityId: advisor.staffUserId, change: "updated", before: { active: false }, after: { active: true } },
    ]);
  });

  it("withdraws a pending invitation with it, and says so in the history", async () => {
    const { admin, dealerId } = await team("deact-invited");
    const invited = await inviteStaffForStaff(admin, {
      name: "Ivy Invited",
      email: "ivy@deact-invited.test",
      role: "ADVISOR",
      locale: "en",
    });
    expect(await deactivate(admin, invited.id)).toMatchObject({ ok: true, data: { changed: true } });
    expect(await db().staffInvitation.findFirstOrThrow({ where: { staffUserId: invited.id } })).toMatchObject({
      revokedAt: expect.any(Date),
    });
    expect(await db().notification.findFirstOrThrow({ where: { recipient: "ivy@deact-invited.test" } })).toMatchObject({
      status: "CANCELLED",
    });
    expect((await staffChanges(dealerId)).at(-1)).toEqual({
      entity: "staff",
      entityId: invited.id,
      change: "updated",
      before: { active: true, invitation: "pending" },
      after: { active: false, invitation: "withdrawn" },
    });
    await reactivateStaff(admin, { id: invited.id });
    expect((await listStaff({ dealerId })).find((m) => m.id === invited.id)).toMatchObject({ active: true, invitation: "withdrawn" });
  });

  it("refuses an admin deactivating themselves, and needs the confirm button", async () => {
    const { admin, advisor, dealerId } = await team("deact-self");
    await member(dealerId, "second@deact-self.test", "ADMIN");
    expect(await deactivate(admin, admin.staffUserId)).toEqual({ ok: false, error: "conflict", fieldErrors: { id: "self" } });
    expect(await deactivate(admin, advisor.staffUserId, "no")).toEqual({
      ok: false,
      error: "validation_failed",
      fieldErrors: { confirm: "confirm" },
    });
    expect(await db().staffUser.count({ where: { dealerId, active: false } })).toBe(0);
  });

  it("never touches another dealer's member", async () => {
    const { admin } = await team("deact-tenant");
    const other = await team("deact-tenant-other");
    const cookie = await createSession({ id: other.advisor.staffUserId, dealerId: other.dealerId });
    expect(await deactivate(admin, other.advisor.staffUserId)).toEqual({ ok: false, error: "not_found" });
    await expect(reactivateStaff(admin, { id: other.admin.staffUserId })).rejects.toMatchObject({ code: "not_found" });
    expect(await readSession(cookie.value)).not.toBeNull();
    expect(await listStaff({ dealerId: admin.dealerId })).toHaveLength(2);
  });
});
