import { createHash } from "node:crypto";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, onPostgres } from "@/test/database";
import { closeDatabase, openDatabase, withPgClient } from "@/lib/db/connection";
import { migrateDatabase, readMigrations } from "@/lib/db/migrate";

type Row = { migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null };

async function migrationRows(): Promise<Row[]> {
  const database = openDatabase();
  const sql = `SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name`;
  if (database.kind === "pglite") return (await database.pglite.query<Row>(sql)).rows;
  return withPgClient(database.url, async (c) => (await c.query<Row>(sql)).rows);
}

describe("migration applier", () => {
  let drop: () => Promise<void>;
  beforeAll(async () => {
    drop = (await createTestDatabase()).drop;
  });
  afterAll(async () => {
    await closeDatabase();
    await drop();
  });

  it("applies every migration once and records it as Prisma does", async () => {
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(await migrateDatabase()).toEqual(migrations.map((m) => m.name));
    const rows = await migrationRows();
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      const file = path.join("prisma/migrations", row.migration_name, "migration.sql");
      const { readFileSync } = await import("node:fs");
      expect(row.checksum).toBe(createHash("sha256").update(readFileSync(file)).digest("hex"));
      expect(row.checksum).toBe(migrations[i]?.checksum);
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at).not.toBeNull();
    }
  });

  it("does nothing the second time", async () => {
    expect(await migrateDatabase()).toEqual([]);
    expect((await migrationRows()).length).toBe(readMigrations().length);
  });

  it("applies a new migration after the existing ones, and rolls back a failing one", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gl-migrations-"));
    const existing = readMigrations();
    for (const m of existing) {
      mkdirSync(path.join(dir, m.name));
      writeFileSync(path.join(dir, m.name, "migration.sql"), m.sql);
    }
    mkdirSync(path.join(dir, "29990101000000_add_note"));
    writeFileSync(path.join(dir, "29990101000000_add_note", "migration.sql"), `ALTER TABLE "Dealer" ADD COLUMN "note" TEXT;`);
    expect(await migrateDatabase(readMigrations(dir))).toEqual(["29990101000000_add_note"]);

    mkdirSync(path.join(dir, "29990102000000_broken"));
    writeFileSync(
      path.join(dir, "29990102000000_broken", "migration.sql"),
      `ALTER TABLE "Dealer" ADD COLUMN "x" TEXT; SELECT no_such_function();`,
    );
    await expect(migrateDatabase(readMigrations(dir))).rejects.toThrow(/29990102000000_broken failed/);
    const database = openDatabase();
    const columns = `SELECT column_name FROM information_schema.columns WHERE table_name = 'Dealer' AND column_name = 'x'`;
    const found =
      database.kind === "pglite"
        ? (await database.pglite.query(columns)).rows
        : await withPgClient(database.url, async (c) => (await c.query(columns)).rows);
    expect(found).toEqual([]);
    // A failed migration blocks the next start with a clear message instead of half-applying again.
    await expect(migrateDatabase(readMigrations(dir))).rejects.toThrow(/failed earlier/);
  });
});

describe.runIf(onPostgres)("migration applier on PostgreSQL, several instances at once", () => {
  let drop: () => Promise<void>;
  beforeAll(async () => {
    await closeDatabase();
    drop = (await createTestDatabase()).drop;
  });
  afterAll(async () => {
    await closeDatabase();
    await drop();
  });

  it("applies each migration exactly once under the advisory lock", async () => {
    const results = await Promise.all([migrateDatabase(), migrateDatabase(), migrateDatabase()]);
    const applied = results.flat();
    expect(applied.sort()).toEqual(
      readMigrations()
        .map((m) => m.name)
        .sort(),
    );
    expect((await migrationRows()).length).toBe(readMigrations().length);
  });
});
