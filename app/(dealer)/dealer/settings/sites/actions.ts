"use server";

import { revalidatePath } from "next/cache";
import { DEALER_ADMINS } from "@/lib/auth/require-staff";
import { settingsAction } from "@/lib/dealers/settings-change";
import { createSiteForStaff, updateSiteForStaff } from "@/lib/sites/site-admin";
import { createSiteSchema, updateSiteSchema } from "@/lib/sites/site-fields";

const PAGE = "/dealer/settings/sites";

export const createSiteAction = settingsAction(DEALER_ADMINS, createSiteSchema, async ({ staff, input }) => {
  const site = await createSiteForStaff(staff, input);
  revalidatePath(PAGE);
  return site;
});

export const updateSiteAction = settingsAction(DEALER_ADMINS, updateSiteSchema, async ({ staff, input }) => {
  const result = await updateSiteForStaff(staff, input);
  revalidatePath(PAGE, "layout");
  return result;
});
