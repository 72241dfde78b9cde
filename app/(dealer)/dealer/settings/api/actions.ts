"use server";

import { revalidatePath } from "next/cache";
import {
  createApiKeyForStaff,
  createApiKeySchema,
  createWebhookEndpointForStaff,
  createWebhookSchema,
  deactivateWebhookEndpointForStaff,
  deactivateWebhookSchema,
  revokeApiKeyForStaff,
  revokeApiKeySchema,
} from "@/lib/api/api-key-admin";
import { DEALER_ADMINS } from "@/lib/auth/require-staff";
import { settingsAction } from "@/lib/dealers/settings-change";

const PAGE = "/dealer/settings/api";

/** The key goes back to the form that asked for it and nowhere else: it is never stored or logged. */
export const createApiKeyAction = settingsAction(DEALER_ADMINS, createApiKeySchema, async ({ staff, input }) => {
  const { name, key } = await createApiKeyForStaff(staff, input);
  revalidatePath(PAGE);
  return { name, key };
});

export const revokeApiKeyAction = settingsAction(DEALER_ADMINS, revokeApiKeySchema, async ({ staff, input }) => {
  const result = await revokeApiKeyForStaff(staff, input);
  revalidatePath(PAGE);
  return result;
});

export const createWebhookAction = settingsAction(DEALER_ADMINS, createWebhookSchema, async ({ staff, input }) => {
  const { url, secret } = await createWebhookEndpointForStaff(staff, input);
  revalidatePath(PAGE);
  return { url, secret };
});

export const deactivateWebhookAction = settingsAction(DEALER_ADMINS, deactivateWebhookSchema, async ({ staff, input }) => {
  const result = await deactivateWebhookEndpointForStaff(staff, input);
  revalidatePath(PAGE);
  return result;
});
