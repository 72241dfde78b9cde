import "server-only";
import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, resolveLocale, type Locale } from "@/lib/i18n/locales";

/**
 * The language of a customer page: the visitor's own choice (cookie) first, then the recipient's
 * preferred language, then the dealer's default, then the browser's.
 */
export async function customerLocale(recipientLocale?: string | null, dealerDefault?: string | null): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const browser = (await headers()).get("accept-language")?.split(",")[0];
  return resolveLocale(chosen, recipientLocale, dealerDefault, browser);
}

export async function requestNonce(): Promise<string | undefined> {
  return (await headers()).get("x-nonce") ?? undefined;
}
