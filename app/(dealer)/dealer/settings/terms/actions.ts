"use server";

import { revalidatePath } from "next/cache";
import { BRAND_EDITORS } from "@/lib/auth/require-staff";
import { settingsAction } from "@/lib/dealers/settings-change";
import { publishTermsForStaff, publishTermsSchema } from "@/lib/terms/terms-admin";

export const publishTermsAction = settingsAction(BRAND_EDITORS, publishTermsSchema, async ({ staff, input }) => {
  const result = await publishTermsForStaff(staff, input);
  revalidatePath("/dealer/settings/terms");
  return result;
});
