import { z } from "zod";
import { FINAL_COMMENT_MAX, QUESTION_MAX, REASON_MAX } from "@/lib/report/answer-limits";

/** The report page's form posts, as the customer's browser sends them (one schema per form). */
const token = z.string();
const version = z.coerce.number().int().positive();
const itemKey = z.string().min(1).max(64);

export const decisionFields = z.object({
  token,
  version,
  itemKey,
  decision: z.enum(["APPROVED", "DECLINED", "CONTACT"]),
  reason: z.string().max(REASON_MAX, "tooLong").optional(),
  remindMonths: z
    .enum(["", "1", "3", "6"])
    .optional()
    .transform((v) => (v ? (Number(v) as 1 | 3 | 6) : null)),
});

export const questionFields = z.object({
  token,
  version,
  itemKey,
  body: z.string().trim().min(1, "required").max(QUESTION_MAX, "tooLong"),
});

export const finalAnswerFields = z.object({ token, version, finalComment: z.string().max(FINAL_COMMENT_MAX, "tooLong").default("") });

export const beaconFields = z.object({ token });
