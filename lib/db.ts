import "server-only";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/db/generated/client";
import { openDatabase, type Database } from "@/lib/db/connection";

/** One Prisma client per process, on globalThis so hot reloads and the custom server share it. */
const key = Symbol.for("greenlight.prisma");
type Holder = { [key]?: PrismaClient };

export function db(): PrismaClient {
  const holder = globalThis as Holder;
  if (!holder[key]) {
    const database = openDatabase();
    const adapter =
      database.kind === "postgres"
        ? new PrismaPg({ connectionString: database.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) })
        : embeddedAdapter(database);
    holder[key] = new PrismaClient({ adapter });
  }
  return holder[key];
}

/**
 * Loaded only for the embedded database, like PGlite itself (lib/db/connection.ts): the adapter loads
 * PGlite's module, ~40 MB of RSS a PostgreSQL deployment does not need. Both are loaded with `require`,
 * so the adapter's `instanceof` checks see the same PGlite classes as the instance it is given.
 */
function embeddedAdapter(database: Extract<Database, { kind: "pglite" }>) {
  const { PrismaPGlite } = createRequire(import.meta.url)("pglite-prisma-adapter") as typeof import("pglite-prisma-adapter");
  return new PrismaPGlite(database.pglite);
}

export async function disconnectDb(): Promise<void> {
  const holder = globalThis as Holder;
  const client = holder[key];
  holder[key] = undefined;
  if (client) await client.$disconnect();
}

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
