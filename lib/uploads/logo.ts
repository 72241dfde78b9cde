import "server-only";
import { createHash, randomUUID } from "node:crypto";
import sharp from "sharp";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { getObject, putObject } from "@/lib/uploads/storage";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Stores a dealer logo: whatever came in (PNG, JPEG, WebP, or SVG which is rasterised here, so no
 * script in it can ever reach a browser) leaves as a PNG at most 256 px high.
 */
export async function storeLogo(tx: Tx, input: { dealerId: string; bytes: Uint8Array }): Promise<string> {
  const png = await sharp(input.bytes, { limitInputPixels: 40_000_000 })
    .rotate()
    .resize({ height: 256, width: 1024, fit: "inside", withoutEnlargement: true })
    .png()
    .toBuffer({ resolveWithObject: true });
  const id = randomUUID();
  const storageKey = `${input.dealerId}/logo/${id}.png`;
  await putObject(storageKey, png.data);
  await tx.asset.create({
    data: {
      id,
      dealerId: input.dealerId,
      kind: "LOGO",
      contentType: "image/png",
      bytes: png.data.length,
      storageKey,
      width: png.info.width,
      height: png.info.height,
      sha256: createHash("sha256").update(png.data).digest("hex"),
    },
  });
  return id;
}

export async function getLogo(assetId: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  if (!UUID.test(assetId)) return null;
  const asset = await db().asset.findFirst({ where: { id: assetId, kind: "LOGO" }, select: { storageKey: true, contentType: true } });
  if (!asset) return null;
  const bytes = await getObject(asset.storageKey);
  return bytes && { bytes, contentType: asset.contentType };
}
