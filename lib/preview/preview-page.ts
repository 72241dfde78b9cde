import "server-only";
import { z } from "zod";
import { locales, spokenLocale } from "@/lib/i18n/locales";
import { PREVIEW_MESSAGE_KINDS } from "@/lib/notify/render/preview-message";
import { PREVIEW_PAGES } from "@/lib/preview/preview-frame";

/**
 * What the marketing preview page shows, from its query (a plain GET form, so it works without
 * JavaScript and each view can be linked): a customer page, a message, a language and a site. Anything
 * malformed falls back to the first choice, never to an error.
 */
export function previewQuerySchema(staffLocale: string) {
  return z.object({
    page: z.enum(PREVIEW_PAGES).catch("checkin"),
    message: z.enum(PREVIEW_MESSAGE_KINDS).catch("CHECKIN_INVITATION"),
    locale: z.enum(locales).catch(spokenLocale(staffLocale) ?? "en"),
    site: z.uuid().optional().catch(undefined),
  });
}

export type PreviewQuery = z.infer<ReturnType<typeof previewQuerySchema>>;
