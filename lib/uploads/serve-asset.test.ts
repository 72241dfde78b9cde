import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/files/[assetId]/route";
import { setNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { processUpload, type StoredUpload } from "@/lib/uploads/process-upload";
import { signedAssetUrl } from "@/lib/uploads/signed-url";
import { withMigratedDatabase } from "@/test/database";
import { makeDealer } from "@/test/fixtures";
import { isoVideo, phoneJpeg } from "@/test/files/make-files";

withMigratedDatabase();

const uploadDir = mkdtempSync(path.join(os.tmpdir(), "gl-files-"));
const at = new Date("2026-11-20T10:00:00Z");
const expiresAt = new Date("2026-11-20T10:15:00Z");
let image: StoredUpload;
let video: StoredUpload;
let videoBytes: Buffer;

beforeAll(async () => {
  process.env.UPLOAD_DIR = uploadDir;
  resetEnvCache();
  const { id: dealerId } = await makeDealer("files");
  image = await processUpload({ dealerId, bytes: await phoneJpeg({ width: 400, height: 300 }) });
  videoBytes = isoVideo({ container: "mp4", mdatBytes: 100_000 });
  video = await processUpload({ dealerId, bytes: videoBytes });
});
afterAll(() => rmSync(uploadDir, { recursive: true, force: true }));
afterEach(() => setNow(null));

async function get(url: string, headers: Record<string, string> = {}) {
  setNow(at);
  const assetId = new URL(url, "http://localhost").pathname.split("/")[2] ?? "";
  const response = await GET(new Request(new URL(url, "http://localhost"), { headers }), { params: Promise.resolve({ assetId }) });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

async function storedFile(assetId: string, variant: "full" | "thumb") {
  const asset = await db().asset.findUniqueOrThrow({ where: { id: assetId } });
  return readFileSync(path.join(uploadDir, (variant === "full" ? asset.storageKey : asset.thumbnailKey) ?? ""));
}

describe("GET /files/[assetId]", () => {
  it("serves the stored image and its thumbnail through a valid signature, with safe headers", async () => {
    for (const variant of ["full", "thumb"] as const) {
      const response = await get(signedAssetUrl({ assetId: image.assetId, variant, expiresAt }));
      expect(response.status).toBe(200);
      expect(response.body.equals(await storedFile(image.assetId, variant))).toBe(true);
      expect(Object.fromEntries(response.headers)).toMatchObject({
        "content-type": "image/webp",
        "content-length": String(response.body.length),
        "cache-control": "private, max-age=900",
        "x-content-type-options": "nosniff",
        "content-disposition": "inline",
        "content-security-policy": "default-src 'none'; media-src 'self'; img-src 'self'; sandbox",
        "accept-ranges": "bytes",
      });
    }
  });

  it("answers 404 in text for tampered, expired, transplanted or missing signatures and unknown ids", async () => {
    const url = signedAssetUrl({ assetId: image.assetId, expiresAt });
    const sig = new URL(url, "http://localhost").searchParams.get("sig") ?? "";
    const tamperedSig = `${sig.slice(0, 10)}${sig[10] === "A" ? "B" : "A"}${sig.slice(11)}`;
    const bad = [
      url.replace(sig, tamperedSig),
      signedAssetUrl({ assetId: image.assetId, expiresAt: new Date(at.getTime() - 1000) }),
      url.replace(image.assetId, video.assetId),
      url.replace("v=full", "v=thumb"),
      url.replace(/exp=\d+/, `exp=${expiresAt.getTime() / 1000 + 60}`),
      `/files/${image.assetId}`,
      `/files/${image.assetId}?v=full&exp=abc&sig=${sig}`,
      signedAssetUrl({ assetId: "00000000-0000-4000-8000-000000000000", expiresAt }),
      signedAssetUrl({ assetId: "../../etc/passwd", expiresAt }),
      signedAssetUrl({ assetId: video.assetId, variant: "thumb", expiresAt }),
    ];
    for (const target of bad) {
      const response = await get(target);
      expect({ target, status: response.status, type: response.headers.get("content-type") }).toEqual({
        target,
        status: 404,
        type: "text/plain; charset=utf-8",
      });
    }
  });

  it("serves a video whole, and byte ranges with 206 as iOS Safari asks for them", async () => {
    const url = signedAssetUrl({ assetId: video.assetId, expiresAt });
    const whole = await get(url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("video/mp4");
    expect(whole.body.equals(videoBytes)).toBe(true);

    const probe = await get(url, { range: "bytes=0-1" });
    expect(probe.status).toBe(206);
    expect(probe.headers.get("content-range")).toBe(`bytes 0-1/${videoBytes.length}`);
    expect(probe.headers.get("content-length")).toBe("2");
    expect(probe.body.equals(videoBytes.subarray(0, 2))).toBe(true);

    const middle = await get(url, { range: "bytes=70000-" });
    expect(middle.status).toBe(206);
    expect(middle.headers.get("content-range")).toBe(`bytes 70000-${videoBytes.length - 1}/${videoBytes.length}`);
    expect(middle.body.equals(videoBytes.subarray(70000))).toBe(true);

    const beyond = await get(url, { range: `bytes=${videoBytes.length}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${videoBytes.length}`);
  });
});
