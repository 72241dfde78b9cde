import { z } from "zod";
import { REMARK_DESCRIPTION_MAX, REMARK_TITLE_MAX } from "@/lib/checkin/remark-limits";

/** A remark's text, the same whether it comes through the page's script or a plain form post. */
export const remarkTextSchema = z.object({
  title: z.string().trim().min(1, "required").max(REMARK_TITLE_MAX, "tooLong"),
  description: z.string().trim().max(REMARK_DESCRIPTION_MAX, "tooLong").default(""),
});
