import { describe, expect, it } from "vitest";
import { z } from "zod";
import { withMigratedDatabase } from "@/test/database";
import { makeAppointment, makeDealer } from "@/test/fixtures";
import { runDealerAction } from "@/lib/auth/dealer-action";
import type { StaffSession } from "@/lib/auth/session";
import { runTokenAction } from "@/lib/auth/token-action";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { issueToken } from "@/lib/tokens";

withMigratedDatabase();

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
};
const advisor: StaffSession = { sessionId: "s", staffUserId: "u", dealerId: "dealer-1", role: "ADVISOR", name: "Sam", email: "sam@x.test" };
const noteSchema = z.object({ note: z.string().min(1).max(10) });

describe("dealerAction checks", () => {
  it("refuses without a session, hides the action from a role that may not act, and validates input", async () => {
    const calls: string[] = [];
    const fn = async ({ staff, input }: { staff: StaffSession; input: { note: string } }) => {
      calls.push(`${staff.dealerId}:${input.note}`);
      return "done";
    };
    const base = { roles: ["ADVISOR", "ADMIN"] as const, schema: noteSchema, fn };
    expect(await runDealerAction({ ...base, staff: null, formData: form({ note: "hi" }) })).toEqual({ ok: false, error: "unauthorized" });
    expect(await runDealerAction({ ...base, staff: { ...advisor, role: "MECHANIC" }, formData: form({ note: "hi" }) })).toEqual({
      ok: false,
      error: "not_found",
    });
    const invalid = await runDealerAction({ ...base, staff: advisor, formData: form({ note: "far too long a note" }) });
    expect(invalid).toMatchObject({ ok: false, error: "validation_failed", fieldErrors: { note: expect.any(String) } });
    expect(calls).toEqual([]);
    // The dealer comes from the session even when the form claims another.
    expect(await runDealerAction({ ...base, staff: advisor, formData: form({ note: "hi", dealerId: "dealer-2" }) })).toEqual({
      ok: true,
      data: "done",
    });
    expect(calls).toEqual(["dealer-1:hi"]);
  });

  it("turns an AppError into its code", async () => {
    const result = await runDealerAction({
      staff: advisor,
      roles: ["ADVISOR"],
      schema: noteSchema,
      formData: form({ note: "x" }),
      fn: async () => {
        throw new AppError("conflict");
      },
    });
    expect(result).toEqual({ ok: false, error: "conflict" });
  });

  it("passes the field a domain refusal names on to the form", async () => {
    const result = await runDealerAction({
      staff: advisor,
      roles: ["ADVISOR"],
      schema: noteSchema,
      formData: form({ note: "x" }),
      fn: async () => {
        throw new AppError("conflict", "taken", { errors: [{ path: "note", message: "slugTaken" }] });
      },
    });
    expect(result).toEqual({ ok: false, error: "conflict", fieldErrors: { note: "slugTaken" } });
  });
});

describe("tokenAction checks", () => {
  const context = { ip: "192.0.2.1", userAgent: "vitest" };

  async function link(slug: string, status: "SCHEDULED" | "CANCELLED" = "SCHEDULED", expiresAt = new Date(Date.now() + 86_400_000)) {
    const dealer = await makeDealer(slug);
    const appointment = await makeAppointment(dealer, { externalId: `${slug}-1`, status });
    const token = await issueToken(db(), {
      dealerId: dealer.id,
      appointmentId: appointment.id,
      purpose: "CHECKIN",
      recipientRole: "DRIVER",
      expiresAt,
    });
    return { token, dealerId: dealer.id, appointmentId: appointment.id };
  }

  it("runs for an open link with the dealer and appointment taken from the token", async () => {
    const { token, dealerId, appointmentId } = await link("ta-open");
    const result = await runTokenAction({
      purpose: "CHECKIN",
      schema: noteSchema,
      context,
      formData: form({ token, note: "ok", dealerId: "forged" }),
      fn: async ({ link: open, input }) => ({ dealerId: open.dealerId, appointmentId: open.appointmentId, note: input.note }),
    });
    expect(result).toEqual({ ok: true, data: { dealerId, appointmentId, note: "ok" } });
  });

  it("answers not_found for a missing, malformed or wrong-purpose token, and gone for a closed one — without running", async () => {
    let ran = 0;
    const fn = async () => {
      ran++;
    };
    const run = (formData: FormData, purpose: "CHECKIN" | "REPORT" = "CHECKIN", now?: Date) =>
      runTokenAction({ purpose, schema: noteSchema, context, formData, fn, now });
    const open = await link("ta-closed");
    const cancelled = await link("ta-cancelled", "CANCELLED");
    expect(await run(form({ note: "x" }))).toEqual({ ok: false, error: "not_found" });
    expect(await run(form({ token: "<script>", note: "x" }))).toEqual({ ok: false, error: "not_found" });
    expect(await run(form({ token: open.token, note: "x" }), "REPORT")).toEqual({ ok: false, error: "not_found" });
    expect(await run(form({ token: cancelled.token, note: "x" }))).toEqual({ ok: false, error: "gone" });
    expect(await run(form({ token: open.token, note: "x" }), "CHECKIN", new Date(Date.now() + 2 * 86_400_000))).toEqual({
      ok: false,
      error: "gone",
    });
    expect(await run(form({ token: open.token, note: "" }))).toMatchObject({ ok: false, error: "validation_failed" });
    expect(ran).toBe(0);
  });
});
