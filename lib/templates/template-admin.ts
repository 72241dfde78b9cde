import "server-only";
import { z } from "zod";
import type { StaffSession } from "@/lib/auth/session";
import { recordSettingsChange } from "@/lib/dealers/settings-change";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { locales, type Locale } from "@/lib/i18n/locales";
import { findDealerTemplate, toRow, type StoredTemplate } from "@/lib/templates/dealer-templates";
import { defaultTemplate, type TemplateTexts } from "@/lib/templates/default-templates";
import type { SavedTemplateTexts } from "@/lib/templates/resolve-template";
import { encodeProblem } from "@/lib/templates/template-problem";
import { compileTemplate } from "@/lib/templates/template-syntax";
import { TEMPLATE_FIELDS, TEMPLATE_KINDS, templateRules, type TemplateField, type TemplateKind } from "@/lib/templates/template-variables";

/**
 * Saving and resetting a dealer's wording of one message in one language (settings → templates). A
 * field equal to the default is stored as the default ("", see dealer-templates.ts); a template whose
 * fields are all the default is no template at all, so saving the default text back is a reset.
 */

export const TEMPLATE_LIMITS: Record<TemplateField, number> = { subject: 200, emailText: 5000, smsText: 1000 };

/** Line endings as a textarea posts them ("\r\n") become "\n"; the ends are trimmed. */
const templateText = (max: number) =>
  z
    .string({ message: "required" })
    .transform((value) => value.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(1, "required").max(max, "tooLong"));

const templateKey = { kind: z.enum(TEMPLATE_KINDS, { message: "invalid" }), locale: z.enum(locales, { message: "invalid" }) };

/** The row's `updatedAt` as the form saw it ("" while the message had the default wording): a stale form is refused. */
const version = z.string().max(40).default("");

export const saveTemplateSchema = z
  .object({
    ...templateKey,
    version,
    subject: templateText(TEMPLATE_LIMITS.subject),
    emailText: templateText(TEMPLATE_LIMITS.emailText),
    smsText: templateText(TEMPLATE_LIMITS.smsText),
  })
  .superRefine((value, ctx) => {
    // Runs even when a field was refused above; such a field keeps that refusal and is not read again.
    if (!(TEMPLATE_KINDS as readonly string[]).includes(value.kind)) return;
    for (const field of TEMPLATE_FIELDS) {
      const text: unknown = value[field];
      if (typeof text !== "string" || text === "" || text.length > TEMPLATE_LIMITS[field]) continue;
      const compiled = compileTemplate(text, templateRules(value.kind, field));
      if (!compiled.ok) ctx.addIssue({ code: "custom", path: [field], message: encodeProblem(compiled.problem) });
    }
  });

export const resetTemplateSchema = z.object({ ...templateKey, version, confirm: z.literal("yes", { message: "confirm" }) });

type TemplateKey = { kind: TemplateKind; locale: Locale };

/** The wording a message is sent with: each field the dealer's own, else the default. */
function effective(stored: SavedTemplateTexts | null, defaults: TemplateTexts): TemplateTexts {
  return {
    subject: stored?.subject ?? defaults.subject,
    emailText: stored?.emailText ?? defaults.emailText,
    smsText: stored?.smsText ?? defaults.smsText,
  };
}

export const versionOf = (stored: StoredTemplate | null): string => stored?.updatedAt.toISOString() ?? "";

async function current(tx: Tx, staff: StaffSession, key: TemplateKey, expected: string): Promise<StoredTemplate | null> {
  const stored = await findDealerTemplate({ dealerId: staff.dealerId, ...key }, tx);
  // Someone else saved or reset this message since the form was loaded: theirs is not overwritten.
  if (versionOf(stored) !== expected) throw new AppError("conflict");
  return stored;
}

const where = (staff: StaffSession, key: TemplateKey, stored: StoredTemplate) => ({
  dealerId: staff.dealerId,
  kind: key.kind,
  locale: key.locale,
  updatedAt: stored.updatedAt,
});

const entityId = (key: TemplateKey) => `${key.kind}:${key.locale}`;

export type TemplateSaved = { state: "own" | "default"; version: string };

export async function saveTemplateForStaff(staff: StaffSession, input: z.infer<typeof saveTemplateSchema>): Promise<TemplateSaved> {
  const key = { kind: input.kind, locale: input.locale };
  const defaults = defaultTemplate(key.kind, key.locale);
  const own = {
    subject: input.subject === defaults.subject ? null : input.subject,
    emailText: input.emailText === defaults.emailText ? null : input.emailText,
    smsText: input.smsText === defaults.smsText ? null : input.smsText,
  };
  if (!own.subject && !own.emailText && !own.smsText) return resetTemplateForStaff(staff, { ...key, version: input.version });
  return db().$transaction(async (tx) => {
    const stored = await current(tx, staff, key, input.version);
    const updatedAt = new Date();
    const data = { ...toRow(own), updatedById: staff.staffUserId, updatedAt };
    // Both writes are conditional: an update of the row as read, a create that does nothing when a
    // concurrent first save got there first (ON CONFLICT DO NOTHING) — either way the later one is stale.
    const written = stored
      ? await tx.messageTemplate.updateMany({ where: where(staff, key, stored), data })
      : await tx.messageTemplate.createMany({ data: [{ dealerId: staff.dealerId, ...key, ...data }], skipDuplicates: true });
    if (written.count === 0) throw new AppError("conflict");
    await recordSettingsChange(tx, {
      staff,
      entity: "template",
      entityId: entityId(key),
      change: stored ? "updated" : "created",
      before: stored ? effective(stored, defaults) : null,
      after: effective(own, defaults),
    });
    return { state: "own" as const, version: updatedAt.toISOString() };
  });
}

/** Back to the default wording: the dealer's row is deleted. Resetting a message that has none changes nothing. */
export async function resetTemplateForStaff(staff: StaffSession, input: TemplateKey & { version: string }): Promise<TemplateSaved> {
  const key = { kind: input.kind, locale: input.locale };
  return db().$transaction(async (tx) => {
    const stored = await current(tx, staff, key, input.version);
    if (!stored) return { state: "default" as const, version: "" };
    const deleted = await tx.messageTemplate.deleteMany({ where: where(staff, key, stored) });
    if (deleted.count === 0) throw new AppError("conflict");
    await recordSettingsChange(tx, {
      staff,
      entity: "template",
      entityId: entityId(key),
      change: "deleted",
      before: effective(stored, defaultTemplate(key.kind, key.locale)),
      after: null,
    });
    return { state: "default" as const, version: "" };
  });
}
