import "server-only";
import { loadMessageContext, type MessageContext } from "@/lib/notify/render/message-context";
import { smsSentence } from "@/lib/notify/render/message-texts";
import type { OutboxMessage } from "@/lib/notify/types";
import { gsmFriendly } from "@/lib/sms-text";

/** The SMS for an outbox row, from fresh data. Throws DeliveryError for messages that cannot be made. */
export async function renderSms(message: OutboxMessage): Promise<string> {
  return smsFromContext(await loadMessageContext(message));
}

/** "{dealer}: {sentence} {link}" — the dealer first, because the sender may show only a number. */
export function smsFromContext(context: MessageContext): string {
  const parts = [`${context.brand.dealerName}:`, smsSentence(context), context.link];
  return gsmFriendly(parts.filter((part): part is string => Boolean(part)).join(" "));
}
