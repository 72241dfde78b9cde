// `node scripts/run-ts.mjs bench/api-put.ts`: throughput of `PUT /api/v1/appointments/{externalId}`,
// calling the route handler in-process (no HTTP), on the embedded PGlite and — when one is reachable —
// on PostgreSQL (BENCH_DATABASE_URL, else a local server at 127.0.0.1:5432) in a throwaway database
// `gl_bench_<random>` that is dropped afterwards. Per database: COUNT creates (distinct externalIds), then
// COUNT replays of the same bodies (idempotent: no write), one at a time. Prints PUTs/s and the ratio
// replay/create; the machine is noisy, so compare ratios, not absolute figures.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { PUT } from "@/app/api/v1/appointments/[externalId]/route";
import { createApiKey } from "@/lib/api/api-keys";
import { createDealer } from "@/lib/dealers/create-dealer";
import { db, disconnectDb } from "@/lib/db";
import { closeDatabase } from "@/lib/db/connection";
import { migrateDatabase } from "@/lib/db/migrate";
import { closeRateLimitStore, reset } from "@/lib/rate-limit";

const COUNT = Number(process.env.BENCH_PUTS ?? 300);
const LOCAL_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres";

type Phase = { puts: number; seconds: number; perSecond: number };
type Result = { database: string; create: Phase; replay: Phase; ratio: number };

function body(index: number) {
  const startsAt = new Date(Date.now() + (30 + (index % 60)) * 86_400_000);
  startsAt.setUTCHours(7, 30, 0, 0);
  return JSON.stringify({
    status: "scheduled",
    serviceType: "maintenance",
    startsAt: startsAt.toISOString(),
    currency: "EUR",
    workOrderRef: `WO-${index}`,
    vehicle: { vin: "YV1UZA8VCL1234567", registration: `1-ABC-${index}`, make: "Volvo", model: "XC60", modelYear: 2021, mileageKm: 45210 },
    contacts: [
      { role: "driver", firstName: "Inès", lastName: "Dupont", email: `driver${index}@example.com`, phone: "+32470123456", language: "fr" },
      { role: "owner", firstName: "Fleet", lastName: "NV", email: `owner${index}@example.com` },
    ],
    plannedWork: [
      { code: "SRV-A", title: "Annual service", remarks: "Oil + filters", quantity: "1", unitPrice: "100.00", vatRate: "21" },
      { code: "WIP", title: "Wiper blades", quantity: "2", unitPrice: "17.75", vatRate: "21" },
      { code: "CHK", title: "Safety check", quantity: "1", unitPrice: "19.99", vatRate: "6" },
    ],
  });
}

async function putAll(key: string, expected: number): Promise<Phase> {
  const started = performance.now();
  for (let i = 0; i < COUNT; i++) {
    const externalId = `BENCH-${i}`;
    const request = new Request(`http://localhost/api/v1/appointments/${externalId}`, {
      method: "PUT",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: body(i),
    });
    const response = await PUT(request, { params: Promise.resolve({ externalId }) });
    if (response.status !== expected) throw new Error(`PUT ${externalId} answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  }
  const seconds = (performance.now() - started) / 1000;
  return { puts: COUNT, seconds, perSecond: COUNT / seconds };
}

async function run(database: string): Promise<Result> {
  await migrateDatabase();
  const dealer = await db().$transaction((tx) =>
    createDealer(tx, {
      name: "Bench Motors",
      slug: `bench-${randomBytes(3).toString("hex")}`,
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
  const { id: keyId, key } = await createApiKey(db(), { dealerId: dealer.id, name: "bench", actor: { type: "SYSTEM" } });
  // The per-key API limit (600/min) is a production guard, not what is measured here.
  const create = await putAll(key, 201);
  await reset("api", keyId);
  const replay = await putAll(key, 200);
  const versions = await db().appointment.aggregate({ where: { dealerId: dealer.id }, _max: { version: true }, _count: true });
  if (versions._count !== COUNT || versions._max.version !== 1) throw new Error("replays changed the appointments");
  return { database, create, replay, ratio: replay.perSecond / create.perSecond };
}

async function closeAll(): Promise<void> {
  await disconnectDb();
  await closeDatabase();
  await closeRateLimitStore();
}

async function withPglite(): Promise<Result> {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = `memory://bench-${randomBytes(4).toString("hex")}`;
  try {
    return await run("PGlite (in-memory)");
  } finally {
    await closeAll();
  }
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function withPostgres(base: string): Promise<Result | null> {
  const name = `gl_bench_${randomBytes(5).toString("hex")}`;
  try {
    await adminQuery(base, `CREATE DATABASE ${name}`);
  } catch (error) {
    console.log(`PostgreSQL skipped (${new URL(base).host} not usable: ${error instanceof Error ? error.message : String(error)})`);
    return null;
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  try {
    return await run(`PostgreSQL (${url.host})`);
  } finally {
    await closeAll();
    await adminQuery(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

function print(results: Result[]): void {
  console.log(`\nPUT /api/v1/appointments/{externalId}, in-process, sequential, ${COUNT} creates then ${COUNT} replays`);
  for (const r of results) {
    console.log(
      `${r.database.padEnd(34)} create ${r.create.perSecond.toFixed(1).padStart(7)} PUTs/s   ` +
        `replay ${r.replay.perSecond.toFixed(1).padStart(7)} PUTs/s   ratio replay/create ${r.ratio.toFixed(2)}`,
    );
  }
}

const results: Result[] = [await withPglite()];
const postgres = await withPostgres(process.env.BENCH_DATABASE_URL ?? LOCAL_POSTGRES);
if (postgres) results.push(postgres);
print(results);
