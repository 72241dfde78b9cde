import "server-only";
import { renderSms } from "@/lib/notify/render/render-sms";
import { smsProvider } from "@/lib/notify/sms/provider";
import { DeliveryError, type Channel } from "@/lib/notify/types";
import { normalizePhone } from "@/lib/phone";

/**
 * The SMS channel: renders the text from fresh data and hands it to the configured provider (none in
 * the demo). Recipients are stored as E.164; anything else that still parses is normalized, the rest
 * is refused for good.
 */
export const sendSms: Channel = async (message) => {
  const to = normalizePhone(message.recipient);
  if (!to) throw new DeliveryError("the recipient is not a valid phone number", true);
  const body = await renderSms(message);
  const { providerMessageId } = await smsProvider().send({ to, body, id: message.id });
  return { providerMessageId, bodyText: body };
};
