"use server";

import { revalidatePath } from "next/cache";
import { BRAND_EDITORS } from "@/lib/auth/require-staff";
import { settingsAction } from "@/lib/dealers/settings-change";
import { resetTemplateForStaff, resetTemplateSchema, saveTemplateForStaff, saveTemplateSchema } from "@/lib/templates/template-admin";

const PAGE = "/dealer/settings/templates";

export const saveTemplateAction = settingsAction(BRAND_EDITORS, saveTemplateSchema, async ({ staff, input }) => {
  const saved = await saveTemplateForStaff(staff, input);
  revalidatePath(PAGE);
  return saved;
});

export const resetTemplateAction = settingsAction(BRAND_EDITORS, resetTemplateSchema, async ({ staff, input }) => {
  const reset = await resetTemplateForStaff(staff, input);
  revalidatePath(PAGE);
  return reset;
});
