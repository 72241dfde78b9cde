import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as uploadRoute } from "@/app/files/checkin-upload/route";
import { POST as remarkFormRoute } from "@/app/files/checkin-remark/route";
import { GET as fileRoute } from "@/app/files/[assetId]/route";
import { addComment } from "@/lib/checkin/answer-checkin";
import { getCheckinAnswer } from "@/lib/checkin/get-checkin-answer";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { resetUploadLimits } from "@/lib/uploads/limits";
import { issueToken } from "@/lib/tokens";
import { withMigratedDatabase } from "@/test/database";
import { makeAppointment, makeDealer } from "@/test/fixtures";
import { heicHeader, html, phoneJpeg, pngBomb, zip, ZIP_MARKER } from "@/test/files/make-files";
import { exifTags } from "@/test/files/metadata";

withMigratedDatabase();

const uploadDir = mkdtempSync(path.join(os.tmpdir(), "gl-remarks-"));
const BASE = "http://localhost:3000";
const sameOrigin = { "sec-fetch-site": "same-origin", "x-forwarded-for": "203.0.113.9" };

beforeAll(() => {
  process.env.UPLOAD_DIR = uploadDir;
  resetEnvCache();
});
afterAll(() => rmSync(uploadDir, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.UPLOAD_MAX_IMAGE_MB;
  delete process.env.UPLOAD_MAX_VIDEO_MB;
  resetUploadLimits();
});

async function customerLink(slug: string, status: "SCHEDULED" | "CANCELLED" = "SCHEDULED") {
  const dealer = await makeDealer(slug);
  const appointment = await makeAppointment(dealer, { externalId: `${slug}-1`, status });
  await db().checkIn.create({
    data: { dealerId: dealer.id, appointmentId: appointment.id, state: "SENT", closesAt: new Date(Date.now() + 3 * 86_400_000) },
  });
  const token = await db().$transaction((tx) =>
    issueToken(tx, {
      dealerId: dealer.id,
      appointmentId: appointment.id,
      purpose: "CHECKIN",
      recipientRole: "DRIVER",
      expiresAt: new Date(Date.now() + 3 * 86_400_000),
    }),
  );
  return { dealer, appointment, token };
}

function upload(token: string, bytes: Uint8Array, headers: Record<string, string> = sameOrigin) {
  return uploadRoute(
    new Request(`${BASE}/files/checkin-upload`, {
      method: "POST",
      headers: { ...headers, "x-checkin-token": token, "content-type": "application/octet-stream" },
      body: Buffer.from(bytes),
    }),
  );
}

function postRemarkForm(fields: Record<string, string>, files: { name: string; bytes: Uint8Array; type: string }[]) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  for (const file of files) form.append("files", new Blob([Buffer.from(file.bytes)], { type: file.type }), file.name);
  return remarkFormRoute(new Request(`${BASE}/files/checkin-remark`, { method: "POST", headers: sameOrigin, body: form }));
}

const assetCount = (dealerId: string) => db().asset.count({ where: { dealerId } });

describe("POST /files/checkin-upload (one file, from the page's script)", () => {
  it("stores a phone JPEG upright, as WebP without EXIF or GPS, and serves it back only by its signed URL", async () => {
    const { dealer, token } = await customerLink("rup-jpeg");
    const jpeg = await phoneJpeg({ width: 400, height: 300, orientation: 6 });
    expect(exifTags((await sharp(jpeg).metadata()).exif!).gps.length).toBeGreaterThan(0);

    const response = await upload(token, jpeg);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { assetId: string; kind: string; url: string; thumbUrl: string };
    expect(body.kind).toBe("IMAGE");
    const asset = await db().asset.findUniqueOrThrow({ where: { id: body.assetId } });
    expect(asset).toMatchObject({ dealerId: dealer.id, public: false, contentType: "image/webp", width: 300, height: 400 });
    const stored = readFileSync(path.join(uploadDir, asset.storageKey));
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(stored.includes(Buffer.from("iPhone"))).toBe(false);

    const served = await fileRoute(new Request(`${BASE}${body.url}`), { params: Promise.resolve({ assetId: body.assetId }) });
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(stored)).toBe(true);
    const unsigned = await fileRoute(new Request(`${BASE}/files/${body.assetId}`), { params: Promise.resolve({ assetId: body.assetId }) });
    expect(unsigned.status).toBe(404);
  });

  it.each([
    ["an HTML page", () => html, 415, "unsupported"],
    ["a HEIC photo", () => heicHeader(), 415, "heic"],
    ["a decompression bomb", () => pngBomb(), 422, "unreadable"],
    ["a ZIP", () => zip(), 415, "unsupported"],
  ] as const)("refuses %s with a clear code and stores nothing", async (_name, make, status, code) => {
    const { dealer, token } = await customerLink(`rup-bad-${code}-${status}-${_name.length}`);
    const response = await upload(token, await make());
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ status, code });
    expect(await assetCount(dealer.id)).toBe(0);
  });

  it("re-encodes a JPEG/ZIP polyglot: the hidden archive is not stored", async () => {
    const { token } = await customerLink("rup-polyglot");
    const polyglot = Buffer.concat([await phoneJpeg({ width: 64, height: 64 }), zip()]);
    const response = await upload(token, polyglot);
    expect(response.status).toBe(201);
    const { assetId } = (await response.json()) as { assetId: string };
    const asset = await db().asset.findUniqueOrThrow({ where: { id: assetId } });
    expect(readFileSync(path.join(uploadDir, asset.storageKey)).includes(ZIP_MARKER)).toBe(false);
  });

  it("refuses a file over the limit with 413 before storing anything", async () => {
    process.env.UPLOAD_MAX_IMAGE_MB = "1";
    process.env.UPLOAD_MAX_VIDEO_MB = "1";
    resetUploadLimits();
    const { dealer, token } = await customerLink("rup-large");
    const response = await upload(token, new Uint8Array(1024 * 1024 + 1));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: "too_large" });
    expect(await assetCount(dealer.id)).toBe(0);
  });

  it("refuses a cross-site post, an unknown token and a cancelled appointment's link", async () => {
    const jpeg = await phoneJpeg({ width: 32, height: 32 });
    const { dealer, token } = await customerLink("rup-guard");
    expect((await upload(token, jpeg, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await upload("A".repeat(22), jpeg)).status).toBe(404);
    expect((await upload("not a token", jpeg)).status).toBe(404);
    const cancelled = await customerLink("rup-cancelled", "CANCELLED");
    expect((await upload(cancelled.token, jpeg)).status).toBe(410);
    expect(await assetCount(dealer.id)).toBe(0);
    expect(await assetCount(cancelled.dealer.id)).toBe(0);
  });

  it("lets a remark take only this dealer's own, not yet attached uploads", async () => {
    const mine = await customerLink("rup-own-a");
    const theirs = await customerLink("rup-own-b");
    const jpeg = await phoneJpeg({ width: 32, height: 32 });
    const { assetId } = (await (await upload(theirs.token, jpeg)).json()) as { assetId: string };
    const link = { dealerId: mine.dealer.id, appointmentId: mine.appointment.id, context: { ip: null, userAgent: null } };
    await expect(addComment({ link, title: "Dent", description: "", assetIds: [assetId] })).rejects.toMatchObject({ code: "not_found" });
    expect(await db().checkInComment.count({ where: { revision: { checkIn: { appointmentId: mine.appointment.id } } } })).toBe(0);
  });
});

describe("POST /files/checkin-remark (the remark form without JavaScript)", () => {
  it("adds the remark with its photos and sends the customer back to it", async () => {
    const { dealer, appointment, token } = await customerLink("rrf-ok");
    const response = await postRemarkForm({ token, title: "Scratch on the door", description: "Rear left" }, [
      { name: "a.jpg", bytes: await phoneJpeg({ width: 64, height: 48, orientation: 6 }), type: "image/jpeg" },
      { name: "b.jpg", bytes: await phoneJpeg({ width: 32, height: 32 }), type: "image/jpeg" },
    ]);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/c/${token}#remarks`);
    const answer = await getCheckinAnswer({ dealerId: dealer.id, appointmentId: appointment.id });
    expect(answer.comments).toHaveLength(1);
    expect(answer.comments[0]).toMatchObject({ title: "Scratch on the door", description: "Rear left" });
    expect(answer.comments[0]!.attachments.map((a) => a.contentType)).toEqual(["image/webp", "image/webp"]);
  });

  it("refuses the whole remark when one file is refused, and keeps none of its files", async () => {
    const { dealer, appointment, token } = await customerLink("rrf-bad");
    const response = await postRemarkForm({ token, title: "Noise" }, [
      { name: "ok.jpg", bytes: await phoneJpeg({ width: 32, height: 32 }), type: "image/jpeg" },
      { name: "page.jpg", bytes: html, type: "image/jpeg" },
    ]);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/c/${token}?remark=unsupported#remarks`);
    expect(await assetCount(dealer.id)).toBe(0);
    expect((await getCheckinAnswer({ dealerId: dealer.id, appointmentId: appointment.id })).comments).toHaveLength(0);
  });

  it("says what is missing: no title, too many files", async () => {
    const { dealer, token } = await customerLink("rrf-rules");
    const jpeg = await phoneJpeg({ width: 16, height: 16 });
    const untitled = await postRemarkForm({ token, title: "  " }, [{ name: "a.jpg", bytes: jpeg, type: "image/jpeg" }]);
    expect(untitled.headers.get("location")).toBe(`/c/${token}?remark=title_required#remarks`);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `${i}.jpg`, bytes: jpeg, type: "image/jpeg" }));
    const tooMany = await postRemarkForm({ token, title: "Many" }, eleven);
    expect(tooMany.headers.get("location")).toBe(`/c/${token}?remark=too_many_files#remarks`);
    expect(await assetCount(dealer.id)).toBe(0);
  });

  it("sends a closed link's post to the closed page, and refuses cross-site posts", async () => {
    const cancelled = await customerLink("rrf-closed", "CANCELLED");
    const response = await postRemarkForm({ token: cancelled.token, title: "Late" }, []);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/c/${cancelled.token}/closed`);
    const crossSite = await remarkFormRoute(
      new Request(`${BASE}/files/checkin-remark`, { method: "POST", headers: { "sec-fetch-site": "cross-site" }, body: new FormData() }),
    );
    expect(crossSite.status).toBe(403);
  });
});
