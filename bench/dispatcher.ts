// `node scripts/run-ts.mjs bench/dispatcher.ts`: does the dispatcher's cost follow the number of due rows
// rather than the size of the outbox? It times claim-and-send — the real dispatchOnce with a channel that
// returns at once, so what is measured is the database work: claimDue, then marking each row SENT — of
// 1,000 due rows among 10,000 rows in all and among 1,000,000, and claimDue alone, then prints medians,
// their ratio (target ≈ 1) and the claim's plan on the big table.
// Each size lives in its own throwaway PostgreSQL database (gl_bench_<random>_<size>, created and dropped
// here, on BENCH_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/postgres) so that rounds can
// alternate between them: the machine is noisy, and alternation spreads the noise over both sides.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { db, disconnectDb } from "@/lib/db";
import { closeDatabase } from "@/lib/db/connection";
import { migrateDatabase } from "@/lib/db/migrate";
import { claimDue, dispatchOnce } from "@/lib/notify/dispatcher";
import type { Channel } from "@/lib/notify/types";
import { median } from "./lib";

const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DUE = 1_000;
const SIZES: readonly number[] = [10_000, 1_000_000];
const ROUNDS = 5;
const MODES = ["claim-and-send", "claim only"] as const;
type Mode = (typeof MODES)[number];

const noop: Channel = async () => ({ providerMessageId: null });
const channels = { EMAIL: noop, SMS: noop, WEBHOOK: noop };

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Points the process's one Prisma client at another database. */
async function switchTo(url: string): Promise<void> {
  await disconnectDb();
  await closeDatabase();
  process.env.DATABASE_URL = url;
}

const vacuum = () => db().$executeRawUnsafe(`VACUUM (ANALYZE) "Notification"`);

/**
 * The rows that are not due: 99 % sent history over the past year, 1 % queued for the coming month (in
 * the claim's partial index, but after every due row). One INSERT … SELECT, so filling a million rows
 * takes seconds, not the client's time.
 */
async function addHistory(dealerId: string, count: number): Promise<void> {
  await db().$executeRawUnsafe(
    `INSERT INTO "Notification" ("id", "dealerId", "kind", "channel", "status", "recipient", "bodyText", "payload",
                                 "dueAt", "attempts", "sentAt", "createdAt")
     SELECT gen_random_uuid()::text, $1, 'WEBHOOK'::"NotificationKind", 'WEBHOOK'::"NotificationChannel",
            (CASE WHEN g % 100 = 0 THEN 'QUEUED' ELSE 'SENT' END)::"NotificationStatus",
            'https://dms.example.com/hooks', '', '{"id":"history"}'::jsonb,
            CASE WHEN g % 100 = 0 THEN utc + (1 + g % 43200) * interval '1 minute' ELSE utc - (g % 525600) * interval '1 minute' END,
            CASE WHEN g % 100 = 0 THEN 0 ELSE 1 END,
            CASE WHEN g % 100 = 0 THEN NULL ELSE utc - (g % 525600) * interval '1 minute' END,
            utc - (g % 525600) * interval '1 minute'
       FROM generate_series(1, $2::int) AS g, (SELECT now() AT TIME ZONE 'UTC' AS utc) AS t`,
    dealerId,
    count,
  );
}

/** Queued rows due within the past hour, tagged so the round can delete them afterwards. */
async function addDue(dealerId: string, tag: string, count: number): Promise<void> {
  await db().$executeRawUnsafe(
    `INSERT INTO "Notification" ("id", "dealerId", "kind", "channel", "status", "recipient", "bodyText", "payload", "dueAt")
     SELECT gen_random_uuid()::text, $1, 'WEBHOOK'::"NotificationKind", 'WEBHOOK'::"NotificationChannel", 'QUEUED'::"NotificationStatus",
            $2, '', '{"id":"due"}'::jsonb, (now() AT TIME ZONE 'UTC') - (g * interval '3 seconds')
       FROM generate_series(1, $3::int) AS g`,
    dealerId,
    tag,
    count,
  );
}

type Round = { ms: number; batchMs: number; rows: number };

/** Until nothing is due: the real dispatcher round (claim, no-op send, mark SENT), or claimDue alone. */
async function drain(mode: Mode): Promise<Round> {
  const batches: number[] = [];
  let rows = 0;
  const started = performance.now();
  for (;;) {
    const batchStarted = performance.now();
    const done =
      mode === "claim-and-send"
        ? (await dispatchOnce({ workerId: "bench", channels, batchSize: 25 })).sent
        : (await claimDue({ workerId: "bench", limit: 25, leaseMs: 600_000, now: new Date() })).length;
    if (done === 0) break;
    batches.push(performance.now() - batchStarted);
    rows += done;
  }
  return { ms: performance.now() - started, batchMs: batches.length ? median(batches) : 0, rows };
}

/** One timed round on fresh due rows, after an untimed warm-up (a fresh pool, cold plans). */
async function round(dealerId: string, mode: Mode): Promise<Round> {
  await addDue(dealerId, "bench-warm-up", 100);
  await drain(mode);
  await addDue(dealerId, "bench-due", DUE);
  // Dead index entries left by earlier rounds would count against this one; autovacuum may lag behind.
  await vacuum();
  const result = await drain(mode);
  if (result.rows !== DUE) throw new Error(`${mode}: ${result.rows} of ${DUE} rows`);
  await db().notification.deleteMany({ where: { recipient: { in: ["bench-warm-up", "bench-due"] } } });
  return result;
}

async function explainClaim(dealerId: string): Promise<string> {
  await addDue(dealerId, "bench-due", DUE);
  await vacuum();
  // The inner SELECT of claimDue (lib/notify/dispatcher.ts), as it runs there.
  const plan = await db().$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
     SELECT "id" FROM "Notification"
      WHERE "status" IN ('QUEUED', 'SENDING') AND "dueAt" <= $1
        AND ("status" = 'QUEUED' OR "leaseUntil" < $1)
      ORDER BY "dueAt"
      LIMIT 25
      FOR UPDATE SKIP LOCKED`,
    new Date(),
  );
  await db().notification.deleteMany({ where: { recipient: "bench-due" } });
  return plan.map((row) => row["QUERY PLAN"]).join("\n");
}

type Database = { size: number; name: string; url: string; dealerId: string };

async function createDatabase(prefix: string, size: number): Promise<Database> {
  const name = `${prefix}_${size}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  await admin(`CREATE DATABASE ${name}`);
  await switchTo(url.toString());
  await migrateDatabase();
  const { id: dealerId } = await db().dealer.create({ data: { slug: "bench", name: "Bench Motors" }, select: { id: true } });
  const started = performance.now();
  await addHistory(dealerId, size - DUE);
  await vacuum();
  console.log(`${size.toLocaleString("en")} rows (with the due ones) in ${name}: ${Math.round(performance.now() - started)} ms to fill`);
  return { size, name, url: url.toString(), dealerId };
}

function report(mode: Mode, results: Map<number, Round[]>): void {
  console.log(`\n${mode} of ${DUE.toLocaleString("en")} due rows, batches of 25, median of ${ROUNDS} rounds:`);
  const [small, big] = SIZES.map((size) => {
    const rounds = results.get(size) ?? [];
    const ms = median(rounds.map((r) => r.ms));
    const batchMs = median(rounds.map((r) => r.batchMs));
    console.log(
      `  among ${size.toLocaleString("en").padStart(9)} rows: ${ms.toFixed(0).padStart(5)} ms  (${Math.round((DUE / ms) * 1000)} rows/s,` +
        ` median batch ${batchMs.toFixed(2)} ms; rounds ${rounds.map((r) => r.ms.toFixed(0)).join(" ")})`,
    );
    return { ms, batchMs };
  }) as [{ ms: number; batchMs: number }, { ms: number; batchMs: number }];
  console.log(`  ratio 1,000,000 / 10,000: ${(big.ms / small.ms).toFixed(2)} (median batch ${(big.batchMs / small.batchMs).toFixed(2)})`);
}

async function main(): Promise<void> {
  const prefix = `gl_bench_${randomBytes(6).toString("hex")}`;
  const databases: Database[] = [];
  try {
    for (const size of SIZES) databases.push(await createDatabase(prefix, size));
    const results = new Map(MODES.map((mode) => [mode, new Map(SIZES.map((size) => [size, [] as Round[]]))]));
    for (let i = 0; i < ROUNDS; i++) {
      for (const database of i % 2 === 0 ? databases : [...databases].reverse()) {
        await switchTo(database.url);
        for (const mode of MODES)
          results
            .get(mode)
            ?.get(database.size)
            ?.push(await round(database.dealerId, mode));
      }
    }
    for (const mode of MODES) report(mode, results.get(mode) ?? new Map());
    const big = databases[databases.length - 1] as Database;
    await switchTo(big.url);
    console.log(
      `\nEXPLAIN ANALYZE of the claim's inner SELECT among ${big.size.toLocaleString("en")} rows:\n${await explainClaim(big.dealerId)}`,
    );
  } finally {
    await disconnectDb().catch(() => undefined);
    await closeDatabase();
    for (const { name } of databases) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

await main();
