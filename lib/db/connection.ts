import "server-only";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/**
 * The raw database underneath Prisma: the embedded PGlite instance or a PostgreSQL URL. PGlite is owned
 * by exactly one process and kept on globalThis so the custom server, Next's bundled server code and
 * scripts in one process share it.
 */
export type Database = { kind: "pglite"; pglite: PGlite; dataDir: string } | { kind: "postgres"; url: string };

const key = Symbol.for("greenlight.database");
type Holder = { [key]?: Database };

export function databaseConfig(): { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string } {
  const url = process.env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  const dir = process.env.PGLITE_DATA_DIR ?? ".data/pglite";
  // memory:// is PGlite's in-memory database (tests); anything else is a directory.
  return { kind: "pglite", dataDir: dir.startsWith("memory://") ? dir : path.resolve(/*turbopackIgnore: true*/ dir) };
}

/**
 * PGlite's module is loaded only when the embedded database is opened: loading it alone adds ~40 MB to
 * the process's RSS, which a PostgreSQL deployment (and every worker) would otherwise carry for nothing.
 * With `require`, as lib/db.ts loads the Prisma adapter, so both see the same (CommonJS) PGlite classes.
 */
function embeddedDatabase(dataDir: string): PGlite {
  const { PGlite: EmbeddedPostgres } = createRequire(import.meta.url)("@electric-sql/pglite") as typeof import("@electric-sql/pglite");
  return new EmbeddedPostgres(dataDir);
}

export function openDatabase(): Database {
  const holder = globalThis as Holder;
  if (!holder[key]) {
    const config = databaseConfig();
    if (config.kind === "postgres") {
      holder[key] = config;
    } else if (config.dataDir.startsWith("memory://")) {
      holder[key] = { kind: "pglite", pglite: embeddedDatabase(config.dataDir), dataDir: config.dataDir };
    } else {
      mkdirSync(path.dirname(config.dataDir), { recursive: true });
      lockDataDir(config.dataDir);
      // PGlite queues queries until it is ready, so the instance can be handed out at once.
      holder[key] = { kind: "pglite", pglite: embeddedDatabase(config.dataDir), dataDir: config.dataDir };
    }
  }
  return holder[key];
}

/** Closes PGlite cleanly (it must be closed for its data dir to stay consistent). */
export async function closeDatabase(): Promise<void> {
  const holder = globalThis as Holder;
  const database = holder[key];
  if (!database) return;
  holder[key] = undefined;
  if (database.kind === "pglite") {
    if (!database.pglite.closed) await database.pglite.close();
    if (!database.dataDir.startsWith("memory://")) rmSync(`${database.dataDir}.lock`, { force: true });
  }
}

/**
 * PGlite has no lock between processes and two writers corrupt its data dir, so the owner writes its
 * pid next to it; another process (say `npm run admin` while the server runs) is refused clearly.
 */
function lockDataDir(dataDir: string): void {
  const lockFile = `${dataDir}.lock`;
  try {
    writeFileSync(lockFile, String(process.pid), { flag: "wx" });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const owner = Number(readFileSync(lockFile, "utf8"));
  if (owner && owner !== process.pid && isAlive(owner)) {
    throw new Error(
      `The embedded database at ${dataDir} is in use by process ${owner} (is Greenlight running?). Stop it first, or use DATABASE_URL with PostgreSQL.`,
    );
  }
  writeFileSync(lockFile, String(process.pid));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A short-lived pg client for work that needs one session (migrations under an advisory lock). */
export async function withPgClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
