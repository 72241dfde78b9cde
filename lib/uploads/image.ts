import "server-only";
import os from "node:os";
import sharp from "sharp";
import type { UploadLimits } from "@/lib/uploads/limits";
import { UploadError } from "@/lib/uploads/upload-error";

export type EncodedImage = { data: Buffer; width: number; height: number };

/**
 * Photos are re-encoded at most one per CPU at a time. The work is CPU-bound, so more at once is not
 * faster; it only multiplies the decoded pixels and the WebP encoder's buffers held at the same time
 * (~40–70 MB for a 12 MP photo turned by its EXIF orientation). Without this, the bound would be libuv's
 * thread pool, which deployments raise for other reasons.
 *
 * Each photo gets one libvips thread (`sharp.concurrency(1)`): the slots above already use every CPU,
 * JPEG decoding and WebP encoding are single-threaded anyway (bench/upload.ts measured no difference in
 * time), and every extra thread is another glibc malloc arena that keeps its pages. That is sharp's
 * default on glibc without jemalloc; setting it makes the bound the same on every platform.
 * libvips' operation cache is off: every upload is a new image, so it would only hold on to memory.
 * scripts/start.mjs also sets MALLOC_ARENA_MAX=2, which bench/upload.ts found to cut the RSS of ten
 * photos at once by more than half.
 */
sharp.concurrency(1);
sharp.cache(false);

const slots = Math.max(1, os.availableParallelism());
let active = 0;
const waiting: (() => void)[] = [];

async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (active >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
  active++;
  try {
    return await work();
  } finally {
    active--;
    waiting.shift()?.();
  }
}

/**
 * A customer photo, re-encoded: EXIF orientation applied, then every piece of metadata dropped (sharp
 * writes none unless asked to: no EXIF with its GPS position, no XMP, no IPTC, no ICC profile; pixels are
 * converted to sRGB), long edge bounded, WebP. Re-encoding also drops whatever was appended after the
 * image data (a ZIP, a script): only decoded pixels reach storage.
 *
 * The upload is decoded once, to the bounded pixels (sRGB, 8 bits, alpha kept); both WebP files are
 * encoded from those pixels. Making the thumbnail by decoding the full WebP again cost a tenth to a fifth
 * of the whole pipeline (bench/upload.ts); a 1920 px raw copy (8–11 MB) is held for a moment.
 */
export function encodeImage(bytes: Uint8Array, limits: UploadLimits): Promise<{ full: EncodedImage; thumbnail: EncodedImage }> {
  return inSlot(async () => {
    try {
      const bounded = await sharp(bytes, { limitInputPixels: limits.maxInputPixels, failOn: "warning" })
        .rotate()
        .resize({ width: limits.longEdge, height: limits.longEdge, fit: "inside", withoutEnlargement: true })
        .toColourspace("srgb")
        .raw({ depth: "uchar" })
        .toBuffer({ resolveWithObject: true });
      const { width, height, channels } = bounded.info;
      const pixels = () => sharp(bounded.data, { raw: { width, height, channels } });
      // One after the other: this photo's slot stands for one CPU.
      const full = await pixels().webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
      const thumbnail = await pixels()
        .resize({ width: limits.thumbnailEdge, height: limits.thumbnailEdge, fit: "inside", withoutEnlargement: true })
        .webp({ quality: 70 })
        .toBuffer({ resolveWithObject: true });
      return {
        full: { data: full.data, width: full.info.width, height: full.info.height },
        thumbnail: { data: thumbnail.data, width: thumbnail.info.width, height: thumbnail.info.height },
      };
    } catch (error) {
      // Corrupt or truncated data, or more pixels than the limit: sharp refuses before decoding the pixels.
      throw new UploadError("unreadable", { cause: error });
    }
  });
}
