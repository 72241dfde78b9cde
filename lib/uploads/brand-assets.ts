import "server-only";
import { createHash, randomUUID } from "node:crypto";
import sharp from "sharp";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { getObject, putObject } from "@/lib/uploads/storage";
import { isUuid } from "@/lib/ids";

type BrandImageKind = "logo" | "service";

const shapes: Record<BrandImageKind, { width: number; height: number; fit: "inside" | "cover" }> = {
  logo: { width: 1024, height: 256, fit: "inside" },
  service: { width: 640, height: 400, fit: "cover" },
};

/**
 * Stores dealer brand material as public assets. Whatever came in (PNG, JPEG, WebP, or SVG, which is
 * rasterised here so no script in it can reach a browser) leaves re-encoded: logos as PNG (they need
 * transparency), service images as WebP.
 */
export async function storeBrandImage(tx: Tx, input: { dealerId: string; bytes: Uint8Array; kind: BrandImageKind }): Promise<string> {
  const shape = shapes[input.kind];
  const pipeline = sharp(input.bytes, { limitInputPixels: 40_000_000 })
    .rotate()
    .resize({ width: shape.width, height: shape.height, fit: shape.fit, withoutEnlargement: shape.fit === "inside" });
  const encoded = await (input.kind === "logo" ? pipeline.png() : pipeline.webp({ quality: 80 })).toBuffer({ resolveWithObject: true });
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
