// The data of `npm run bench:report`, written before the server starts (PGlite belongs to one process at
// a time): a dealer with one appointment whose published report has 40 visible items across the
// categories, each with lines, and 60 photos stored as the upload pipeline stores them (processUpload:
// phone-sized JPEGs in, WebP and a 320 px thumbnail out), plus an open REPORT link and an expired one (for
// the closed page, the minimal page of the same layout). Writes the links to `report-bench.json` in
// GREENLIGHT_DEMO_DIR. The photos are generated once and kept in .data/bench-report-photos.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { createDealer } from "@/lib/dealers/create-dealer";
import { db, disconnectDb } from "@/lib/db";
import { closeDatabase } from "@/lib/db/connection";
import type { ReportCategory } from "@/lib/db/generated/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { issueToken } from "@/lib/tokens";
import { processUpload } from "@/lib/uploads/process-upload";

export const ITEMS = 40;
export const PHOTOS = 60;
const PHOTO_SIZE = { width: 4032, height: 3024 }; // 12 MP, a phone camera's default

const root = path.resolve(import.meta.dirname, "..");
const photoDir = path.join(root, ".data/bench-report-photos");
const outDir = process.env.GREENLIGHT_DEMO_DIR ?? path.join(root, ".data/bench-report");

/** A deterministic pseudo-random sequence (mulberry32), so every run stores the same photos. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A JPEG that compresses like a photo rather than like a flat test card: smooth colour regions (a coarse
 * random field, upscaled) with sensor-like grain on top.
 */
async function photo(index: number): Promise<Buffer> {
  const file = path.join(photoDir, `photo-${index}.jpg`);
  if (existsSync(file)) return readFileSync(file);
  const next = random(index + 1);
  const coarse = { width: 63, height: 48 };
  const field = Buffer.alloc(coarse.width * coarse.height * 3);
  for (let i = 0; i < field.length; i++) field[i] = Math.floor(next() * 256);
  const pixels = await sharp(field, { raw: { ...coarse, channels: 3 } })
    .resize(PHOTO_SIZE.width, PHOTO_SIZE.height, { kernel: "cubic" })
    .raw()
    .toBuffer();
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.max(0, Math.min(255, pixels[i]! + Math.floor(next() * 24) - 12));
  const jpeg = await sharp(pixels, { raw: { ...PHOTO_SIZE, channels: 3 } })
    .jpeg({ quality: 88 })
    .toBuffer();
  mkdirSync(photoDir, { recursive: true });
  writeFileSync(file, jpeg);
  return jpeg;
}

/** 40 items: a few planned, most necessary or recommended (the ones with photos), some checked OK. */
function categoryOf(index: number): ReportCategory {
  if (index < 4) return "PLANNED";
  if (index < 18) return "NECESSARY";
  if (index < 34) return "RECOMMENDED";
  return "OK";
}

const PARTS = ["Brake pads", "Brake discs", "Wiper blades", "Air filter", "Cabin filter", "Battery", "Spark plugs", "Coolant"];

await migrateDatabase();
const dealer = await db().$transaction((tx) =>
  createDealer(tx, {
    name: "Bench Motors",
    slug: "bench-motors",
    primaryColor: "#1f4e7a",
    site: {
      slug: "main",
      name: "Bench Motors Lyon",
      timeZone: "Europe/Paris",
      addressLine: "1 rue de la République",
      postalCode: "69002",
      city: "Lyon",
      country: "FR",
      phone: "+33 4 00 00 00 01",
      email: "lyon@bench-motors.test",
    },
  }),
);

// Outside any transaction (process-upload.ts says why); two at a time, one per CPU of the bench machine.
const started = Date.now();
const assetIds: string[] = [];
for (let i = 0; i < PHOTOS; i += 2) {
  const pair = await Promise.all(
    [i, i + 1].filter((n) => n < PHOTOS).map(async (n) => (await processUpload({ dealerId: dealer.id, bytes: await photo(n) })).assetId),
  );
  assetIds.push(...pair);
}
console.log(`[prepare] ${PHOTOS} photos stored in ${((Date.now() - started) / 1000).toFixed(1)} s`);

// Photos go round-robin to the items a customer decides on (planned work and checked-OK items have none).
const withPhotos = Array.from({ length: ITEMS }, (_, i) => i).filter((i) => ["NECESSARY", "RECOMMENDED"].includes(categoryOf(i)));
const photosOf = new Map<number, string[]>();
assetIds.forEach((assetId, n) => {
  const item = withPhotos[n % withPhotos.length]!;
  photosOf.set(item, [...(photosOf.get(item) ?? []), assetId]);
});

const now = new Date();
const links = await db().$transaction(async (tx) => {
  const appointment = await tx.appointment.create({
    data: {
      dealerId: dealer.id,
      siteId: dealer.siteId,
      externalId: "BENCH-REPORT-1",
      status: "SCHEDULED",
      startsAt: new Date(now.getTime() - 3_600_000),
      vehicleMake: "Peugeot",
      vehicleModel: "308 SW",
      vehicleRegistration: "AB-123-CD",
      contacts: { create: [{ role: "DRIVER", firstName: "Camille", lastName: "Martin", email: "camille@example.com", locale: "en" }] },
    },
    select: { id: true },
  });
  const report = await tx.report.create({
    data: {
      dealerId: dealer.id,
      appointmentId: appointment.id,
      state: "SENT",
      draftVersion: 1,
      publishedVersion: 1,
      advisorName: "Sam Advisor",
      sentAt: now,
    },
    select: { id: true },
  });
  const version = await tx.reportVersion.create({
    data: { reportId: report.id, number: 1, publishedAt: now, note: "Your car is ready for its service; we found a few things." },
    select: { id: true },
  });
  for (let i = 0; i < ITEMS; i++) {
    const category = categoryOf(i);
    const part = PARTS[i % PARTS.length]!;
    await tx.reportItem.create({
      data: {
        versionId: version.id,
        key: `item-${i}`,
        category,
        title: `${part} — finding ${i + 1}`,
        description: category === "OK" ? null : `${part} measured and photographed during the inspection (finding ${i + 1}).`,
        position: i,
        lines: {
          create:
            category === "OK"
              ? []
              : [
                  { position: 0, title: part, quantityMilli: 1000 + (i % 3) * 1000, unitPriceMinor: 2490 + i * 137, vatRateBp: 2000 },
                  { position: 1, title: "Labour", quantityMilli: 500 + (i % 4) * 250, unitPriceMinor: 9500, vatRateBp: 2000 },
                ],
        },
        attachments: { create: (photosOf.get(i) ?? []).map((assetId, position) => ({ assetId, position })) },
      },
    });
  }
  const link = (expiresAt: Date) =>
    issueToken(tx, { dealerId: dealer.id, appointmentId: appointment.id, purpose: "REPORT", recipientRole: "DRIVER", expiresAt });
  const open = await link(new Date(now.getTime() + 14 * 86_400_000));
  const expired = await link(new Date(now.getTime() - 60_000));
  return { report: `/r/${open}`, closed: `/r/${expired}` };
});

mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, "report-bench.json"), `${JSON.stringify({ items: ITEMS, photos: PHOTOS, links }, null, 2)}\n`);
console.log(`[prepare] report with ${ITEMS} items and ${PHOTOS} photos; links in ${path.join(outDir, "report-bench.json")}`);
await disconnectDb();
await closeDatabase();
