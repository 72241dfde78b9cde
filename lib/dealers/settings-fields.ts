import "server-only";
import { z } from "zod";

/**
 * Field schemas shared by the settings forms. Refusals carry a code from `settings.errors` in the
 * messages, which SettingsField shows next to the field in the staff member's language.
 */

/** A CheckboxField posts "false" (hidden) and, when ticked, "true" as well. */
export const checkbox = z.preprocess((value) => (Array.isArray(value) ? value.includes("true") : value === "true"), z.boolean());

export const requiredText = (max: number) => z.string({ message: "required" }).trim().min(1, "required").max(max, "tooLong");

/** Empty → null; otherwise trimmed and bounded. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .transform((value) => (value === "" ? null : value));

/** An http(s) URL or nothing: javascript:, data: and friends are refused. */
export const optionalHttpUrl = z
  .string()
  .trim()
  .max(2000, "tooLong")
  .refine((value) => value === "" || (/^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value)), "url")
  .transform((value) => (value === "" ? null : value));
