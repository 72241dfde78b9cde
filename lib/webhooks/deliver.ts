import "server-only";
import { DeliveryError, type Channel } from "@/lib/notify/types";

// Placeholder while the webhook channel is being built in this same change.
export const deliverWebhook: Channel = async () => {
  throw new DeliveryError("webhook channel not configured");
};
