import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { openDatabase, withPgClient } from "@/lib/db/connection";

/**
 * Applies prisma/migrations/* in order and records each in `_prisma_migrations` exactly as Prisma Migrate
 * does (checksum = SHA-256 of migration.sql), so `prisma migrate status` agrees. The Prisma CLI cannot
 * apply migrations here (no engines offline; prisma/orm#27403 on adapter-pg), hence this small applier.
 */

/** Prisma Migrate's own advisory-lock key, so this applier and the CLI exclude each other. */
const ADVISORY_LOCK_KEY = 72707369;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type Migration = { name: string; sql: string; checksum: string };

/** The interface both databases offer the applier: multi-statement exec and parameterised queries. */
export type SqlSession = {
  exec(sql: string): Promise<void>;
  query<R>(sql: string, params?: unknown[]): Promise<R[]>;
};

export function migrationsDir(): string {
  return path.resolve(process.env.GREENLIGHT_MIGRATIONS_DIR ?? "prisma/migrations");
}

export function readMigrations(dir = migrationsDir()): Migration[] {
  if (!existsSync(dir)) throw new Error(`No migrations directory at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

/** Applies pending migrations on an open session. Returns the names applied. */
export async function applyMigrations(session: SqlSession, migrations: Migration[]): Promise<string[]> {
  await session.exec(CREATE_TABLE);
  const rows = await session.query<AppliedRow>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`);
  const done = new Map(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => [r.migration_name, r]));
  const failed = rows.find((r) => !r.finished_at && !r.rolled_back_at);
  if (failed) {
    throw new Error(`Migration ${failed.migration_name} failed earlier; resolve it before starting again.`);
  }
  const applied: string[] = [];
  for (const migration of migrations) {
    const previous = done.get(migration.name);
    if (previous) {
      if (previous.checksum !== migration.checksum) {
        console.warn(`[greenlight] migration ${migration.name} was edited after it was applied (checksum differs).`);
      }
      continue;
    }
    const id = randomUUID();
    await session.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
      [id, migration.checksum, migration.name],
    );
    try {
      await session.exec(`BEGIN;\n${migration.sql}\n;COMMIT;`);
    } catch (error) {
      await session.exec("ROLLBACK").catch(() => undefined);
      await session.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, String(error)]);
      throw new Error(`Migration ${migration.name} failed: ${String(error)}`, { cause: error });
    }
    await session.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    applied.push(migration.name);
  }
  return applied;
}

/** Migrates the configured database: PGlite directly, PostgreSQL under Prisma's advisory lock. */
export async function migrateDatabase(migrations = readMigrations()): Promise<string[]> {
  const database = openDatabase();
  if (database.kind === "pglite") {
    const { pglite } = database;
    return applyMigrations(
      {
        exec: async (sql) => {
          await pglite.exec(sql);
        },
        query: async <R>(sql: string, params?: unknown[]) => (await pglite.query<R>(sql, params)).rows,
      },
      migrations,
    );
  }
  return withPgClient(database.url, async (client) => {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    try {
      return await applyMigrations(
        {
          exec: async (sql) => {
            await client.query(sql);
          },
          query: async <R>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[],
        },
        migrations,
      );
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]);
    }
  });
}
