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
