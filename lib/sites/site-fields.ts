import "server-only";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { z } from "zod";
import { slugSchema } from "@/lib/dealers/create-dealer";
import { checkbox, requiredText } from "@/lib/dealers/settings-fields";
import { isCountryCode } from "@/lib/sites/countries";
import { isSelectableTimeZone } from "@/lib/sites/time-zones";

/**
 * The site form's schemas. Refusals carry codes from `settings.errors`, shown next to their field.
 *
 * The slug is what the DMS sends as `site` (api-v1.md), so it is chosen once, at creation, and never
 * changes: renaming it would make every appointment the DMS pushes afterwards for that site fail with
 * 422 until someone reconfigured the DMS. The name, address and everything else stay editable.
 */

/** A whole number from a form field ("3"), refused with `code` when it is anything else or out of range. */
const wholeNumber = (min: number, max: number, code: string) =>
  z.preprocess(
    (value) => (typeof value === "string" && /^\s*\d{1,4}\s*$/.test(value) ? Number(value) : value),
    z.number({ message: code }).int(code).min(min, code).max(max, code),
  );

/** "HH:MM", 24-hour, as lib/time's parseSendTime reads it. */
const SEND_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Written in international format (+32 …), so the number works from abroad and in a tel: link. */
function isPossiblePhone(value: string): boolean {
  return value.startsWith("+") && Boolean(parsePhoneNumberFromString(value)?.isPossible());
}

export const siteFields = {
  name: requiredText(120),
  addressLine: requiredText(200),
  postalCode: requiredText(20),
  city: requiredText(100),
  country: z.string({ message: "required" }).trim().toUpperCase().refine(isCountryCode, "country"),
  phone: requiredText(40).refine(isPossiblePhone, "phone"),
  email: z.string({ message: "required" }).trim().toLowerCase().min(1, "required").max(254, "tooLong").pipe(z.email("email")),
  timeZone: z.string({ message: "required" }).trim().refine(isSelectableTimeZone, "timeZone"),
  showPrices: checkbox,
  checkinEnabled: checkbox,
  checkinWindowDays: wholeNumber(1, 14, "windowDays"),
  checkinSendTime: z.string({ message: "required" }).trim().regex(SEND_TIME, "sendTime"),
  checkinChannel: z.enum(["EMAIL", "SMS", "BOTH"], { message: "invalid" }),
  // The select's "no reminder" posts an empty value.
  reminderDaysBefore: z.preprocess((value) => (value === "" ? null : value), wholeNumber(1, 4, "reminderDays").nullable()),
};

export type SiteFields = z.infer<z.ZodObject<typeof siteFields>>;

/** "Demo Motors Göteborg" → "demo-motors-goteborg": a slug an admin who left the field empty would have typed. */
export function slugFromName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

const isSlug = (value: string) => slugSchema.safeParse(value).success;

export const createSiteSchema = z
  .object({
    ...siteFields,
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .max(40, "tooLong")
      .refine((value) => value === "" || isSlug(value), "slug")
      .default(""),
  })
  .transform((site, ctx) => {
    const slug = site.slug || slugFromName(site.name);
    if (!isSlug(slug)) {
      ctx.addIssue({ code: "custom", path: ["slug"], message: "slug" });
      return z.NEVER;
    }
    return { ...site, slug };
  });

export const updateSiteSchema = z.object({
  id: z.uuid(),
  /** The site's updatedAt when the form was rendered: a save over someone else's newer change is refused. */
  version: z.iso.datetime(),
  ...siteFields,
});

export const SITE_DEFAULTS = {
  showPrices: true,
  checkinEnabled: true,
  checkinWindowDays: 3,
  checkinSendTime: "19:00",
  checkinChannel: "EMAIL",
  reminderDaysBefore: null,
} as const satisfies Partial<SiteFields>;
