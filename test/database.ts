// Integration-test database: an in-memory PGlite by default, or a fresh PostgreSQL database (created
// from TEST_DATABASE_URL, dropped afterwards) so the same tests prove both engines.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";

export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host))
    throw new Error(`Refusing to run tests against non-local database ${host}`);
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database for this test file and points DATABASE_URL / PGLITE_DATA_DIR at it. */
export async function createTestDatabase(): Promise<{ url?: string; drop: () => Promise<void> }> {
  if (!onPostgres) {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DATA_DIR = `memory://${randomBytes(6).toString("hex")}`;
    return { drop: async () => undefined };
  }
  const base = process.env.TEST_DATABASE_URL as string;
  assertLocal(base);
  const name = `gl_test_${randomBytes(6).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  return {
    url: url.toString(),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** beforeAll/afterAll: a migrated, empty database for the file; returns nothing to remember. */
export function withMigratedDatabase(): void {
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const created = await createTestDatabase();
    drop = created.drop;
    const { migrateDatabase } = await import("@/lib/db/migrate");
    await migrateDatabase();
  });
  afterAll(async () => {
    const { disconnectDb } = await import("@/lib/db");
    const { closeDatabase } = await import("@/lib/db/connection");
    await disconnectDb();
    await closeDatabase();
    await drop?.();
  });
}
