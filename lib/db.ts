import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/db/generated/client";
import { openDatabase } from "@/lib/db/connection";

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
        : new PrismaPGlite(database.pglite);
    holder[key] = new PrismaClient({ adapter });
  }
  return holder[key];
}

export async function disconnectDb(): Promise<void> {
  const holder = globalThis as Holder;
  const client = holder[key];
  holder[key] = undefined;
  if (client) await client.$disconnect();
}

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
