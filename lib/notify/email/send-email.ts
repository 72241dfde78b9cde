import "server-only";
import { DeliveryError, type Channel } from "@/lib/notify/types";

// Placeholder while the e-mail channel is being built in this same change.
export const sendEmail: Channel = async () => {
  throw new DeliveryError("e-mail channel not configured");
};
