import "server-only";
import type { z } from "zod";
import { currentStaff, type StaffSession } from "@/lib/auth/session";
import type { StaffRole } from "@/lib/db/generated/client";
import { AppError, isAppError, zodFieldErrors, type ErrorCode } from "@/lib/errors";
import { formDataToObject } from "@/lib/form-data";

export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; error: ErrorCode; fieldErrors?: Record<string, string> };

type DealerActionFn<S extends z.ZodType, T> = (args: { staff: StaffSession; input: z.infer<S> }) => Promise<T>;

/**
 * The checks every back-office action passes, given the request's staff session: signed in, a role that
 * may act, valid input. `fn` gets the dealer id from the session, never from input.
 */
export async function runDealerAction<S extends z.ZodType, T>(options: {
  staff: StaffSession | null;
  roles: readonly StaffRole[];
  schema: S;
  formData: FormData;
  fn: DealerActionFn<S, T>;
}): Promise<ActionResult<T>> {
  const { staff, roles, schema, formData, fn } = options;
  if (!staff) return { ok: false, error: "unauthorized" };
  // A role that may not act sees "not found", like another tenant's record: nothing to learn.
  if (!roles.includes(staff.role)) return { ok: false, error: "not_found" };
  const parsed = schema.safeParse(formDataToObject(formData));
  if (!parsed.success) {
    return { ok: false, error: "validation_failed", fieldErrors: fieldErrorMap(parsed.error.issues) };
  }
  try {
    return { ok: true, data: await fn({ staff, input: parsed.data }) };
  } catch (error) {
    // A refusal only the domain can make (a slug or e-mail already taken) names its field, like zod's.
    if (isAppError(error)) {
      const fieldErrors = error.errors?.length ? Object.fromEntries(error.errors.map((e) => [e.path, e.message])) : undefined;
      return { ok: false, error: error.code, ...(fieldErrors ? { fieldErrors } : {}) };
    }
    throw error;
  }
}

/** The roles an action admits, kept on it so a test can hold every entry point against the role matrix. */
export type RoleGuarded = { readonly allowedRoles: readonly StaffRole[] };

/** The only way to write a back-office server action (for `useActionState`). */
export function dealerAction<S extends z.ZodType, T>(roles: readonly StaffRole[], schema: S, fn: DealerActionFn<S, T>) {
  const action = async (_previous: unknown, formData: FormData): Promise<ActionResult<T>> =>
    runDealerAction({ staff: await currentStaff(), roles, schema, formData, fn });
  return Object.assign(action, { allowedRoles: roles } satisfies RoleGuarded);
}

export function requireRole(staff: StaffSession, roles: readonly StaffRole[]): void {
  if (!roles.includes(staff.role)) throw new AppError("not_found");
}

export function fieldErrorMap(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  return Object.fromEntries(zodFieldErrors(issues).map((e) => [e.path, e.message]));
}
