"use server";

import { revalidatePath } from "next/cache";
import { BRAND_EDITORS } from "@/lib/auth/require-staff";
import { settingsAction } from "@/lib/dealers/settings-change";
import { removeThemeImage, removeThemeImageSchema } from "@/lib/dealers/theme-images";
import { saveTheme, themeSchema } from "@/lib/dealers/theme-settings";

const PAGE = "/dealer/settings/theme";

export const saveThemeAction = settingsAction(BRAND_EDITORS, themeSchema, async ({ staff, input }) => {
  const result = await saveTheme(staff, input);
  revalidatePath(PAGE);
  return result;
});

export const removeThemeImageAction = settingsAction(BRAND_EDITORS, removeThemeImageSchema, async ({ staff, input }) => {
  const { removed } = await removeThemeImage(staff, input);
  revalidatePath(PAGE);
  return { done: removed };
});
