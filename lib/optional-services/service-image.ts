import "server-only";
import { readFile } from "node:fs/promises";
import { BRAND_EDITORS } from "@/lib/auth/require-staff";
import type { StaffSession } from "@/lib/auth/session";
import { invalidateDealerCache } from "@/lib/dealers/dealer-cache";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { parseMultipart } from "@/lib/http/multipart";
import { setServiceImage } from "@/lib/optional-services/service-admin";
import type { ServiceImageRefusal } from "@/lib/optional-services/service-image-notice";
import { MAX_BRAND_IMAGE_BYTES, storeBrandImage } from "@/lib/uploads/brand-assets";
import { sniffType } from "@/lib/uploads/sniff";
import { isUploadError } from "@/lib/uploads/upload-error";

export type ServiceImageOutcome =
  { status: "saved"; serviceId: string } | { status: "refused"; serviceId: string; code: ServiceImageRefusal } | { status: "not_found" };

/**
 * A service's image from the edit page's plain multipart form (a server action takes at most 1 MB, less
 * than a phone photo), like the theme's logo (lib/dealers/theme-images.ts). The type is read from the
 * bytes — PNG, JPEG or WebP only: a card shows a photo, so unlike the logo no SVG — and the size is
 * bounded (MAX_BRAND_IMAGE_BYTES) while the body streams, and the image goes through sharp (brand-assets.ts): turned upright,
 * cropped to the card, re-encoded as WebP without metadata, with the pixel bound that refuses
 * decompression bombs. It is stored as a public dealer asset, like the logo, and only then linked.
 *
 * Not a settingsAction (no server action can take the body), so it checks the same things itself: a
 * brand editor of the service's dealer, and the per-dealer cache of customer pages dropped afterwards.
 */
export async function uploadServiceImageFromForm(staff: StaffSession, request: Request): Promise<ServiceImageOutcome> {
  const form = await parseMultipart(request, { maxFiles: 1, maxFileBytes: MAX_BRAND_IMAGE_BYTES, maxFields: 4, maxFieldBytes: 100 });
  try {
    const serviceId = form.fields.serviceId ?? "";
    if (!BRAND_EDITORS.includes(staff.role) || !isUuid(serviceId)) return { status: "not_found" };
    const service = await db().optionalService.findFirst({ where: { id: serviceId, dealerId: staff.dealerId }, select: { id: true } });
    if (!service) return { status: "not_found" };
    const refuse = (code: ServiceImageRefusal): ServiceImageOutcome => ({ status: "refused", serviceId, code });

    if (form.overLimit === "file_too_large") return refuse("too_large");
    if (form.overLimit === "too_many_files") return refuse("unsupported");
    const [file] = form.files;
    if (!file) return refuse("missing");
    const bytes = await readFile(file.path);
    const type = sniffType(bytes);
    if (type.kind === "heic") return refuse("heic");
    if (type.kind !== "image") return refuse("unsupported");

    let assetId: string;
    try {
      // Outside the transaction that links it: sharp's work would hold that transaction (and, on the
      // embedded database, its one connection) open.
      assetId = await storeBrandImage(db(), { dealerId: staff.dealerId, bytes, kind: "service" });
    } catch (error) {
      // Corrupt or truncated data, or more pixels than the bound: sharp refuses before decoding them.
      if (isUploadError(error)) return refuse("unreadable");
      throw error;
    }
    try {
      await setServiceImage(staff, { id: serviceId, assetId });
    } catch (error) {
      if (isAppError(error) && error.code === "not_found") return { status: "not_found" };
      throw error;
    } finally {
      invalidateDealerCache(staff.dealerId);
    }
    return { status: "saved", serviceId };
  } finally {
    await form.cleanup();
  }
}
