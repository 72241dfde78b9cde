import "server-only";
import type { z } from "zod";
import { runWithRetry } from "@/lib/appointments/retry";
import type { StaffSession } from "@/lib/auth/session";
import { recordSettingsChange } from "@/lib/dealers/settings-change";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { PLANNING_FIELDS, replanSiteMessages } from "@/lib/sites/replan-site";
import type { createSiteSchema, SiteFields, updateSiteSchema } from "@/lib/sites/site-fields";

/**
 * The dealer admin's sites: list, add, edit. Every change is audited with its before/after in the same
 * transaction; a change of timing re-plans the site's messages not yet sent in that transaction too.
 */

const siteSelect = {
  id: true,
  slug: true,
  name: true,
  addressLine: true,
  postalCode: true,
  city: true,
  country: true,
  phone: true,
  email: true,
  timeZone: true,
  showPrices: true,
  checkinEnabled: true,
  checkinWindowDays: true,
  checkinSendTime: true,
  checkinChannel: true,
  reminderDaysBefore: true,
  updatedAt: true,
} as const;

export type SiteRecord = SiteFields & { id: string; slug: string; updatedAt: Date };

/** The dealer's sites, oldest first (the first one is the dealer's "main" site elsewhere). */
export async function listSites(input: { dealerId: string }): Promise<SiteRecord[]> {
  return db().site.findMany({ where: { dealerId: input.dealerId }, select: siteSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** One of the dealer's sites; another dealer's (or a malformed id) is null, which the page shows as not found. */
export async function getSiteForDealer(input: { dealerId: string; siteId: string }): Promise<SiteRecord | null> {
  if (!/^[0-9a-f-]{36}$/i.test(input.siteId)) return null;
  return db().site.findFirst({ where: { id: input.siteId, dealerId: input.dealerId }, select: siteSelect });
}

function editable(site: SiteFields): SiteFields {
  return {
    name: site.name,
    addressLine: site.addressLine,
    postalCode: site.postalCode,
    city: site.city,
    country: site.country,
    phone: site.phone,
    email: site.email,
    timeZone: site.timeZone,
    showPrices: site.showPrices,
    checkinEnabled: site.checkinEnabled,
    checkinWindowDays: site.checkinWindowDays,
    checkinSendTime: site.checkinSendTime,
    checkinChannel: site.checkinChannel,
    reminderDaysBefore: site.reminderDaysBefore,
  };
}

const slugTaken = () =>
  new AppError("conflict", "The slug is already used by another site.", { errors: [{ path: "slug", message: "slugTaken" }] });

export async function createSiteForStaff(
  staff: StaffSession,
  input: z.infer<typeof createSiteSchema>,
): Promise<{ id: string; slug: string }> {
  const fields = editable(input);
  // A concurrent add of the same slug loses on the unique index; the retry then finds it taken.
  return runWithRetry(async (tx) => {
    const taken = await tx.site.findFirst({ where: { dealerId: staff.dealerId, slug: input.slug }, select: { id: true } });
    if (taken) throw slugTaken();
    const site = await tx.site.create({ data: { dealerId: staff.dealerId, slug: input.slug, ...fields }, select: { id: true } });
    await recordSettingsChange(tx, {
      staff,
      entity: "site",
      entityId: site.id,
      change: "created",
      before: null,
      after: { slug: input.slug, ...fields },
    });
    return { id: site.id, slug: input.slug };
  });
}

export type SiteUpdate = { changed: boolean; replanned: number };

/**
 * Saves one of the dealer's sites. The form carries the version it was rendered from: saving over a
 * newer change is a conflict, except when the stored values already are the submitted ones (the same
 * form sent twice), which changes nothing.
 */
export async function updateSiteForStaff(
  staff: StaffSession,
  input: z.infer<typeof updateSiteSchema>,
  now = new Date(),
): Promise<SiteUpdate> {
  const after = editable(input);
  return runWithRetry(async (tx) => {
    const current = await tx.site.findFirst({ where: { id: input.id, dealerId: staff.dealerId }, select: siteSelect });
    if (!current) throw new AppError("not_found");
    const before = editable(current);
    const differs = (Object.keys(after) as (keyof SiteFields)[]).filter((key) => before[key] !== after[key]);
    if (differs.length === 0) return { changed: false, replanned: 0 };
    if (current.updatedAt.toISOString() !== input.version) throw new AppError("conflict", "The site was changed in the meantime.");
    const updated = await tx.site.updateMany({
      where: { id: current.id, dealerId: staff.dealerId, updatedAt: current.updatedAt },
      data: after,
    });
    if (updated.count !== 1) throw new AppError("conflict", "The site was changed in the meantime.");
    await recordSettingsChange(tx, { staff, entity: "site", entityId: current.id, change: "updated", before, after });
    const timing = PLANNING_FIELDS.some((field) => differs.includes(field));
    const replanned = timing ? await replanSiteMessages(tx, { dealerId: staff.dealerId, siteId: current.id, now }) : 0;
    return { changed: true, replanned };
  });
}
