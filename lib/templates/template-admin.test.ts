import { describe, expect, it, vi } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeDealer, makeStaff } from "@/test/fixtures";
import { runDealerAction } from "@/lib/auth/dealer-action";
import { BRAND_EDITORS } from "@/lib/auth/require-staff";
import type { StaffSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { defaultTemplate } from "@/lib/templates/default-templates";
import {
  resetTemplateForStaff,
  resetTemplateSchema,
  saveTemplateForStaff,
  saveTemplateSchema,
  type TemplateSaved,
} from "@/lib/templates/template-admin";
import { loadTemplateEditor } from "@/lib/templates/template-editor";
import { decodeProblem } from "@/lib/templates/template-problem";

// Outside a request there are no headers to read the IP and user agent from; the audit row gets fixed ones.
vi.mock("@/lib/request-context", () => ({ requestContext: async () => ({ ip: "192.0.2.7", userAgent: "vitest" }) }));

withMigratedDatabase();

async function staffOf(slug: string, role: StaffSession["role"] = "MARKETING"): Promise<StaffSession> {
  const dealer = await makeDealer(slug);
  return sessionFor(dealer.id, `${role.toLowerCase()}@${slug}.test`, role);
}

async function sessionFor(dealerId: string, email: string, role: StaffSession["role"]): Promise<StaffSession> {
  const staff = await makeStaff(dealerId, email, role);
  return { sessionId: "s", staffUserId: staff.id, dealerId, role, name: email, email };
}

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
};

const FR = defaultTemplate("CHECKIN_INVITATION", "fr");

/** The save action as the page runs it: role check, form parsing, the domain function. */
const save = (staff: StaffSession, entries: Record<string, string>) =>
  runDealerAction({
    staff,
    roles: BRAND_EDITORS,
    schema: saveTemplateSchema,
    formData: form({ kind: "CHECKIN_INVITATION", locale: "fr", version: "", ...FR, ...entries }),
    fn: ({ staff, input }) => saveTemplateForStaff(staff, input),
  });

const reset = (staff: StaffSession, entries: Record<string, string>) =>
  runDealerAction({
    staff,
    roles: BRAND_EDITORS,
    schema: resetTemplateSchema,
    formData: form({ kind: "CHECKIN_INVITATION", locale: "fr", confirm: "yes", ...entries }),
    fn: ({ staff, input }) => resetTemplateForStaff(staff, input),
  });

function saved(result: Awaited<ReturnType<typeof save>>): TemplateSaved {
  if (!result.ok) throw new Error(`refused: ${result.error} ${JSON.stringify(result.fieldErrors)}`);
  return result.data;
}

function refusals(result: Awaited<ReturnType<typeof save>>) {
  if (result.ok || !result.fieldErrors) throw new Error(`expected field errors, got ${JSON.stringify(result)}`);
  return Object.fromEntries(Object.entries(result.fieldErrors).map(([field, message]) => [field, decodeProblem(message)]));
}

const rows = (dealerId: string) =>
  db().messageTemplate.findMany({
    where: { dealerId },
    select: { kind: true, locale: true, subject: true, emailText: true, smsText: true },
  });
const history = (dealerId: string) =>
  db()
    .auditEvent.findMany({
      where: { dealerId, type: "settings.changed" },
      orderBy: { createdAt: "asc" },
      select: { data: true, actorId: true },
    })
    .then((events) =>
      events.map((event): Record<string, unknown> => ({ ...(event.data as Record<string, unknown>), actorId: event.actorId })),
    );

describe("saving a message template", () => {
  it("stores only what differs from the default, records before and after, and reads back in the editor", async () => {
    const marketing = await staffOf("tpl-save");
    const first = saved(await save(marketing, { emailText: "Bonjour de {{siteName}} !\r\n\r\nÀ bientôt.", smsText: `  ${FR.smsText}  ` }));
    expect(first.state).toBe("own");
    // The subject and the SMS (trimmed) are the default: kept as the default, so later corrections reach them.
    expect(await rows(marketing.dealerId)).toEqual([
      { kind: "CHECKIN_INVITATION", locale: "fr", subject: "", emailText: "Bonjour de {{siteName}} !\n\nÀ bientôt.", smsText: "" },
    ]);
    const editor = await loadTemplateEditor({ dealerId: marketing.dealerId, kind: "CHECKIN_INVITATION", locale: "fr", now: new Date() });
    expect(editor).toMatchObject({
      own: true,
      version: first.version,
      updatedBy: "marketing",
      texts: { subject: FR.subject, emailText: "Bonjour de {{siteName}} !\n\nÀ bientôt.", smsText: FR.smsText },
      overview: expect.arrayContaining([
        { kind: "CHECKIN_INVITATION", own: ["fr"] },
        { kind: "REPORT", own: [] },
      ]),
    });
    expect(editor?.preview.email.text).toContain("Bonjour de ");

    const second = saved(
      await save(marketing, {
        version: first.version,
        subject: "Votre visite du {{appointmentDate}}",
        emailText: "Bonjour de {{siteName}} !",
      }),
    );
    expect(second.version).not.toBe(first.version);
    expect(await history(marketing.dealerId)).toEqual([
      {
        entity: "template",
        entityId: "CHECKIN_INVITATION:fr",
        change: "created",
        before: null,
        after: { subject: FR.subject, emailText: "Bonjour de {{siteName}} !\n\nÀ bientôt.", smsText: FR.smsText },
        actorId: marketing.staffUserId,
      },
      {
        entity: "template",
        entityId: "CHECKIN_INVITATION:fr",
        change: "updated",
        before: { subject: FR.subject, emailText: "Bonjour de {{siteName}} !\n\nÀ bientôt." },
        after: { subject: "Votre visite du {{appointmentDate}}", emailText: "Bonjour de {{siteName}} !" },
        actorId: marketing.staffUserId,
      },
    ]);
  });

  it("refuses unknown, prototype, misplaced and missing variables and bad braces, naming them, and writes nothing", async () => {
    const marketing = await staffOf("tpl-refuse");
    expect(
      refusals(
        await save(marketing, { subject: "Hello {{fistName}} {{link}}", emailText: "{{constructor}} {{__proto__}}", smsText: "Prêt !" }),
      ),
    ).toEqual({
      subject: { code: "unknownVariableSuggestion", values: { names: "{{fistName}}", suggestion: "{{firstName}}" } },
      emailText: { code: "unknownVariable", values: { names: "{{constructor}}, {{__proto__}}" } },
      smsText: { code: "missingVariable", values: { names: "{{link}}" } },
    });
    expect(
      refusals(
        await save(marketing, { subject: "Votre lien {{link}}", emailText: "<script>alert(1)</script> {{toString}}", smsText: "{{link" }),
      ),
    ).toEqual({
      subject: { code: "unavailableVariable", values: { names: "{{link}}" } },
      emailText: { code: "unknownVariable", values: { names: "{{toString}}" } },
      smsText: { code: "malformedBraces", values: { near: "{{link" } },
    });
    expect(
      refusals(
        await save(marketing, { kind: "REPORT", subject: "Rapport", emailText: "Pour le {{appointmentDate}}", smsText: "{{link}}" }),
      ),
    ).toEqual({
      emailText: { code: "unavailableVariable", values: { names: "{{appointmentDate}}" } },
    });
    expect(refusals(await save(marketing, { subject: "   ", emailText: "x".repeat(5001) }))).toEqual({
      subject: { code: "required", values: {} },
      emailText: { code: "tooLong", values: {} },
    });
    expect(await save(marketing, { kind: "TEST" })).toMatchObject({ ok: false, fieldErrors: { kind: "invalid" } });
    expect(await save(marketing, { kind: "constructor", locale: "__proto__" })).toMatchObject({
      ok: false,
      fieldErrors: { kind: "invalid", locale: "invalid" },
    });
    expect(await rows(marketing.dealerId)).toEqual([]);
    expect(await history(marketing.dealerId)).toEqual([]);
  });

  it("accepts markup typed by the dealer as text (it is escaped when sent)", async () => {
    const marketing = await staffOf("tpl-markup");
    saved(await save(marketing, { emailText: "<script>alert(1)</script> Bonjour {{firstName}}" }));
    expect((await rows(marketing.dealerId))[0]?.emailText).toBe("<script>alert(1)</script> Bonjour {{firstName}}");
  });

  it("refuses a stale form, whether someone saved or reset in between", async () => {
    const marketing = await staffOf("tpl-stale");
    const admin = await sessionFor(marketing.dealerId, "admin@tpl-stale.test", "ADMIN");
    const first = saved(await save(marketing, { subject: "Premier" }));
    // Another tab still holds the form from before the first save.
    expect(await save(admin, { subject: "Deuxième" })).toEqual({ ok: false, error: "conflict" });
    const second = saved(await save(admin, { version: first.version, subject: "Deuxième" }));
    expect(await save(marketing, { version: first.version, subject: "Troisième" })).toEqual({ ok: false, error: "conflict" });
    expect(await reset(marketing, { version: first.version })).toEqual({ ok: false, error: "conflict" });
    expect((await rows(marketing.dealerId))[0]?.subject).toBe("Deuxième");
    expect(saved(await reset(marketing, { version: second.version }))).toEqual({ state: "default", version: "" });
  });

  it("resets to the default by deleting the row, also when the default text is saved back", async () => {
    const marketing = await staffOf("tpl-reset");
    const own = saved(await save(marketing, { smsText: "Vite : {{link}}" }));
    expect(await reset(marketing, { version: own.version, confirm: "no" })).toMatchObject({
      ok: false,
      fieldErrors: { confirm: "confirm" },
    });
    expect(saved(await reset(marketing, { version: own.version }))).toEqual({ state: "default", version: "" });
    expect(await rows(marketing.dealerId)).toEqual([]);
    // Nothing to reset: nothing happens, nothing is recorded.
    expect(saved(await reset(marketing, { version: "" }))).toEqual({ state: "default", version: "" });

    const again = saved(await save(marketing, { smsText: "Vite : {{link}}" }));
    expect(saved(await save(marketing, { version: again.version }))).toEqual({ state: "default", version: "" });
    expect(await rows(marketing.dealerId)).toEqual([]);
    const changes = (await history(marketing.dealerId)).map((entry) => entry.change);
    expect(changes).toEqual(["created", "deleted", "created", "deleted"]);
    expect((await history(marketing.dealerId))[1]).toMatchObject({ before: { smsText: "Vite : {{link}}" }, after: null });
  });

  it("keeps to the staff member's dealer, and refuses roles that may not edit", async () => {
    const marketing = await staffOf("tpl-tenant-a");
    const other = await staffOf("tpl-tenant-b", "ADMIN");
    const theirs = saved(await save(other, { subject: "Le leur" }));
    // The form names the other dealer: the session decides.
    const mine = saved(await save(marketing, { subject: "Le mien", dealerId: other.dealerId }));
    expect(mine.version).not.toBe(theirs.version);
    expect((await rows(other.dealerId))[0]?.subject).toBe("Le leur");
    expect((await rows(marketing.dealerId))[0]?.subject).toBe("Le mien");
    for (const role of ["ADVISOR", "MECHANIC"] as const) {
      const staff = await sessionFor(marketing.dealerId, `${role}@tpl-tenant-a.test`, role);
      expect(await save(staff, { subject: "Non" }), role).toEqual({ ok: false, error: "not_found" });
      expect(await reset(staff, { version: mine.version }), role).toEqual({ ok: false, error: "not_found" });
    }
    expect((await rows(marketing.dealerId))[0]?.subject).toBe("Le mien");
  });
});
