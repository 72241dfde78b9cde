"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { BRAND_EDITORS } from "@/lib/auth/require-staff";
import { settingsAction } from "@/lib/dealers/settings-change";
import {
  createServiceForStaff,
  moveServiceForStaff,
  setServiceActiveForStaff,
  setServiceImage,
  updateServiceForStaff,
} from "@/lib/optional-services/service-admin";
import { moveServiceSchema, serviceFormSchema, serviceIdSchema, setServiceActiveSchema } from "@/lib/optional-services/service-fields";

const LIST = "/dealer/settings/services";
const page = (id: string) => `${LIST}/${id}`;

/** Made (or found, when posted twice), then edited on its own page, where the image can be added. */
export const createServiceAction = settingsAction(BRAND_EDITORS, serviceFormSchema, async ({ staff, input }) => {
  const { id } = await createServiceForStaff(staff, input);
  revalidatePath(LIST);
  redirect(`${page(id)}?created=1`);
});

export const updateServiceAction = settingsAction(BRAND_EDITORS, serviceFormSchema, async ({ staff, input }) => {
  const result = await updateServiceForStaff(staff, input);
  revalidatePath(page(input.id));
  revalidatePath(LIST);
  return result;
});

export const moveServiceAction = settingsAction(BRAND_EDITORS, moveServiceSchema, async ({ staff, input }) => {
  const result = await moveServiceForStaff(staff, input);
  revalidatePath(LIST);
  return result;
});

export const setServiceActiveAction = settingsAction(BRAND_EDITORS, setServiceActiveSchema, async ({ staff, input }) => {
  const result = await setServiceActiveForStaff(staff, input);
  revalidatePath(LIST);
  revalidatePath(page(input.id));
  return result;
});

export const removeServiceImageAction = settingsAction(BRAND_EDITORS, serviceIdSchema, async ({ staff, input }) => {
  const result = await setServiceImage(staff, { id: input.id, assetId: null });
  revalidatePath(page(input.id));
  revalidatePath(LIST);
  return result;
});
