import "server-only";
import { z } from "zod";
import { FONT_KEYS } from "@/lib/dealers/fonts";
import { isHexColor } from "@/lib/dealers/theme";
import { locales, type Locale } from "@/lib/i18n/locales";

/**
 * The marketing preview's frames: each customer page, rendered in a document of its own (its own root
 * layout, like a real link's) with sample data and the dealer's brand — or, from the theme editor, an
 * unsaved theme given in the query. Nothing is read of any customer and nothing is written.
 */
export const PREVIEW_PAGES = ["checkin", "receipt", "report", "closed"] as const;
export type PreviewPage = (typeof PREVIEW_PAGES)[number];

export function previewFramePath(input: { page: PreviewPage; locale: string; siteId: string | null }): string {
  return `/dealer/preview/frame/${input.locale}/${input.page}${input.siteId ? `?site=${encodeURIComponent(input.siteId)}` : ""}`;
}

export const framePathSchema = z.object({ locale: z.enum(locales), page: z.enum(PREVIEW_PAGES) });

const draftColor = z
  .string()
  .transform((value) => value.toLowerCase())
  .refine(isHexColor)
  .optional()
  .catch(undefined);

/** The frame's query. Anything malformed is ignored (the saved theme is shown), never an error. */
export const frameQuerySchema = z.object({
  site: z.uuid().optional().catch(undefined),
  primary: draftColor,
  accent: draftColor,
  font: z.enum(FONT_KEYS).optional().catch(undefined),
});

export type FrameQuery = z.infer<typeof frameQuerySchema>;
export type FramePath = { locale: Locale; page: PreviewPage };
