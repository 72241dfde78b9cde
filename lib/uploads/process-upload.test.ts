import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { resetUploadLimits } from "@/lib/uploads/limits";
import { processUpload } from "@/lib/uploads/process-upload";
import type { UploadErrorCode } from "@/lib/uploads/upload-error";
import { withMigratedDatabase } from "@/test/database";
import { makeDealer } from "@/test/fixtures";
import {
  ebmlVideo,
  gif,
  heicHeader,
  html,
  isoVideo,
  lyingPng,
  pdf,
  phoneJpeg,
  pngBomb,
  svg,
  transparentPng,
  zip,
  ZIP_MARKER,
} from "@/test/files/make-files";
import { exifTags, riffChunks } from "@/test/files/metadata";

withMigratedDatabase();

const uploadDir = mkdtempSync(path.join(os.tmpdir(), "gl-uploads-"));
let dealerId = "";

beforeAll(async () => {
  process.env.UPLOAD_DIR = uploadDir;
  resetEnvCache();
  dealerId = (await makeDealer("uploads")).id;
});
afterAll(() => rmSync(uploadDir, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.UPLOAD_MAX_IMAGE_MB;
  delete process.env.UPLOAD_MAX_VIDEO_MB;
  resetUploadLimits();
});

async function stored(assetId: string) {
  const asset = await db().asset.findUniqueOrThrow({ where: { id: assetId } });
  const read = (key: string | null) => (key ? readFileSync(path.join(uploadDir, key)) : null);
  return { asset, file: read(asset.storageKey), thumbnail: read(asset.thumbnailKey) };
}

function uploadedFiles(): string[] {
  const dir = path.join(uploadDir, dealerId, "uploads");
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

/** The upload is refused with `code`, and neither a row nor a file is left behind. */
async function expectRefused(bytes: Uint8Array, code: UploadErrorCode, names: { declaredType?: string; fileName?: string } = {}) {
  const before = { assets: await db().asset.count(), files: uploadedFiles() };
  await expect(processUpload({ dealerId, bytes, ...names })).rejects.toMatchObject({ name: "UploadError", code });
  expect({ assets: await db().asset.count(), files: uploadedFiles() }).toEqual(before);
}

describe("processUpload: images", () => {
  it("applies the EXIF orientation and keeps no EXIF, GPS, XMP or ICC", async () => {
    const source = await phoneJpeg({ width: 200, height: 100, orientation: 6 });
    const sourceMeta = await sharp(source).metadata();
    expect(sourceMeta.orientation).toBe(6);
    expect(sourceMeta.xmp).toBeDefined();
    // GPSLatitude (2) and GPSLongitude (4) are really in the source, behind IFD0's GPS pointer (0x8825).
    expect(exifTags(sourceMeta.exif ?? Buffer.alloc(0)).gps).toEqual(expect.arrayContaining([1, 2, 3, 4]));

    const upload = await processUpload({ dealerId, bytes: source, declaredType: "image/jpeg", fileName: "IMG_0001.JPG" });
    expect(upload).toMatchObject({ kind: "IMAGE", contentType: "image/webp", width: 100, height: 200 });

    const { asset, file, thumbnail } = await stored(upload.assetId);
    expect(asset).toMatchObject({ dealerId, kind: "IMAGE", public: false, contentType: "image/webp", width: 100, height: 200 });
    expect(asset.storageKey).toBe(`${dealerId}/uploads/${upload.assetId}.webp`);
    expect(asset.thumbnailKey).toBe(`${dealerId}/uploads/${upload.assetId}-thumb.webp`);
    expect(asset.bytes).toBe(file?.length);
    expect(asset.sha256).toBe(
      createHash("sha256")
        .update(file ?? "")
        .digest("hex"),
    );

    for (const image of [file, thumbnail]) {
      if (!image) throw new Error("file missing");
      const meta = await sharp(image).metadata();
      expect(meta.format).toBe("webp");
      expect({ exif: meta.exif, xmp: meta.xmp, iptc: meta.iptc, icc: meta.icc, orientation: meta.orientation }).toEqual({
        exif: undefined,
        xmp: undefined,
        iptc: undefined,
        icc: undefined,
        orientation: undefined,
      });
      expect(riffChunks(image).filter((chunk) => ["EXIF", "XMP ", "ICCP"].includes(chunk))).toEqual([]);
    }
    // Orientation 6 is "turn 90° clockwise to view": the red left half of the sensor image ends up on top.
    const { data } = await sharp(file ?? Buffer.alloc(0))
      .raw()
      .toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * 100 + x) * 3, (y * 100 + x) * 3 + 3)];
    expect(pixel(50, 20)[0]).toBeGreaterThan(200);
    expect(pixel(50, 180)[2]).toBeGreaterThan(200);
  });

  it("bounds the long edge to 1920 px and makes a 320 px thumbnail", async () => {
    const upload = await processUpload({ dealerId, bytes: await phoneJpeg({ width: 4000, height: 3000 }) });
    expect(upload).toMatchObject({ width: 1920, height: 1440 });
    const { thumbnail } = await stored(upload.assetId);
    expect(await sharp(thumbnail ?? Buffer.alloc(0)).metadata()).toMatchObject({ format: "webp", width: 320, height: 240 });
  });

  it("never enlarges a small image", async () => {
    const upload = await processUpload({ dealerId, bytes: await phoneJpeg({ width: 120, height: 90 }) });
    expect(upload).toMatchObject({ width: 120, height: 90 });
  });

  it("keeps a PNG's transparency", async () => {
    const upload = await processUpload({ dealerId, bytes: await transparentPng(300, 200), fileName: "sticker.png" });
    expect(upload).toMatchObject({ kind: "IMAGE", contentType: "image/webp", width: 300, height: 200 });
    const { file } = await stored(upload.assetId);
    expect((await sharp(file ?? Buffer.alloc(0)).metadata()).hasAlpha).toBe(true);
  });

  it("accepts a JPEG with a ZIP appended, and stores only the re-encoded pixels", async () => {
    const polyglot = Buffer.concat([await phoneJpeg({ width: 64, height: 64 }), zip()]);
    expect(polyglot.includes(ZIP_MARKER)).toBe(true);
    const upload = await processUpload({ dealerId, bytes: polyglot, fileName: "photo.zip" });
    const { file, thumbnail } = await stored(upload.assetId);
    for (const image of [file, thumbnail]) {
      expect(image?.includes(ZIP_MARKER)).toBe(false);
      expect(image?.includes("PK\u0003\u0004")).toBe(false);
    }
  });
});

describe("processUpload: refusals", () => {
  it("refuses HEIC with its own code, even when named .jpg", async () => {
    await expectRefused(heicHeader("heic"), "heic", { declaredType: "image/jpeg", fileName: "IMG_0002.jpg" });
    await expectRefused(heicHeader("mif1"), "heic", { fileName: "IMG_0003.HEIC" });
  });

  it("refuses PDF, SVG, GIF, ZIP, and HTML posing as photo.jpg", async () => {
    await expectRefused(pdf, "unsupported", { declaredType: "application/pdf" });
    await expectRefused(svg, "unsupported", { declaredType: "image/svg+xml", fileName: "logo.svg" });
    await expectRefused(await gif(), "unsupported", { declaredType: "image/gif" });
    await expectRefused(zip(), "unsupported");
    await expectRefused(html, "unsupported", { declaredType: "image/jpeg", fileName: "photo.jpg" });
  });

  it("refuses decompression bombs before decoding them", async () => {
    const bomb = await pngBomb();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expectRefused(bomb, "unreadable");
    await expectRefused(await lyingPng(), "unreadable");
  });

  it("refuses corrupt and empty files", async () => {
    const jpeg = await phoneJpeg({ width: 200, height: 200 });
    await expectRefused(jpeg.subarray(0, 400), "unreadable");
    await expectRefused(new Uint8Array(), "unreadable");
  });

  it("refuses an image over UPLOAD_MAX_IMAGE_MB", async () => {
    process.env.UPLOAD_MAX_IMAGE_MB = "1";
    resetUploadLimits();
    const padded = Buffer.concat([await phoneJpeg({ width: 64, height: 64 }), Buffer.alloc(1024 * 1024)]);
    await expectRefused(padded, "too_large");
  });
});

describe("processUpload: videos", () => {
  it("stores MP4, MOV and WebM as sent, with the sniffed type", async () => {
    const cases = [
      { bytes: isoVideo({ container: "mp4" }), contentType: "video/mp4", extension: "mp4", declaredType: "application/octet-stream" },
      { bytes: isoVideo({ container: "mov" }), contentType: "video/quicktime", extension: "mov", declaredType: "video/mp4" },
      { bytes: ebmlVideo("webm"), contentType: "video/webm", extension: "webm", declaredType: "" },
    ];
    for (const { bytes, contentType, extension, declaredType } of cases) {
      const upload = await processUpload({ dealerId, bytes, declaredType });
      expect(upload).toEqual({ assetId: upload.assetId, kind: "VIDEO", contentType, bytes: bytes.length, width: null, height: null });
      const { asset, file, thumbnail } = await stored(upload.assetId);
      expect(asset.storageKey).toBe(`${dealerId}/uploads/${upload.assetId}.${extension}`);
      expect(file?.equals(bytes)).toBe(true);
      expect(thumbnail).toBeNull();
      expect(asset.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
  });

  it("refuses a video over UPLOAD_MAX_VIDEO_MB, a truncated one and Matroska", async () => {
    process.env.UPLOAD_MAX_VIDEO_MB = "1";
    resetUploadLimits();
    await expectRefused(isoVideo({ container: "mp4", mdatBytes: 1024 * 1024 + 1 }), "too_large");
    await expectRefused(isoVideo({ container: "mp4", truncateBy: 10 }), "unreadable");
    await expectRefused(ebmlVideo("matroska"), "unsupported");
  });
});

describe("processUpload: failures and load", () => {
  it("removes its files again when the Asset row cannot be written", async () => {
    const unknownDealer = "00000000-0000-4000-8000-000000000001";
    await expect(processUpload({ dealerId: unknownDealer, bytes: await phoneJpeg({ width: 50, height: 50 }) })).rejects.toThrow();
    expect(
      existsSync(path.join(uploadDir, unknownDealer, "uploads")) ? readdirSync(path.join(uploadDir, unknownDealer, "uploads")) : [],
    ).toEqual([]);
  });

  it("processes more photos at once than there are CPUs, refusals included, without losing any", async () => {
    const photo = await phoneJpeg({ width: 800, height: 600 });
    const bomb = await lyingPng();
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => processUpload({ dealerId, bytes: i % 4 === 3 ? bomb : photo })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(9);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r.reason as { code?: string }).code)).toEqual([
      "unreadable",
      "unreadable",
      "unreadable",
    ]);
  });
});
