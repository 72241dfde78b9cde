import "server-only";
import { writeAudit, type RequestContext } from "@/lib/audit";
import { runWithRetry } from "@/lib/appointments/retry";
import { getOrCreateDraft } from "@/lib/checkin/draft";
import { listOfferedServices } from "@/lib/checkin/offered-services";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { normalizePhone } from "@/lib/phone";
import type { CountryCode } from "libphonenumber-js";
import { uploadLimits } from "@/lib/uploads/limits";

/** What every customer change needs: whose link it is (from the token, never from input). */
export type CustomerLink = { dealerId: string; appointmentId: string; context: RequestContext };

export const MAX_COMMENTS = 10;

const customer = (link: CustomerLink) => ({
  dealerId: link.dealerId,
  appointmentId: link.appointmentId,
  actor: { type: "CUSTOMER" as const },
  context: link.context,
});

/**
 * Adds or removes an optional service on the customer's open answer — only one offered to this car and
 * site, and always at the service's own price (the form sends an id, never a price). The selection is a
 * snapshot: later edits of the service never change what the customer chose.
 */
export async function setServiceSelected(input: {
  link: CustomerLink;
  serviceId: string;
  selected: boolean;
  locale: string;
}): Promise<void> {
  const { link } = input;
  await runWithRetry(async (tx) => {
    const draft = await getOrCreateDraft(tx, link);
    if (!input.selected) {
      await tx.checkInSelection.deleteMany({ where: { revisionId: draft.id, optionalServiceId: input.serviceId } });
    } else {
      const service = await offeredService(tx, link, input.serviceId, input.locale);
      await tx.checkInSelection.upsert({
        where: { revisionId_optionalServiceId: { revisionId: draft.id, optionalServiceId: service.id } },
        create: {
          revisionId: draft.id,
          optionalServiceId: service.id,
          title: service.title,
          unitPriceMinor: service.priceMinor,
          vatRateBp: service.vatRateBp,
        },
        update: {},
      });
    }
    await writeAudit(tx, {
      ...customer(link),
      event: { type: "checkin.service_selected", serviceId: input.serviceId, selected: input.selected },
    });
  });
}

async function offeredService(tx: Tx, link: CustomerLink, serviceId: string, locale: string) {
  const appointment = await tx.appointment.findFirst({
    where: { id: link.appointmentId, dealerId: link.dealerId },
    select: { siteId: true, vehicleMake: true, vehicleModel: true, dealer: { select: { defaultLocale: true } } },
  });
  if (!appointment) throw new AppError("not_found");
  const offered = await listOfferedServices(
    {
      dealerId: link.dealerId,
      siteId: appointment.siteId,
      make: appointment.vehicleMake,
      model: appointment.vehicleModel,
      locale,
      defaultLocale: appointment.dealer.defaultLocale,
    },
    tx,
  );
  const service = offered.find((s) => s.id === serviceId);
  // Another dealer's service, an inactive one, or one not offered for this car: as if it did not exist.
  if (!service) throw new AppError("not_found");
  return service;
}

/** A remark with its (already processed and stored) photos and videos. */
export async function addComment(input: {
  link: CustomerLink;
  title: string;
  description: string;
  assetIds: string[];
}): Promise<{ id: string }> {
  const { link } = input;
  return runWithRetry(async (tx) => {
    const draft = await getOrCreateDraft(tx, link);
    const count = await tx.checkInComment.count({ where: { revisionId: draft.id } });
    if (count >= MAX_COMMENTS) throw new AppError("validation_failed", "too many comments");
    if (input.assetIds.length > uploadLimits().maxFilesPerComment) throw new AppError("validation_failed", "too many files");
    // Uploads are the customer's own only if they belong to this dealer and no comment has them yet.
    const assets = await tx.asset.findMany({
      where: {
        id: { in: input.assetIds },
        dealerId: link.dealerId,
        public: false,
        commentAttachments: { none: {} },
        reportAttachments: { none: {} },
      },
      select: { id: true },
    });
    if (assets.length !== input.assetIds.length) throw new AppError("not_found");
    const comment = await tx.checkInComment.create({
      data: {
        revisionId: draft.id,
        position: count,
        title: input.title,
        description: input.description,
        attachments: { create: input.assetIds.map((assetId, position) => ({ assetId, position })) },
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      ...customer(link),
      event: { type: "checkin.comment_added", commentId: comment.id, attachments: input.assetIds.length },
    });
    return comment;
  });
}

export async function removeComment(input: { link: CustomerLink; commentId: string }): Promise<void> {
  const { link } = input;
  await runWithRetry(async (tx) => {
    const draft = await getOrCreateDraft(tx, link);
    const removed = await tx.checkInComment.deleteMany({ where: { id: input.commentId, revisionId: draft.id } });
    if (removed.count === 0) throw new AppError("not_found");
    await writeAudit(tx, { ...customer(link), event: { type: "checkin.comment_removed", commentId: input.commentId } });
  });
}

/**
 * "Is this still right?": the customer corrects their e-mail or phone (empty = keep what we have); the
 * advisor sees it flagged. A phone written without a country prefix is read in the site's country.
 */
export async function correctContact(input: { link: CustomerLink; email: string; phone: string }): Promise<void> {
  const { link } = input;
  await runWithRetry(async (tx) => {
    const appointment = await tx.appointment.findFirst({
      where: { id: link.appointmentId, dealerId: link.dealerId },
      select: {
        site: { select: { country: true } },
        checkIn: { select: { recipientRole: true } },
        contacts: { select: { role: true, email: true, phone: true } },
      },
    });
    if (!appointment) throw new AppError("not_found");
    const phone = input.phone.trim() ? normalizePhone(input.phone, appointment.site.country as CountryCode) : null;
    if (input.phone.trim() && !phone) throw new AppError("validation_failed", "phone", { errors: [{ path: "phone", message: "phone" }] });
    // The form shows what we hold; sending it back unchanged is not a correction.
    const held = appointment.contacts.find((c) => c.role === appointment.checkIn?.recipientRole) ?? appointment.contacts[0];
    const typedEmail = input.email.trim() || null;
    const email = typedEmail && typedEmail.toLowerCase() !== held?.email?.toLowerCase() ? typedEmail : null;
    const correctedPhone = phone && phone !== held?.phone ? phone : null;
    const draft = await getOrCreateDraft(tx, link);
    await tx.checkInRevision.update({ where: { id: draft.id }, data: { correctedEmail: email, correctedPhone } });
    await writeAudit(tx, {
      ...customer(link),
      event: { type: "checkin.contact_corrected", email: email !== null, phone: correctedPhone !== null },
    });
  });
}
