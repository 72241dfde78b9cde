import "server-only";
import { z } from "zod";
import type { ActionResult } from "@/lib/auth/dealer-action";
import { db } from "@/lib/db";
import type { ContactRole, TokenPurpose } from "@/lib/db/generated/client";
import { isAppError, zodFieldErrors } from "@/lib/errors";
import { formDataToObject } from "@/lib/form-data";
import { consume } from "@/lib/rate-limit";
import { requestContext } from "@/lib/request-context";
import type { RequestContext } from "@/lib/audit";
import { lookupToken, TOKEN_PATTERN } from "@/lib/tokens";

export type OpenLink = {
  tokenId: string;
  dealerId: string;
  appointmentId: string;
  recipientRole: ContactRole;
  context: RequestContext;
};

const tokenField = z.object({ token: z.string().regex(TOKEN_PATTERN) });

/**
 * The only way to write a customer server action: the form's `token` must be a valid, open link of this
 * purpose (not expired, revoked, cancelled or finalized) before `fn` runs; the dealer and appointment come
 * from the token, never from input. A closed link answers "gone" and nothing is written.
 */
export function tokenAction<S extends z.ZodObject, T>(
  purpose: TokenPurpose,
  schema: S,
  fn: (args: { link: OpenLink; input: z.infer<S> }) => Promise<T>,
) {
  return async (_previous: unknown, formData: FormData): Promise<ActionResult<T>> => {
    const raw = formDataToObject(formData);
    const token = tokenField.safeParse(raw);
    if (!token.success) return { ok: false, error: "not_found" };
    const context = await requestContext();
    try {
      await consume("customerAction", context.ip ?? token.data.token);
    } catch {
      return { ok: false, error: "rate_limited" };
    }
    const link = await lookupToken(token.data.token, purpose);
    if (link.status === "unknown") return { ok: false, error: "not_found" };
    if (link.status !== "valid") return { ok: false, error: "gone" };
    const appointment = await db().appointment.findFirst({
      where: { id: link.appointmentId, dealerId: link.dealerId },
      select: { status: true },
    });
    if (!appointment) return { ok: false, error: "not_found" };
    if (appointment.status === "CANCELLED" || appointment.status === "FINALIZED") return { ok: false, error: "gone" };

    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors = Object.fromEntries(zodFieldErrors(parsed.error.issues).map((e) => [e.path, e.message]));
      return { ok: false, error: "validation_failed", fieldErrors };
    }
    try {
      const data = await fn({
        link: { tokenId: link.id, dealerId: link.dealerId, appointmentId: link.appointmentId, recipientRole: link.recipientRole, context },
        input: parsed.data,
      });
      return { ok: true, data };
    } catch (error) {
      if (isAppError(error)) return { ok: false, error: error.code };
      throw error;
    }
  };
}
