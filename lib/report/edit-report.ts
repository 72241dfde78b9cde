import "server-only";
import { randomBytes } from "node:crypto";
import { amountProblem } from "@/lib/api/fields";
import { runWithRetry } from "@/lib/appointments/retry";
import { db } from "@/lib/db";
import type { ReportCategory } from "@/lib/db/generated/client";
import { AppError, type FieldError } from "@/lib/errors";
import { parseDecimalMoney, parseQuantity, parseVatRate } from "@/lib/money";
import { currentDraftItems, sameDraft, writeDraft, type DraftItem } from "@/lib/report/report-draft";
import { uploadLimits } from "@/lib/uploads/limits";

/** Who edits which appointment's report: dealer and staff ids come from the session, never from a form. */
export type StaffOnReport = { dealerId: string; appointmentId: string; staffUserId: string; now?: Date };

/** One item as the builder's form sends it: amounts as decimal strings, like the API. */
export type ReportItemInput = {
  key: string | null;
  category: ReportCategory;
  title: string;
  description: string | null;
  visible: boolean;
  lines: { title: string; quantity: string; unitPrice: string; vatRate: string }[];
};

/**
 * Every builder edit: the current items (open draft, else the published version) go through `change`
 * and become the draft, exactly as the API's PUT writes it. An edit that changes nothing writes nothing.
 * Refused once the appointment is over or the report closed; another dealer's appointment is not found.
 */
async function editDraft(input: StaffOnReport, change: (items: DraftItem[], currency: string) => DraftItem[]) {
  return runWithRetry(async (tx) => {
    const appointment = await tx.appointment.findFirst({
      where: { id: input.appointmentId, dealerId: input.dealerId },
      select: {
        id: true,
        status: true,
        currency: true,
        report: { select: { id: true, state: true, version: true, draftVersion: true, publishedVersion: true } },
      },
    });
    if (!appointment) throw new AppError("not_found");
    if (appointment.status === "CANCELLED" || appointment.status === "FINALIZED") throw new AppError("conflict");
    if (appointment.report?.state === "CLOSED") throw new AppError("conflict");
    const report =
      appointment.report ??
      (await tx.report.create({
        data: { dealerId: input.dealerId, appointmentId: appointment.id, state: "DRAFT", draftVersion: 1 },
        select: { id: true, state: true, version: true, draftVersion: true, publishedVersion: true },
      }));
    const { draft, items } = await currentDraftItems(tx, report);
    const next = change(items, appointment.currency);
    if (sameDraft(items, next)) return { changed: false };
    await writeDraft(tx, {
      dealerId: input.dealerId,
      appointmentId: appointment.id,
      actor: { type: "STAFF", id: input.staffUserId },
      report,
      draftId: draft?.id ?? null,
      items: next,
    });
    return { changed: true };
  });
}

function existing(items: DraftItem[], key: string): number {
  const index = items.findIndex((item) => item.key === key);
  if (index < 0) throw new AppError("not_found");
  return index;
}

/** A key the DMS would accept (api-v1.md), readable in the API's output and unique in the report. */
function newKey(title: string, items: DraftItem[]): string {
  const base =
    title
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .toLowerCase()
      .slice(0, 40) || "item";
  for (;;) {
    const key = `${base}-${randomBytes(3).toString("hex")}`;
    if (!items.some((item) => item.key === key)) return key;
  }
}

/**
 * Adds an item (no key) or replaces the fields and lines of one (its key, attachments and place kept).
 * Amounts must fit the appointment's currency: a 422 names the line.
 */
export async function saveReportItem(input: StaffOnReport & { item: ReportItemInput }): Promise<{ changed: boolean }> {
  const { item } = input;
  return editDraft(input, (items, currency) => {
    const errors: FieldError[] = item.lines.flatMap((line, index) => {
      const message = amountProblem(line.unitPrice, currency);
      return message ? [{ path: `lines.${index}.unitPrice`, message }] : [];
    });
    if (errors.length > 0) throw new AppError("validation_failed", "The item has invalid lines.", { errors });
    const fields = {
      category: item.category,
      title: item.title,
      description: item.description,
      visible: item.visible,
      lines: item.lines.map((line) => ({
        title: line.title,
        quantityMilli: parseQuantity(line.quantity),
        unitPriceMinor: parseDecimalMoney(line.unitPrice, currency),
        vatRateBp: parseVatRate(line.vatRate),
      })),
    };
    if (item.key === null) return [...items, { key: newKey(item.title, items), ...fields, attachments: [] }];
    const index = existing(items, item.key);
    return items.map((current, i) => (i === index ? { ...current, ...fields } : current));
  });
}

/** Seed 004's eye icon: whether the customer sees the item (a hidden item never reaches their page). */
export async function setReportItemVisible(input: StaffOnReport & { key: string; visible: boolean }) {
  return editDraft(input, (items) => {
    const index = existing(items, input.key);
    return items.map((item, i) => (i === index ? { ...item, visible: input.visible } : item));
  });
}

/**
 * Up/down by one place among the items of its category (the builder and the customer's page show items
 * grouped by category, so that is the order anyone sees); at either end nothing changes.
 */
export async function moveReportItem(input: StaffOnReport & { key: string; direction: "up" | "down" }) {
  return editDraft(input, (items) => {
    const index = existing(items, input.key);
    const category = items[index]!.category;
    const same = items.map((item, i) => (item.category === category ? i : -1)).filter((i) => i >= 0);
    const target = same[same.indexOf(index) + (input.direction === "up" ? -1 : 1)];
    if (target === undefined) return items;
    const next = [...items];
    [next[index], next[target]] = [next[target]!, next[index]!];
    return next;
  });
}

export async function removeReportItem(input: StaffOnReport & { key: string }) {
  return editDraft(input, (items) => {
    existing(items, input.key);
    return items.filter((item) => item.key !== input.key);
  });
}

/**
 * Links an uploaded photo or video (stored by `processUpload` before this transaction, see there) to an
 * item. The asset must be this dealer's; an item takes as many files as a customer's remark.
 */
export async function addReportItemAttachment(input: StaffOnReport & { key: string; assetId: string }) {
  const asset = await db().asset.count({ where: { id: input.assetId, dealerId: input.dealerId, public: false } });
  if (asset === 0) throw new AppError("not_found");
  return editDraft(input, (items) => {
    const index = existing(items, input.key);
    const item = items[index]!;
    if (item.attachments.length >= uploadLimits().maxFilesPerComment) {
      throw new AppError("validation_failed", "Too many files.", { errors: [{ path: "file", message: "too many files" }] });
    }
    const attachment = { assetId: input.assetId, visibleToMechanics: false };
    return items.map((current, i) => (i === index ? { ...current, attachments: [...current.attachments, attachment] } : current));
  });
}

export async function removeReportItemAttachment(input: StaffOnReport & { key: string; assetId: string }) {
  return editDraft(input, (items) => {
    const index = existing(items, input.key);
    if (!items[index]!.attachments.some((a) => a.assetId === input.assetId)) throw new AppError("not_found");
    return items.map((item, i) =>
      i === index ? { ...item, attachments: item.attachments.filter((a) => a.assetId !== input.assetId) } : item,
    );
  });
}
