import "server-only";
import { serviceSelect, type ServiceRow } from "@/lib/optional-services/service-settings";
import type { StaffSession } from "@/lib/auth/session";
import { recordSettingsChange } from "@/lib/dealers/settings-change";
import { db, type Tx } from "@/lib/db";
import { AppError, type FieldError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { titleField, type ServiceForm } from "@/lib/optional-services/service-fields";
import { serviceRecord, type ServiceRecordInput } from "@/lib/optional-services/service-record";

/**
 * The "Optional services" settings (seed 003: "Ajouter les services offerts"): create, edit, reorder,
 * deactivate and reactivate the services customers can add at check-in. Every change is scoped to the
 * staff member's dealer (another dealer's service is "not found") and recorded with before/after in the
 * same transaction. What a customer already chose never changes: their selection is a snapshot
 * (CheckInSelection copies title and price), and an unconfirmed one is priced again on confirmation
 * (submit-checkin.ts), when the customer agrees to what the page showed.
 */

/** The dealer's order: what the customer sees (the same as activeServicesQuery's, with a last tiebreak). */
const dealerOrder = [{ position: "asc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }];

/**
 * One settings change of a dealer's services at a time: reordering and appending read every position
 * first, and two of them interleaved could leave two services in one place.
 */
async function lockServices(tx: Tx, dealerId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Dealer" WHERE "id" = ${dealerId} FOR UPDATE`;
}

type DealerContext = { defaultLocale: Locale; siteNames: Map<string, string> };

async function dealerContext(tx: Tx, dealerId: string): Promise<DealerContext> {
  const dealer = await tx.dealer.findUnique({
    where: { id: dealerId },
    select: { defaultLocale: true, sites: { select: { id: true, name: true } } },
  });
  if (!dealer) throw new AppError("not_found");
  return {
    defaultLocale: isLocale(dealer.defaultLocale) ? dealer.defaultLocale : "en",
    siteNames: new Map(dealer.sites.map((site) => [site.id, site.name])),
  };
}

/** What only the database can tell: the dealer's own language has a title, the sites are the dealer's. */
function refusals(form: ServiceForm, context: DealerContext): FieldError[] {
  const errors: FieldError[] = [];
  if (!form.texts[context.defaultLocale]) errors.push({ path: titleField(context.defaultLocale), message: "required" });
  if (form.targetSiteIds.some((id) => !context.siteNames.has(id))) errors.push({ path: "siteIds", message: "unknownSite" });
  return errors;
}

async function checkedContext(tx: Tx, dealerId: string, form: ServiceForm): Promise<DealerContext> {
  const context = await dealerContext(tx, dealerId);
  const errors = refusals(form, context);
  if (errors.length > 0) throw new AppError("validation_failed", "service", { errors });
  return context;
}

const scalars = (form: ServiceForm) => ({
  priceMinor: form.priceMinor,
  vatRateBp: form.vatRateBp,
  linkUrl: form.linkUrl,
  targetMakes: form.targetMakes,
  targetModels: form.targetModels,
  targetSiteIds: form.targetSiteIds,
});

const asRecordInput = (row: ServiceRow): ServiceRecordInput => ({
  ...row,
  texts: Object.fromEntries(
    row.texts.filter((t) => isLocale(t.locale)).map((t) => [t.locale, { title: t.title, description: t.description }]),
  ),
});

/**
 * A new service at the end of the dealer's list, active. Posted twice with the same form id (a double
 * click, a resent post), it is made once: the second finds the first and changes nothing.
 */
export async function createServiceForStaff(staff: StaffSession, form: ServiceForm): Promise<{ id: string; created: boolean }> {
  return db().$transaction(async (tx) => {
    await lockServices(tx, staff.dealerId);
    const existing = await tx.optionalService.findUnique({ where: { id: form.id }, select: { dealerId: true } });
    if (existing) {
      if (existing.dealerId !== staff.dealerId) throw new AppError("not_found");
      return { id: form.id, created: false };
    }
    const context = await checkedContext(tx, staff.dealerId, form);
    const last = await tx.optionalService.aggregate({ where: { dealerId: staff.dealerId }, _max: { position: true } });
    await tx.optionalService.create({
      data: {
        id: form.id,
        dealerId: staff.dealerId,
        position: (last._max.position ?? -1) + 1,
        ...scalars(form),
        texts: { create: Object.entries(form.texts).map(([locale, text]) => ({ locale, ...text })) },
      },
      select: { id: true },
    });
    const after = serviceRecord({ ...form, active: true, imageAssetId: null }, context.siteNames);
    await recordSettingsChange(tx, {
      staff,
      entity: "service",
      entityId: form.id,
      change: "created",
      before: null,
      // A new service's empty translations are not news: only what it has.
      after: Object.fromEntries(Object.entries(after).filter(([, value]) => value !== null)),
    });
    return { id: form.id, created: true };
  });
}

/** Saves the form over one of the dealer's services; an unchanged form writes nothing. */
export async function updateServiceForStaff(staff: StaffSession, form: ServiceForm): Promise<{ changed: boolean }> {
  return db().$transaction(async (tx) => {
    const current = await tx.optionalService.findFirst({ where: { id: form.id, dealerId: staff.dealerId }, select: serviceSelect });
    if (!current) throw new AppError("not_found");
    const context = await checkedContext(tx, staff.dealerId, form);
    const stored = asRecordInput(current);
    const before = serviceRecord(stored, context.siteNames);
    const after = serviceRecord({ ...stored, ...form }, context.siteNames);
    if (JSON.stringify(before) === JSON.stringify(after)) return { changed: false };

    await tx.optionalService.update({ where: { id: current.id }, data: scalars(form), select: { id: true } });
    for (const [locale, text] of Object.entries(form.texts)) {
      await tx.optionalServiceText.upsert({
        where: { serviceId_locale: { serviceId: current.id, locale } },
        create: { serviceId: current.id, locale, ...text },
        update: text,
        select: { id: true },
      });
    }
    // A language emptied in the form falls back to the dealer's own again.
    await tx.optionalServiceText.deleteMany({ where: { serviceId: current.id, locale: { notIn: Object.keys(form.texts) } } });
    await recordSettingsChange(tx, { staff, entity: "service", entityId: current.id, change: "updated", before, after });
    return { changed: true };
  });
}

/** Moves a service one place up or down the dealer's list; at the top (or bottom) already, nothing moves. */
export async function moveServiceForStaff(
  staff: StaffSession,
  input: { id: string; direction: "up" | "down" },
): Promise<{ done: boolean }> {
  return db().$transaction(async (tx) => {
    await lockServices(tx, staff.dealerId);
    const list = await tx.optionalService.findMany({
      where: { dealerId: staff.dealerId },
      orderBy: dealerOrder,
      select: { id: true, position: true },
    });
    const from = list.findIndex((service) => service.id === input.id);
    if (from === -1) throw new AppError("not_found");
    const to = input.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= list.length) return { done: false };
    const order = list.map((service) => service.id);
    [order[from], order[to]] = [order[to]!, order[from]!];
    // Positions become 0…n-1 in the new order; only the rows whose number changes are written.
    for (const [position, id] of order.entries()) {
      if (list.find((service) => service.id === id)?.position !== position) {
        await tx.optionalService.update({ where: { id }, data: { position }, select: { id: true } });
      }
    }
    await recordSettingsChange(tx, {
      staff,
      entity: "service",
      entityId: input.id,
      change: "reordered",
      before: { place: from + 1 },
      after: { place: to + 1 },
    });
    return { done: true };
  });
}

/**
 * Deactivates (no longer offered to any customer) or reactivates a service. Choices customers already
 * confirmed keep it; an unconfirmed draft loses it on confirmation, as the page no longer shows it.
 */
export async function setServiceActiveForStaff(staff: StaffSession, input: { id: string; active: boolean }): Promise<{ done: boolean }> {
  return db().$transaction(async (tx) => {
    const service = await tx.optionalService.findFirst({ where: { id: input.id, dealerId: staff.dealerId }, select: { id: true } });
    if (!service) throw new AppError("not_found");
    // Conditional, so a second tab's (or a double post's) same change finds nothing to do.
    const changed = await tx.optionalService.updateMany({
      where: { id: service.id, dealerId: staff.dealerId, active: !input.active },
      data: { active: input.active },
    });
    if (changed.count === 0) return { done: false };
    await recordSettingsChange(tx, {
      staff,
      entity: "service",
      entityId: service.id,
      change: "updated",
      before: { active: !input.active },
      after: { active: input.active },
    });
    return { done: true };
  });
}

/** Puts an already stored public image (lib/uploads/brand-assets.ts) on one of the dealer's services. */
export async function setServiceImage(staff: StaffSession, input: { id: string; assetId: string | null }): Promise<{ done: boolean }> {
  return db().$transaction(async (tx) => {
    const service = await tx.optionalService.findFirst({
      where: { id: input.id, dealerId: staff.dealerId },
      select: { id: true, imageAssetId: true },
    });
    if (!service) throw new AppError("not_found");
    if (service.imageAssetId === input.assetId) return { done: false };
    if (input.assetId) {
      const asset = await tx.asset.findFirst({
        where: { id: input.assetId, dealerId: staff.dealerId, public: true },
        select: { id: true },
      });
      if (!asset) throw new AppError("not_found");
    }
    const changed = await tx.optionalService.updateMany({
      where: { id: service.id, imageAssetId: service.imageAssetId },
      data: { imageAssetId: input.assetId },
    });
    if (changed.count === 0) throw new AppError("conflict");
    const image = (assetId: string | null) => (assetId ? `/brand/${assetId}` : null);
    await recordSettingsChange(tx, {
      staff,
      entity: "service",
      entityId: service.id,
      change: "updated",
      before: { image: image(service.imageAssetId) },
      after: { image: image(input.assetId) },
    });
    return { done: true };
  });
}
