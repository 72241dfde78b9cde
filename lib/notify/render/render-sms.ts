import "server-only";
import { loadMessageContext, type MessageContext } from "@/lib/notify/render/message-context";
import { smsBody } from "@/lib/notify/render/message-texts";
import type { OutboxMessage } from "@/lib/notify/types";
import { composeSms } from "@/lib/sms-text";

/** The SMS for an outbox row, from fresh data. Throws DeliveryError for messages that cannot be made. */
export async function renderSms(message: OutboxMessage): Promise<string> {
  return smsFromContext(await loadMessageContext(message));
}

/** "{dealer}: {text}" — the dealer first, because the sender may show only a number. */
export function smsFromContext(context: MessageContext): string {
  return composeSms(context.brand.dealerName, smsBody(context));
}
