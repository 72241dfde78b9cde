import "server-only";
import { createHash, randomUUID } from "node:crypto";
import sharp, { type OutputInfo } from "sharp";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { getObject, putObject } from "@/lib/uploads/storage";
import { isUuid } from "@/lib/ids";
import { sniffType } from "@/lib/uploads/sniff";
import { UploadError } from "@/lib/uploads/upload-error";

export type BrandImageKind = "logo" | "service" | "welcome";

const shapes: Record<BrandImageKind, { width: number; height: number; fit: "inside" | "cover" }> = {
  logo: { width: 1024, height: 256, fit: "inside" },
  service: { width: 640, height: 400, fit: "cover" },
  // The top of the check-in and report pages: 16:7, sharp on a phone at 3× and on a desktop column.
  welcome: { width: 1600, height: 700, fit: "cover" },
};

/** Brand images arrive from staff, not customers, but are checked the same way before sharp sees them. */
export const MAX_BRAND_IMAGE_BYTES = 10 * 2 ** 20;

/**
 * Refuses what is not a PNG, JPEG, WebP or SVG, read from the bytes (an SVG is text: an XML declaration,
 * comments or a doctype may come before its `<svg` root), or over MAX_BRAND_IMAGE_BYTES.
 */
export function checkBrandImage(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new UploadError("unreadable");
  if (bytes.length > MAX_BRAND_IMAGE_BYTES) throw new UploadError("too_large");
  const type = sniffType(bytes);
  if (type.kind === "heic") throw new UploadError("heic");
  if (type.kind === "image" || looksLikeSvg(bytes)) return;
  throw new UploadError("unsupported");
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096))
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(head);
}

/**
 * Stores dealer brand material as public assets. Whatever came in (PNG, JPEG, WebP, or SVG, which is
 * rasterised here so no script in it can reach a browser) leaves re-encoded: logos as PNG (they need
 * transparency), service and welcome images as WebP. Call `checkBrandImage` first; what sharp cannot
 * decode, or decodes to more pixels than the bound (an SVG or PNG bomb), is refused as unreadable.
 */
export async function storeBrandImage(tx: Tx, input: { dealerId: string; bytes: Uint8Array; kind: BrandImageKind }): Promise<string> {
  const shape = shapes[input.kind];
  let encoded: { data: Buffer; info: OutputInfo };
  try {
    const pipeline = sharp(input.bytes, { limitInputPixels: 40_000_000 })
      .rotate()
      .resize({ width: shape.width, height: shape.height, fit: shape.fit, withoutEnlargement: shape.fit === "inside" });
    encoded = await (input.kind === "logo" ? pipeline.png() : pipeline.webp({ quality: 80 })).toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw new UploadError("unreadable", { cause: error });
  }
  const id = randomUUID();
  const extension = input.kind === "logo" ? "png" : "webp";
  const storageKey = `${input.dealerId}/brand/${id}.${extension}`;
  await putObject(storageKey, encoded.data);
  await tx.asset.create({
    data: {
      id,
      dealerId: input.dealerId,
      kind: input.kind === "logo" ? "LOGO" : "IMAGE",
      contentType: `image/${extension}`,
      bytes: encoded.data.length,
      storageKey,
      width: encoded.info.width,
      height: encoded.info.height,
      sha256: createHash("sha256").update(encoded.data).digest("hex"),
      public: true,
    },
  });
  return id;
}

/** A public brand asset (logo, service image); customer uploads are never returned here. */
export async function getPublicAsset(assetId: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  if (!isUuid(assetId)) return null;
  const asset = await db().asset.findFirst({ where: { id: assetId, public: true }, select: { storageKey: true, contentType: true } });
  if (!asset) return null;
  const bytes = await getObject(asset.storageKey);
  return bytes && { bytes, contentType: asset.contentType };
}
