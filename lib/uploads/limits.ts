import "server-only";
import { z } from "zod";

const MB = 1024 * 1024;

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * Upload limits, from the environment so an operator can tune them per deployment. The pixel limit is
 * the decompression-bomb guard: a PNG of a few KB can declare 20000×20000 pixels, and sharp refuses to
 * decode anything above it (checked from the header, before any pixel is allocated). 50 MP is above
 * every phone camera's default output (48 MP sensors bin to 12 MP unless ProRAW/"max" is chosen).
 */
const limitsSchema = z
  .object({
    UPLOAD_MAX_FILES_PER_COMMENT: positiveInt(10),
    UPLOAD_MAX_IMAGE_MB: positiveInt(20),
    UPLOAD_MAX_VIDEO_MB: positiveInt(200),
    UPLOAD_MAX_PIXELS: positiveInt(50_000_000),
  })
  .transform((raw) => ({
    maxFilesPerComment: raw.UPLOAD_MAX_FILES_PER_COMMENT,
    maxImageBytes: raw.UPLOAD_MAX_IMAGE_MB * MB,
    maxVideoBytes: raw.UPLOAD_MAX_VIDEO_MB * MB,
    maxInputPixels: raw.UPLOAD_MAX_PIXELS,
    /** Long edge of the stored image: sharp enough for a dent on a phone or a laptop, ~200–400 KB as WebP. */
    longEdge: 1920,
    thumbnailEdge: 320,
  }));

export type UploadLimits = z.infer<typeof limitsSchema>;

let cached: UploadLimits | undefined;

export function uploadLimits(): UploadLimits {
  if (!cached) {
    const parsed = limitsSchema.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
      throw new Error(`Invalid upload limits:\n${lines}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** For tests that change the limits between cases. */
export function resetUploadLimits(): void {
  cached = undefined;
}
