import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/**
 * The raw database underneath Prisma: the embedded PGlite instance or a PostgreSQL URL. PGlite is owned
 * by exactly one process and kept on globalThis so the custom server, Next's bundled server code and
 * scripts in one process share it.
 */
export type Database =
  | { kind: "pglite"; pglite: PGlite; dataDir: string }
  | { kind: "postgres"; url: string };

const key = Symbol.for("greenlight.database");
type Holder = { [key]?: Database };

export function databaseConfig(): { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string } {
  const url = process.env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  return { kind: "pglite", dataDir: path.resolve(process.env.PGLITE_DATA_DIR ?? ".data/pglite") };
}

export function openDatabase(): Database {
  const holder = globalThis as Holder;
  if (!holder[key]) {
    const config = databaseConfig();
    if (config.kind === "postgres") {
      holder[key] = config;
    } else {
      mkdirSync(path.dirname(config.dataDir), { recursive: true });
      // PGlite queues queries until it is ready, so the instance can be handed out at once.
      holder[key] = { kind: "pglite", pglite: new PGlite(config.dataDir), dataDir: config.dataDir };
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
  if (database.kind === "pglite" && !database.pglite.closed) await database.pglite.close();
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
