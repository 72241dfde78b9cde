"use server";

import { revalidatePath } from "next/cache";
import { DEALER_ADMINS } from "@/lib/auth/require-staff";
import { settingsAction } from "@/lib/dealers/settings-change";
import { changeStaffRole, deactivateStaff, reactivateStaff } from "@/lib/staff/change-staff";
import { inviteStaffForStaff, resendInvitationForStaff } from "@/lib/staff/staff-admin";
import {
  changeRoleSchema,
  deactivateStaffSchema,
  inviteStaffSchema,
  reactivateStaffSchema,
  resendInvitationSchema,
} from "@/lib/staff/staff-fields";

const PAGE = "/dealer/settings/staff";

export const inviteStaffAction = settingsAction(DEALER_ADMINS, inviteStaffSchema, async ({ staff, input }) => {
  const result = await inviteStaffForStaff(staff, input);
  revalidatePath(PAGE);
  return result;
});

export const resendInvitationAction = settingsAction(DEALER_ADMINS, resendInvitationSchema, async ({ staff, input }) => {
  const result = await resendInvitationForStaff(staff, input);
  revalidatePath(PAGE);
  return result;
});

export const changeStaffRoleAction = settingsAction(DEALER_ADMINS, changeRoleSchema, async ({ staff, input }) => {
  const result = await changeStaffRole(staff, input);
  revalidatePath(PAGE);
  return result;
});

export const deactivateStaffAction = settingsAction(DEALER_ADMINS, deactivateStaffSchema, async ({ staff, input }) => {
  const result = await deactivateStaff(staff, input);
  revalidatePath(PAGE);
  return result;
});

export const reactivateStaffAction = settingsAction(DEALER_ADMINS, reactivateStaffSchema, async ({ staff, input }) => {
  const result = await reactivateStaff(staff, input);
  revalidatePath(PAGE);
  return result;
});
