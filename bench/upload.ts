// `node scripts/run-ts.mjs bench/upload.ts` (`npm run bench:upload`): what does the upload pipeline cost on
// top of sharp itself, and how much memory do ten photos at once take?
// 1. Time: a 12-megapixel JPEG (4000×3000, Gaussian noise so it does not compress to nothing, EXIF with
//    GPS and orientation) through processUpload — sniff, re-encode, thumbnail, hash, two file writes, the
//    Asset row — against a bare sharp decode-rotate-resize-encode of the same file with the same output
//    settings, in interleaved rounds (the machine is noisy); medians and their ratio (target ≤ 1.2).
//    The bare run with the thumbnail too is printed as well, to show where the difference goes.
// 2. Memory: ten uploads at once (Promise.all), in a fresh child process that runs nothing but the
//    pipeline (Node, Prisma, the database client, sharp, processUpload), RSS sampled every 10 ms; the
//    process's peak RSS is the figure (target < 400 MB), its rise over the idle baseline is printed too.
//    The headline line runs against a throwaway PostgreSQL database (as production does, the database's
//    memory being another process's) with the environment scripts/start.mjs gives the server
//    (MALLOC_ARENA_MAX=2). For comparison: the same without MALLOC_ARENA_MAX, and on in-memory PGlite,
//    whose WASM heap (~300 MB) lives in the process itself and dominates its RSS.
// PostgreSQL: BENCH_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/postgres (it creates and
// drops a gl_bench_… database). Without it the memory target cannot be judged and the bench says so.
// Results: bench/results/upload.json.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import pg from "pg";
import sharp from "sharp";
import { createDealer } from "@/lib/dealers/create-dealer";
import { db, disconnectDb } from "@/lib/db";
import { closeDatabase } from "@/lib/db/connection";
import { migrateDatabase } from "@/lib/db/migrate";
import { uploadLimits } from "@/lib/uploads/limits";
import { processUpload } from "@/lib/uploads/process-upload";
import { median, root } from "./lib";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 11);
const AT_ONCE = 10;
const MB = 1024 * 1024;
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const TARGET_PEAK_MB = 400;
const isChild = process.argv.includes("--rss-child");

/** A fresh database (in-memory PGlite, or the PostgreSQL database given) with one dealer. */
async function prepare(uploadDir: string, postgresUrl?: string): Promise<string> {
  if (postgresUrl) process.env.DATABASE_URL = postgresUrl;
  else delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = "memory://bench";
  process.env.UPLOAD_DIR = uploadDir;
  await migrateDatabase();
  const dealer = await db().$transaction((tx) =>
    createDealer(tx, {
      name: "Bench Motors",
      slug: `bench-uploads-${randomBytes(3).toString("hex")}`,
      site: {
        slug: "main",
        name: "Main",
        timeZone: "Europe/Brussels",
        addressLine: "Street 1",
        postalCode: "1000",
        city: "Brussels",
        country: "BE",
        phone: "+32 2 000 00 00",
        email: "bench@example.com",
      },
    }),
  );
  return dealer.id;
}

async function bareFull(source: Buffer): Promise<Buffer> {
  const limits = uploadLimits();
  return sharp(source, { limitInputPixels: limits.maxInputPixels })
    .rotate()
    .resize({ width: limits.longEdge, height: limits.longEdge, fit: "inside", withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
}

async function bareFullAndThumbnail(source: Buffer): Promise<void> {
  const full = await bareFull(source);
  const edge = uploadLimits().thumbnailEdge;
  await sharp(full).resize({ width: edge, height: edge, fit: "inside" }).webp({ quality: 70 }).toBuffer();
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function timing(dealerId: string, source: Buffer) {
  const variants = {
    processUpload: () => processUpload({ dealerId, bytes: source }),
    bare: () => bareFull(source),
    "bare + thumbnail": () => bareFullAndThumbnail(source),
  } as const;
  type Name = keyof typeof variants;
  const names = Object.keys(variants) as Name[];
  for (const name of names) await variants[name]();
  const runs: Record<Name, number[]> = { processUpload: [], bare: [], "bare + thumbnail": [] };
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate the order each round so no variant always runs first (or right after the slowest one).
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length]!;
      runs[name].push(await time(variants[name]));
    }
  }
  const medians = Object.fromEntries(names.map((name) => [name, median(runs[name])])) as Record<Name, number>;
  console.log(`\n[time] ${ROUNDS} interleaved rounds, medians:`);
  for (const name of names) console.log(`  ${name.padEnd(18)} ${medians[name].toFixed(0).padStart(6)} ms`);
  console.log(`  ratio processUpload / bare             ${(medians.processUpload / medians.bare).toFixed(2)}  (target ≤ 1.2)`);
  console.log(`  ratio processUpload / bare + thumbnail ${(medians.processUpload / medians["bare + thumbnail"]).toFixed(2)}`);
  return {
    rounds: ROUNDS,
    medians,
    ratio: medians.processUpload / medians.bare,
    ratioWithThumbnail: medians.processUpload / medians["bare + thumbnail"],
  };
}

/** Child: ten uploads at once, RSS sampled every 10 ms; prints one JSON line. */
async function rssChild(sourceFile: string, uploadDir: string): Promise<void> {
  const dealerId = await prepare(uploadDir, process.env.BENCH_CHILD_DATABASE_URL);
  const source = readFileSync(sourceFile);
  // Ten distinct buffers, as ten requests would hold, allocated before the baseline.
  const inputs = Array.from({ length: AT_ONCE }, () => Buffer.from(source));
  await processUpload({ dealerId, bytes: source });
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  await Promise.all(inputs.map((bytes) => processUpload({ dealerId, bytes })));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(JSON.stringify({ concurrency: sharp.concurrency(), baseline, peak, seconds }));
}

type MemoryVariant = { label: string; headline?: true; env: Record<string, string | undefined> };
type MemoryResult = { label: string; baseline: number; peak: number; rise: number; seconds: number; concurrency: number };

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A throwaway PostgreSQL database for the production-like line, or null when none is reachable. */
async function throwawayPostgres(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const name = `gl_bench_${randomBytes(5).toString("hex")}`;
  try {
    await adminQuery(`CREATE DATABASE ${name}`);
  } catch (error) {
    console.log(`  (PostgreSQL line skipped: ${error instanceof Error ? error.message : String(error)})`);
    return null;
  }
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function memory(sourceFile: string, uploadDir: string): Promise<{ results: MemoryResult[]; targetMet: boolean | null }> {
  const postgres = await throwawayPostgres();
  const variants: MemoryVariant[] = [];
  if (postgres) {
    variants.push(
      { label: "PostgreSQL, as deployed", headline: true, env: { BENCH_CHILD_DATABASE_URL: postgres.url, MALLOC_ARENA_MAX: "2" } },
      { label: "PostgreSQL, no MALLOC_ARENA_MAX", env: { BENCH_CHILD_DATABASE_URL: postgres.url, MALLOC_ARENA_MAX: undefined } },
    );
  }
  variants.push({ label: "in-memory PGlite, as deployed", env: { BENCH_CHILD_DATABASE_URL: undefined, MALLOC_ARENA_MAX: "2" } });
  console.log(`\n[memory] ${AT_ONCE} uploads at once (Promise.all), RSS sampled every 10 ms, one fresh pipeline-only process per line:`);
  const results: MemoryResult[] = [];
  let targetMet: boolean | null = null;
  try {
    for (const variant of variants) {
      const env: NodeJS.ProcessEnv = { ...process.env };
      for (const [name, value] of Object.entries(variant.env)) {
        if (value === undefined) delete env[name];
        else env[name] = value;
      }
      const args = [...process.execArgv, fileURLToPath(import.meta.url), "--rss-child", sourceFile, uploadDir];
      const child = spawnSync(process.execPath, args, { encoding: "utf8", env });
      const line = child.stdout.trim().split("\n").pop() ?? "";
      if (child.status !== 0 || !line.startsWith("{")) throw new Error(`memory child failed:\n${child.stdout}\n${child.stderr}`);
      const r = JSON.parse(line) as { concurrency: number; baseline: number; peak: number; seconds: number };
      const result = { label: variant.label, ...r, rise: r.peak - r.baseline };
      results.push(result);
      if (variant.headline) targetMet = r.peak < TARGET_PEAK_MB * MB;
      const mb = (bytes: number) => `${(bytes / MB).toFixed(0).padStart(4)} MB`;
      console.log(
        `  ${variant.label.padEnd(32)} peak ${mb(r.peak)}  (idle ${mb(r.baseline)}, rise ${mb(result.rise)})  ${r.seconds.toFixed(2)} s${variant.headline ? `  ← target peak < ${TARGET_PEAK_MB} MB` : ""}`,
      );
    }
  } finally {
    await postgres?.drop();
  }
  console.log("  idle: Node, Prisma, the database client and sharp loaded, the ten inputs held, after one warm-up upload.");
  if (targetMet === null) console.log("  (no PostgreSQL: the memory target is judged on the PostgreSQL line only)");
  else console.log(`  peak RSS with ${AT_ONCE} at once, pipeline on PostgreSQL: ${targetMet ? "met" : "NOT met"} (< ${TARGET_PEAK_MB} MB)`);
  return { results, targetMet };
}

async function main(): Promise<void> {
  if (isChild) {
    const [sourceFile = "", uploadDir = ""] = process.argv.slice(process.argv.indexOf("--rss-child") + 1);
    try {
      await rssChild(sourceFile, uploadDir);
    } finally {
      await disconnectDb();
      await closeDatabase();
    }
    return;
  }
  const work = mkdtempSync(path.join(os.tmpdir(), "gl-bench-upload-"));
  try {
    // Imported here, not at the top: the memory children must load nothing but the pipeline.
    const { phoneJpeg } = await import("@/test/files/make-files");
    const source = await phoneJpeg({ width: 4000, height: 3000, orientation: 6, noise: true });
    const sourceFile = path.join(work, "source.jpg");
    writeFileSync(sourceFile, source);
    console.log(
      `[bench] ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model ?? "unknown"}), node ${process.version}, sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}`,
    );
    console.log(`[bench] source: 4000×3000 JPEG with EXIF (GPS, orientation 6), ${(source.length / MB).toFixed(1)} MB`);
    const dealerId = await prepare(path.join(work, "uploads"));
    const time = await timing(dealerId, source);
    const rss = await memory(sourceFile, path.join(work, "uploads-rss"));
    const out = path.join(root, "bench/results/upload.json");
    mkdirSync(path.dirname(out), { recursive: true });
    const machine = { cpus: os.availableParallelism(), node: process.version, sharp: sharp.versions.sharp, vips: sharp.versions.vips };
    writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), machine, time, memory: rss }, null, 2)}\n`);
    console.log(`[bench] results written to ${path.relative(root, out)}`);
  } finally {
    await disconnectDb();
    await closeDatabase();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
