import "server-only";
import { loadMessageContext, type MessageContext } from "@/lib/notify/render/message-context";
import { smsSentence } from "@/lib/notify/render/message-texts";
import type { OutboxMessage } from "@/lib/notify/types";

/** The SMS for an outbox row, from fresh data. Throws DeliveryError for messages that cannot be made. */
export async function renderSms(message: OutboxMessage): Promise<string> {
  return smsFromContext(await loadMessageContext(message));
}

/** "{dealer}: {sentence} {link}" — the dealer first, because the sender may show only a number. */
export function smsFromContext(context: MessageContext): string {
  const parts = [`${context.brand.dealerName}:`, smsSentence(context), context.link];
  return gsmFriendly(parts.filter((part): part is string => Boolean(part)).join(" "));
}

// Typographic characters outside GSM-7 that would switch the whole SMS to UCS-2 (70 characters a part
// instead of 160) for no visible gain. Letters are left alone: a customer's language comes first.
const REPLACEMENTS: [RegExp, string][] = [
  [/[\u2018\u2019\u201A\u201B\u2032]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, "-"],
  [/\u2026/g, "..."],
  [/\s+/g, " "],
];

export function gsmFriendly(text: string): string {
  return REPLACEMENTS.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text).trim();
}
