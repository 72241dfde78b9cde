import { z } from "zod";

/** A remark's text, the same whether it comes through the page's script or a plain form post. */
export const REMARK_TITLE_MAX = 120;
export const REMARK_DESCRIPTION_MAX = 4000;

export const remarkTextSchema = z.object({
  title: z.string().trim().min(1, "required").max(REMARK_TITLE_MAX, "tooLong"),
  description: z.string().trim().max(REMARK_DESCRIPTION_MAX, "tooLong").default(""),
});
