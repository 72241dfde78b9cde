import "server-only";
import type { z } from "zod";
import { currentStaff, type StaffSession } from "@/lib/auth/session";
import type { StaffRole } from "@/lib/db/generated/client";
import { AppError, isAppError, zodFieldErrors, type ErrorCode } from "@/lib/errors";
import { formDataToObject } from "@/lib/form-data";

export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; error: ErrorCode; fieldErrors?: Record<string, string> };

/**
 * The only way to write a back-office server action: the session, the role and the tenant are checked
 * and the form data parsed before `fn` runs, so no action can forget one. `fn` gets the dealer id from
 * the session, never from input.
 */
export function dealerAction<S extends z.ZodType, T>(
  roles: readonly StaffRole[],
  schema: S,
  fn: (args: { staff: StaffSession; input: z.infer<S> }) => Promise<T>,
) {
  return async (_previous: unknown, formData: FormData): Promise<ActionResult<T>> => {
    const staff = await currentStaff();
    if (!staff) return { ok: false, error: "unauthorized" };
    // A role that may not act sees "not found", like another tenant's record: nothing to learn.
    if (!roles.includes(staff.role)) return { ok: false, error: "not_found" };
    const parsed = schema.safeParse(formDataToObject(formData));
    if (!parsed.success) {
      const fieldErrors = Object.fromEntries(zodFieldErrors(parsed.error.issues).map((e) => [e.path, e.message]));
      return { ok: false, error: "validation_failed", fieldErrors };
    }
    try {
      return { ok: true, data: await fn({ staff, input: parsed.data }) };
    } catch (error) {
      if (isAppError(error)) return { ok: false, error: error.code };
      throw error;
    }
  };
}

export function requireRole(staff: StaffSession, roles: readonly StaffRole[]): void {
  if (!roles.includes(staff.role)) throw new AppError("not_found");
}
