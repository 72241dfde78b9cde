import "server-only";
import { z } from "zod";
import { optionalHttpUrl, optionalText } from "@/lib/dealers/settings-fields";
import { locales, type Locale } from "@/lib/i18n/locales";
import { unitNetForGross } from "@/lib/money";
import { parseHundredths } from "@/lib/optional-services/price-input";
import {
  SERVICE_DESCRIPTION_MAX,
  SERVICE_PRICE_MAX_MINOR,
  SERVICE_TARGET_CHARS,
  SERVICE_TARGETS_MAX,
  SERVICE_TITLE_MAX,
} from "@/lib/optional-services/service-limits";

/**
 * The optional-service form, one schema for creating and editing. Refusals are codes from
 * `settings.errors`, shown next to their field. Checks that need the database (the dealer's own
 * language needs a title, sites must be the dealer's) are made by service-admin.ts.
 *
 * The dealer types the price the customer pays, incl. VAT: that is the number on the card and on the
 * price list in the workshop. It is stored, as everywhere else (lib/money, api-v1.md), as the unit price
 * excl. VAT in minor units, so the form refuses a customer price no whole-cent net can produce at that
 * rate, rather than silently charging a cent more or less than was typed.
 */

const priceInclVat = z
  .string({ message: "required" })
  .trim()
  .min(1, { message: "required", abort: true })
  .transform((text, ctx) => {
    const minor = parseHundredths(text);
    if (minor === null) ctx.addIssue({ code: "custom", message: "price" });
    return minor ?? 0;
  })
  .refine((minor) => minor >= 0, { message: "priceNegative", abort: true })
  .refine((minor) => minor <= SERVICE_PRICE_MAX_MINOR, "priceTooHigh");

/** A percentage with up to two decimals, 0–100, as basis points (21 → 2100, 5,5 → 550). */
const vatRate = z
  .string({ message: "required" })
  .trim()
  .min(1, { message: "required", abort: true })
  .transform((text) => parseHundredths(text) ?? -1)
  .refine((bp) => bp >= 0 && bp <= 10_000, "vatRate");

/** Makes or models, one per line or separated by commas; the same name twice (in any case) once. */
const targetList = z
  .string()
  .default("")
  .transform((text) => {
    const seen = new Set<string>();
    return text
      .split(/[,\n]/)
      .map((item) => item.trim())
      .filter((item) => item !== "" && !seen.has(item.toLowerCase()) && seen.add(item.toLowerCase()));
  })
  .refine((items) => items.every((item) => item.length <= SERVICE_TARGET_CHARS), "tooLong")
  .refine((items) => items.length <= SERVICE_TARGETS_MAX, "tooMany");

/** Ticked checkboxes of one name: none is absent, one is a string, several are an array. */
const siteIds = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.string()).refine((ids) => ids.length <= 100 && ids.every((id) => z.uuid().safeParse(id).success), "unknownSite"),
);

export const titleField = (locale: Locale) => `texts.${locale}.title` as const;
export const descriptionField = (locale: Locale) => `texts.${locale}.description` as const;

/** An empty or missing text is null: that language falls back to the dealer's own. */
const text = (max: number) => optionalText(max).default(null);
const textShape = Object.fromEntries(
  locales.flatMap((locale) => [
    [titleField(locale), text(SERVICE_TITLE_MAX)],
    [descriptionField(locale), text(SERVICE_DESCRIPTION_MAX)],
  ]),
) as Record<`texts.${Locale}.${"title" | "description"}`, ReturnType<typeof text>>;

export type ServiceTexts = Partial<Record<Locale, { title: string; description: string }>>;

/**
 * The form's fields: `id` is the service edited, or for a new one a UUID the form was rendered with, so
 * a create posted twice (a double click, a browser resending) makes one service.
 */
export const serviceFormSchema = z
  .object({
    id: z.uuid(),
    ...textShape,
    priceInclVat,
    vatRate,
    linkUrl: optionalHttpUrl.default(""),
    targetMakes: targetList,
    targetModels: targetList,
    siteIds,
  })
  .superRefine((form, ctx) => {
    // zod runs this even when a field above was refused; only a valid price and rate can be checked.
    const valid = form.priceInclVat >= 0 && form.priceInclVat <= SERVICE_PRICE_MAX_MINOR && form.vatRate >= 0 && form.vatRate <= 10_000;
    if (valid && unitNetForGross(form.priceInclVat, form.vatRate) === null) {
      ctx.addIssue({ code: "custom", path: ["priceInclVat"], message: "priceUnreachable" });
    }
    // A description without a title would be thrown away: say so rather than lose what was typed.
    for (const locale of locales) {
      if (form[descriptionField(locale)] && !form[titleField(locale)]) {
        ctx.addIssue({ code: "custom", path: [titleField(locale)], message: "titleForDescription" });
      }
    }
  })
  .transform((form) => {
    const texts: ServiceTexts = {};
    for (const locale of locales) {
      const title = form[titleField(locale)];
      // A language is translated when it has a title; its description alone would have nothing to go with.
      if (title) texts[locale] = { title, description: form[descriptionField(locale)] ?? "" };
    }
    return {
      id: form.id,
      texts,
      // Only reached when every check above passed, so the net exists.
      priceMinor: unitNetForGross(form.priceInclVat, form.vatRate) ?? 0,
      vatRateBp: form.vatRate,
      linkUrl: form.linkUrl,
      targetMakes: form.targetMakes,
      targetModels: form.targetModels,
      targetSiteIds: [...new Set(form.siteIds)],
    };
  });

export type ServiceForm = z.output<typeof serviceFormSchema>;

export const moveServiceSchema = z.object({ id: z.uuid(), direction: z.enum(["up", "down"]) });
export const setServiceActiveSchema = z.object({ id: z.uuid(), active: z.enum(["true", "false"]).transform((v) => v === "true") });
export const serviceIdSchema = z.object({ id: z.uuid() });
