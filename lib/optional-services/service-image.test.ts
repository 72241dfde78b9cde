import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as brandRoute } from "@/app/brand/[assetId]/route";
import { POST as serviceImageRoute } from "@/app/files/service-image/route";
import type { StaffSession } from "@/lib/auth/session";
import { listOfferedServices } from "@/lib/checkin/offered-services";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { createServiceForStaff, setServiceImage } from "@/lib/optional-services/service-admin";
import { serviceFormSchema } from "@/lib/optional-services/service-fields";
import { uploadServiceImageFromForm } from "@/lib/optional-services/service-image";
import { MAX_BRAND_IMAGE_BYTES } from "@/lib/uploads/brand-assets";
import { withMigratedDatabase } from "@/test/database";
import { gif, heicHeader, lyingPng, phoneJpeg, pngBomb, svg, transparentPng, zip, ZIP_MARKER } from "@/test/files/make-files";
import { exifTags, riffChunks } from "@/test/files/metadata";
import { dealerWithSites, sessionFor, washForm } from "@/test/service-fixtures";

vi.mock("@/lib/request-context", () => ({ requestContext: async () => ({ ip: "192.0.2.10", userAgent: "vitest" }) }));

withMigratedDatabase();

const uploadDir = mkdtempSync(path.join(os.tmpdir(), "gl-service-images-"));
const BASE = "http://localhost:3000";

beforeAll(() => {
  process.env.UPLOAD_DIR = uploadDir;
  resetEnvCache();
});
afterAll(() => rmSync(uploadDir, { recursive: true, force: true }));

function imageRequest(
  serviceId: string,
  file: { bytes: Uint8Array; name: string; type: string } | null,
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  form.set("serviceId", serviceId);
  if (file) form.set("image", new Blob([Buffer.from(file.bytes)], { type: file.type }), file.name);
  return new Request(`${BASE}/files/service-image`, {
    method: "POST",
    headers: { "sec-fetch-site": "same-origin", ...headers },
    body: form,
  });
}

const upload = (staff: StaffSession, serviceId: string, bytes: Uint8Array, name = "photo.jpg", type = "image/jpeg") =>
  uploadServiceImageFromForm(staff, imageRequest(serviceId, { bytes, name, type }));

async function setup(slug: string) {
  const dealer = await dealerWithSites(slug);
  const marketing = await sessionFor(dealer.id, "MARKETING");
  const service = serviceFormSchema.parse(washForm());
  await createServiceForStaff(marketing, service);
  return { dealer, marketing, serviceId: service.id };
}

const imageOf = async (serviceId: string) =>
  (await db().optionalService.findUniqueOrThrow({ where: { id: serviceId }, select: { imageAssetId: true } })).imageAssetId;
const assets = (dealerId: string) => db().asset.count({ where: { dealerId } });

describe("a service's image, uploaded from its edit page", () => {
  it("goes through sharp: upright, cropped to the card, WebP without EXIF or GPS, public like the logo, offered and audited", async () => {
    const { dealer, marketing, serviceId } = await setup("img-jpeg");
    const jpeg = await phoneJpeg({ width: 1200, height: 900, orientation: 6 });
    expect(exifTags((await sharp(jpeg).metadata()).exif!).gps.length).toBeGreaterThan(0);

    expect(await upload(marketing, serviceId, Buffer.concat([jpeg, zip()]))).toEqual({ status: "saved", serviceId });
    const assetId = await imageOf(serviceId);
    const asset = await db().asset.findUniqueOrThrow({ where: { id: assetId! } });
    expect(asset).toMatchObject({ dealerId: dealer.id, public: true, kind: "IMAGE", contentType: "image/webp", width: 640, height: 400 });
    const stored = readFileSync(path.join(uploadDir, asset.storageKey));
    expect(riffChunks(stored).filter((chunk) => chunk === "EXIF" || chunk === "XMP ")).toEqual([]);
    expect(stored.includes(Buffer.from("iPhone"))).toBe(false);
    expect(stored.includes(ZIP_MARKER)).toBe(false);
    // Orientation 6 turns the photo a quarter clockwise: its red left half is on top once upright.
    const { data, info } = await sharp(stored).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3),
    ];
    const [top, bottom] = [pixel(320, 20), pixel(320, 380)];
    expect([top[0]! > 200 && top[2]! < 60, bottom[2]! > 200 && bottom[0]! < 60]).toEqual([true, true]);

    const served = await brandRoute(new Request(`${BASE}/brand/${assetId}`), { params: Promise.resolve({ assetId: assetId! }) });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    expect(Buffer.from(await served.arrayBuffer()).equals(stored)).toBe(true);
    const offered = await listOfferedServices({
      dealerId: dealer.id,
      siteId: dealer.siteId,
      make: null,
      model: null,
      locale: "en",
      defaultLocale: "en",
    });
    expect(offered[0]?.imageUrl).toBe(`/brand/${assetId}`);

    const change = await db().auditEvent.findFirstOrThrow({
      where: { dealerId: dealer.id, type: "settings.changed" },
      orderBy: { createdAt: "desc" },
    });
    expect(change.data).toEqual({
      entity: "service",
      entityId: serviceId,
      change: "updated",
      before: { image: null },
      after: { image: `/brand/${assetId}` },
    });

    // A PNG with transparency replaces it; removing it leaves the card without an image.
    expect(await upload(marketing, serviceId, await transparentPng(800, 500), "logo.png", "image/png")).toEqual({
      status: "saved",
      serviceId,
    });
    expect(await imageOf(serviceId)).not.toBe(assetId);
    expect(await setServiceImage(marketing, { id: serviceId, assetId: null })).toEqual({ done: true });
    expect(await imageOf(serviceId)).toBeNull();
  });

  it.each([
    ["a GIF", () => gif(), "unsupported"],
    ["an SVG (scripts in it)", () => svg, "unsupported"],
    ["a ZIP named .jpg", () => zip(), "unsupported"],
    ["a HEIC photo", () => heicHeader(), "heic"],
    ["a decompression bomb (56 MP)", () => pngBomb(), "unreadable"],
    ["a PNG that claims 20000 × 20000 pixels", () => lyingPng(), "unreadable"],
    ["a truncated JPEG", async () => (await phoneJpeg({ width: 300, height: 300, noise: true })).subarray(0, 2000), "unreadable"],
  ] as const)("refuses %s, says why, and stores nothing", async (name, make, code) => {
    const { dealer, marketing, serviceId } = await setup(`img-bad-${code}-${name.length}`);
    const before = await assets(dealer.id);
    expect(await upload(marketing, serviceId, await make())).toEqual({ status: "refused", serviceId, code });
    expect(await imageOf(serviceId)).toBeNull();
    expect(await assets(dealer.id)).toBe(before);
  });

  it("refuses a file over the size limit while it streams, and a post without a file", async () => {
    const { dealer, marketing, serviceId } = await setup("img-large");
    const large = Buffer.concat([await phoneJpeg({ width: 64, height: 64 }), Buffer.alloc(MAX_BRAND_IMAGE_BYTES)]);
    expect(await upload(marketing, serviceId, large)).toEqual({ status: "refused", serviceId, code: "too_large" });
    expect(await uploadServiceImageFromForm(marketing, imageRequest(serviceId, null))).toEqual({
      status: "refused",
      serviceId,
      code: "missing",
    });
    expect(await assets(dealer.id)).toBe(0);
  });

  it("is not found for another dealer's service, an advisor or a mechanic, and refuses a cross-site post", async () => {
    const { dealer, serviceId } = await setup("img-tenant");
    const other = await dealerWithSites("img-tenant-other");
    const jpeg = await phoneJpeg({ width: 64, height: 64 });
    for (const staff of [
      await sessionFor(other.id, "ADMIN"),
      await sessionFor(dealer.id, "ADVISOR"),
      await sessionFor(dealer.id, "MECHANIC"),
    ]) {
      expect([staff.role, await upload(staff, serviceId, jpeg)]).toEqual([staff.role, { status: "not_found" }]);
    }
    expect(await uploadServiceImageFromForm(await sessionFor(dealer.id, "ADMIN"), imageRequest("not-a-uuid", null))).toEqual({
      status: "not_found",
    });
    const crossSite = await serviceImageRoute(
      imageRequest(serviceId, { bytes: jpeg, name: "a.jpg", type: "image/jpeg" }, { "sec-fetch-site": "cross-site" }),
    );
    expect(crossSite.status).toBe(403);
    expect(await imageOf(serviceId)).toBeNull();
    expect(await assets(dealer.id)).toBe(0);
    expect(await assets(other.id)).toBe(0);
    // Linking another dealer's stored image by its id is refused too.
    const mine = await setup("img-tenant-mine");
    const marketing = mine.marketing;
    await upload(marketing, mine.serviceId, jpeg);
    const theirs = await setup("img-tenant-theirs");
    await expect(
      setServiceImage(theirs.marketing, { id: theirs.serviceId, assetId: (await imageOf(mine.serviceId))! }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
