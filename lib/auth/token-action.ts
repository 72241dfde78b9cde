import "server-only";
import { z } from "zod";
import type { RequestContext } from "@/lib/audit";
import { fieldErrorMap, type ActionResult } from "@/lib/auth/dealer-action";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import type { ContactRole, TokenPurpose } from "@/lib/db/generated/client";
import { isAppError } from "@/lib/errors";
import { formDataToObject } from "@/lib/form-data";
import { consume } from "@/lib/rate-limit";
import { requestContext } from "@/lib/request-context";
import { lookupToken, TOKEN_PATTERN } from "@/lib/tokens";

export type OpenLink = {
  tokenId: string;
  dealerId: string;
  appointmentId: string;
  recipientRole: ContactRole;
  context: RequestContext;
};

type TokenActionFn<S extends z.ZodObject, T> = (args: { link: OpenLink; input: z.infer<S> }) => Promise<T>;

const tokenField = z.object({ token: z.string().regex(TOKEN_PATTERN) });

/**
 * The checks every customer action passes: the form's `token` is a valid, open link of this purpose (not
 * expired, revoked, cancelled or finalized), within the rate limit, with valid input. The dealer and the
 * appointment come from the token, never from input. A closed link answers "gone" and nothing is written.
 */
export async function runTokenAction<S extends z.ZodObject, T>(options: {
  purpose: TokenPurpose;
  schema: S;
  formData: FormData;
  context: RequestContext;
  fn: TokenActionFn<S, T>;
  now?: Date;
}): Promise<ActionResult<T>> {
  const { purpose, schema, formData, context, fn, now = clockNow() } = options;
  const raw = formDataToObject(formData);
  const token = tokenField.safeParse(raw);
  if (!token.success) return { ok: false, error: "not_found" };
  const link = await openLink({ token: token.data.token, purpose, context, now });
  if (!link.ok) return link;

  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "validation_failed", fieldErrors: fieldErrorMap(parsed.error.issues) };
  try {
    const data = await fn({ link: link.link, input: parsed.data });
    return { ok: true, data };
  } catch (error) {
    if (isAppError(error)) {
      // A domain check on one field (e.g. a phone number not valid in the site's country) shows at that field.
      const fieldErrors = error.errors ? Object.fromEntries(error.errors.map((e) => [e.path, e.message])) : undefined;
      return { ok: false, error: error.code, ...(fieldErrors ? { fieldErrors } : {}) };
    }
    throw error;
  }
}

/**
 * A customer link that may still be written through: well-formed, within the rate limit, of this purpose,
 * not expired or revoked, and its appointment neither cancelled nor finalized ("gone"). For the route
 * handlers that take customer posts a server action cannot (uploads), and for runTokenAction.
 */
export async function openLink(input: {
  token: string;
  purpose: TokenPurpose;
  context: RequestContext;
  now?: Date;
}): Promise<{ ok: true; link: OpenLink } | { ok: false; error: "not_found" | "gone" | "rate_limited" }> {
  const { token, purpose, context, now = clockNow() } = input;
  if (!TOKEN_PATTERN.test(token)) return { ok: false, error: "not_found" };
  try {
    await consume("customerAction", context.ip ?? token);
  } catch {
    return { ok: false, error: "rate_limited" };
  }
  const found = await lookupToken(token, purpose, now);
  if (found.status === "unknown") return { ok: false, error: "not_found" };
  if (found.status !== "valid") return { ok: false, error: "gone" };
  const appointment = await db().appointment.findFirst({
    where: { id: found.appointmentId, dealerId: found.dealerId },
    select: { status: true },
  });
  if (!appointment) return { ok: false, error: "not_found" };
  if (appointment.status === "CANCELLED" || appointment.status === "FINALIZED") return { ok: false, error: "gone" };
  return {
    ok: true,
    link: { tokenId: found.id, dealerId: found.dealerId, appointmentId: found.appointmentId, recipientRole: found.recipientRole, context },
  };
}

/** The only way to write a customer server action (for `useActionState`). */
export function tokenAction<S extends z.ZodObject, T>(purpose: TokenPurpose, schema: S, fn: TokenActionFn<S, T>) {
  return async (_previous: unknown, formData: FormData): Promise<ActionResult<T>> =>
    runTokenAction({ purpose, schema, formData, context: await requestContext(), fn });
}
