import "server-only";
import { notFound, redirect } from "next/navigation";
import { currentStaff, type StaffSession } from "@/lib/auth/session";
import type { StaffRole } from "@/lib/db/generated/client";

/**
 * For back-office pages: the signed-in staff member, or a redirect to sign-in; a role that may not see
 * the page gets "not found", as another dealer's record would.
 */
export async function requireStaffPage(roles: readonly StaffRole[]): Promise<StaffSession> {
  const staff = await currentStaff();
  if (!staff) redirect("/dealer/sign-in");
  if (!roles.includes(staff.role)) notFound();
  return staff;
}

/** Who handles customers' answers and messages (seed 003/004: the advisor; the admin can do everything). */
export const CUSTOMER_HANDLERS: readonly StaffRole[] = ["ADMIN", "ADVISOR"];

/** Who may see the workshop view of an appointment: what is authorised and shared with mechanics. */
export const WORKSHOP_VIEWERS: readonly StaffRole[] = ["ADMIN", "ADVISOR", "MECHANIC"];

/** Sites, staff, API keys and webhooks: the dealer admin's alone (seed 003: "Dealer Admin"). */
export const DEALER_ADMINS: readonly StaffRole[] = ["ADMIN"];

/**
 * Theme, optional services, terms, message templates and the preview: what marketing edits besides the
 * admin. Marketing never sees a customer's personal data, so none of these screens shows any.
 */
export const BRAND_EDITORS: readonly StaffRole[] = ["ADMIN", "MARKETING"];
