import "server-only";
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { BRAND_EDITORS } from "@/lib/auth/require-staff";
import { currentStaff, type StaffSession } from "@/lib/auth/session";
import { invalidateDealerCache } from "@/lib/dealers/dealer-cache";
import { recordSettingsChange } from "@/lib/dealers/settings-change";
import { lockedTheme } from "@/lib/dealers/theme-settings";
import { db } from "@/lib/db";
import { parseMultipart } from "@/lib/http/multipart";
import { checkBrandImage, MAX_BRAND_IMAGE_BYTES, storeBrandImage } from "@/lib/uploads/brand-assets";
import { UploadError, type UploadErrorCode } from "@/lib/uploads/upload-error";

/**
 * The theme's two images: the logo (header, e-mails, receipts) and the welcome image (top of the check-in
 * and report pages). Uploaded by a plain multipart form — a server action's 1 MB body could not take a
 * photo — re-encoded by sharp (an SVG is rasterised), then set on the dealer with an audit entry.
 */
export const THEME_IMAGES = ["logo", "welcome"] as const;
export type ThemeImage = (typeof THEME_IMAGES)[number];

const column = { logo: "logoAssetId", welcome: "welcomeImageAssetId" } as const satisfies Record<ThemeImage, string>;
const assetUrl = (id: string | null) => (id ? `/brand/${id}` : null);

export type ThemeImageOutcome =
  | { status: "unauthorized" }
  | { status: "not_found" }
  | { status: "saved"; image: ThemeImage }
  | { status: "refused"; image: ThemeImage; code: UploadErrorCode | "no_file" };

const fieldsSchema = z.object({ image: z.enum(THEME_IMAGES) });

export async function uploadThemeImageFromForm(request: Request): Promise<ThemeImageOutcome> {
  const staff = await currentStaff();
  if (!staff) return { status: "unauthorized" };
  if (!BRAND_EDITORS.includes(staff.role)) return { status: "not_found" };
  const form = await parseMultipart(request, { maxFiles: 1, maxFileBytes: MAX_BRAND_IMAGE_BYTES, maxFields: 2, maxFieldBytes: 20 });
  try {
    const fields = fieldsSchema.safeParse(form.fields);
    if (!fields.success) return { status: "not_found" };
    const { image } = fields.data;
    if (form.overLimit === "file_too_large") return { status: "refused", image, code: "too_large" };
    const file = form.files[0];
    if (!file || form.overLimit) return { status: "refused", image, code: "no_file" };
    try {
      await setThemeImage(staff, image, await readFile(file.path));
    } catch (error) {
      if (error instanceof UploadError) return { status: "refused", image, code: error.code };
      throw error;
    }
    return { status: "saved", image };
  } finally {
    await form.cleanup();
  }
}

/** Checks, re-encodes and stores the image, and points the dealer at it (the previous file stays, for the history). */
export async function setThemeImage(staff: StaffSession, image: ThemeImage, bytes: Uint8Array): Promise<void> {
  checkBrandImage(bytes);
  // Encoded before the transaction: on the embedded database an open transaction holds the one
  // connection every other request waits for. Should the transaction fail, the file is left unused.
  const assetId = await storeBrandImage(db(), { dealerId: staff.dealerId, bytes, kind: image });
  await db().$transaction(async (tx) => {
    const before = await lockedTheme(tx, staff.dealerId);
    await tx.dealer.update({ where: { id: staff.dealerId }, data: { [column[image]]: assetId } });
    await recordSettingsChange(tx, {
      staff,
      entity: "theme",
      entityId: staff.dealerId,
      change: "updated",
      before: { [image]: assetUrl(before[column[image]]) },
      after: { [image]: assetUrl(assetId) },
    });
  });
  invalidateDealerCache(staff.dealerId);
}

export const removeThemeImageSchema = z.object({ image: z.enum(THEME_IMAGES, { message: "invalid" }) });

/** The theme without that image; removing what is not there records nothing. */
export async function removeThemeImage(staff: StaffSession, input: z.infer<typeof removeThemeImageSchema>): Promise<{ removed: boolean }> {
  return db().$transaction(async (tx) => {
    const before = await lockedTheme(tx, staff.dealerId);
    const current = before[column[input.image]];
    if (!current) return { removed: false };
    await tx.dealer.update({ where: { id: staff.dealerId }, data: { [column[input.image]]: null } });
    await recordSettingsChange(tx, {
      staff,
      entity: "theme",
      entityId: staff.dealerId,
      change: "updated",
      before: { [input.image]: assetUrl(current) },
      after: { [input.image]: null },
    });
    return { removed: true };
  });
}
