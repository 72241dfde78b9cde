import "server-only";
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { requiredText } from "@/lib/dealers/settings-fields";
import { locales } from "@/lib/i18n/locales";

/** The staff screen's and the invitation page's schemas; refusals carry codes from `settings.errors`. */

export const STAFF_ROLES = ["ADMIN", "ADVISOR", "MECHANIC", "MARKETING"] as const;

const role = z.enum(STAFF_ROLES, { message: "invalid" });

/** Stored lower-case, as sign-in looks it up (StaffUser.email is unique across dealers). */
const email = z.string({ message: "required" }).trim().toLowerCase().min(1, "required").max(254, "tooLong").pipe(z.email("email"));

export const inviteStaffSchema = z.object({
  name: requiredText(120),
  email,
  role,
  /** The language of the invitation e-mail and, through its link, of the page it opens. */
  locale: z.enum(locales, { message: "invalid" }),
});

export const changeRoleSchema = z.object({ id: z.uuid(), role });

/** Deactivating signs the person out at once, so the form's confirm button must have been the one pressed. */
export const deactivateStaffSchema = z.object({ id: z.uuid(), confirm: z.literal("yes", { message: "confirm" }) });

export const reactivateStaffSchema = z.object({ id: z.uuid() });

export const resendInvitationSchema = z.object({ id: z.uuid() });

export const acceptInvitationSchema = z
  .object({
    // Anything but a token of the right shape is simply an unknown link.
    token: z.string().max(64).catch(""),
    // The same rule as a password set by the operator CLI (create-staff.ts).
    password: z.string({ message: "required" }).min(MIN_PASSWORD_LENGTH, "passwordTooShort").max(1024, "tooLong"),
    confirm: z.string({ message: "required" }),
  })
  .refine((input) => input.password === input.confirm, { path: ["confirm"], message: "passwordMismatch" });
