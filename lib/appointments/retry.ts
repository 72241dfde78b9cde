import "server-only";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

/** Thrown inside a transaction when a conditional update found another writer's newer version. */
export class StaleVersion extends Error {
  constructor() {
    super("stale version");
    this.name = "StaleVersion";
  }
}

// P2002: a concurrent insert of the same unique key won; P2034: write conflict or deadlock.
const RETRYABLE_PRISMA_CODES = new Set(["P2002", "P2034"]);
// The same as raw PostgreSQL codes: the PGlite adapter passes database errors through unmapped.
const RETRYABLE_SQLSTATES = new Set(["23505", "40001", "40P01"]);

function sqlState(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.name !== "DriverAdapterError") return undefined;
  const cause: unknown = error.cause;
  return cause && typeof cause === "object" && "code" in cause && typeof cause.code === "string" ? cause.code : undefined;
}

function isRetryable(error: unknown): boolean {
  if (error instanceof StaleVersion) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError) return RETRYABLE_PRISMA_CODES.has(error.code);
  return RETRYABLE_SQLSTATES.has(sqlState(error) ?? "");
}

/**
 * Runs a write in a transaction and, when it lost a race with a concurrent writer, runs it again on
 * the now-committed state — the second run sees the winner's row and replaces it or finds it equal.
 * After a few lost races the client gets a 409 rather than a 500.
 */
export async function runWithRetry<T>(work: (tx: Tx) => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db().$transaction(work, { maxWait: 10_000, timeout: 20_000 });
    } catch (error) {
      if (!isRetryable(error)) throw error;
      if (attempt >= attempts) throw new AppError("conflict", "The appointment was changed concurrently; try again.");
    }
  }
}
