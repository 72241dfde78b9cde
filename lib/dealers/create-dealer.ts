import "server-only";
import { z } from "zod";
import { DEFAULT_THEME } from "@/lib/dealers/theme";
import { writeAudit, type AuditActor } from "@/lib/audit";
import type { Tx } from "@/lib/db";
import { locales } from "@/lib/i18n/locales";
import { isValidTimeZone, parseSendTime } from "@/lib/time";

export const slugSchema = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lower-case letters, digits and single dashes");

export const siteInputSchema = z.object({
  slug: slugSchema,
  name: z.string().trim().min(1).max(120),
  timeZone: z.string().refine(isValidTimeZone, "unknown IANA time zone"),
  addressLine: z.string().trim().min(1).max(200),
  postalCode: z.string().trim().min(1).max(20),
  city: z.string().trim().min(1).max(100),
  country: z.string().trim().length(2).toUpperCase(),
  phone: z.string().trim().min(3).max(40),
  email: z.email(),
  showPrices: z.boolean().default(true),
  checkinEnabled: z.boolean().default(true),
  checkinWindowDays: z.number().int().min(1).max(14).default(3),
  checkinSendTime: z
    .string()
    .refine((v) => {
      try {
        parseSendTime(v);
        return true;
      } catch {
        return false;
      }
    }, "use HH:MM, 00:00–23:59")
    .default("19:00"),
  checkinChannel: z.enum(["EMAIL", "SMS", "BOTH"]).default("EMAIL"),
  reminderDaysBefore: z.number().int().min(1).max(4).nullable().default(null),
});

export const dealerInputSchema = z.object({
  name: z.string().trim().min(1).max(120),
  slug: slugSchema,
  defaultLocale: z.enum(locales).default("en"),
  primaryColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default(DEFAULT_THEME.primaryColor),
  accentColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default(DEFAULT_THEME.accentColor),
  site: siteInputSchema,
});

export type DealerInput = z.input<typeof dealerInputSchema>;

/** Creates a dealer with its first site. Throws a ZodError for invalid input. */
export async function createDealer(tx: Tx, input: DealerInput, actor: AuditActor = { type: "SYSTEM" }) {
  const { site, ...dealer } = dealerInputSchema.parse(input);
  const created = await tx.dealer.create({
    data: { ...dealer, sites: { create: site } },
    select: { id: true, slug: true, sites: { select: { id: true, slug: true } } },
  });
  await writeAudit(tx, { dealerId: created.id, actor, event: { type: "dealer.created" } });
  const firstSite = created.sites[0];
  if (!firstSite) throw new Error("site was not created");
  return { id: created.id, slug: created.slug, siteId: firstSite.id };
}
