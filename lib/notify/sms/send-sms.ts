import "server-only";
import { DeliveryError, type Channel } from "@/lib/notify/types";

// Placeholder while the SMS channel is being built in this same change.
export const sendSms: Channel = async () => {
  throw new DeliveryError("SMS channel not configured");
};
