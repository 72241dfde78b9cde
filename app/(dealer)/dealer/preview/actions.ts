"use server";

import { z } from "zod";
import { dealerAction } from "@/lib/auth/dealer-action";
import { BRAND_EDITORS } from "@/lib/auth/require-staff";
import { AppError } from "@/lib/errors";

/**
 * What every form of a previewed customer page posts to: nothing is saved in a preview. The frames are
 * inert, so this answers only a form submitted by other means, and refuses it.
 */
export const nothingSavedInPreviewAction = dealerAction(BRAND_EDITORS, z.object({}), async () => {
  throw new AppError("forbidden", "a preview saves nothing");
});
