import "server-only";
import { z } from "zod";

/** Why a service's image was refused (lib/optional-services/service-image.ts), as its page names it. */
export const SERVICE_IMAGE_REFUSALS = ["missing", "too_large", "unsupported", "heic", "unreadable"] as const;
export type ServiceImageRefusal = (typeof SERVICE_IMAGE_REFUSALS)[number];

/**
 * The edit page's query after a redirect: `?created=1` from the create action, `?image=…` from
 * /files/service-image. Anything else is ignored rather than refused: it only chooses a sentence.
 */
export const serviceImageNoticeSchema = z.object({
  created: z
    .literal("1")
    .optional()
    .catch(undefined)
    .transform((value) => value === "1"),
  image: z
    .enum(["saved", ...SERVICE_IMAGE_REFUSALS])
    .optional()
    .catch(undefined),
});

export type ServiceImageNotice = NonNullable<z.infer<typeof serviceImageNoticeSchema>["image"]>;
