import "server-only";
import { Redis } from "ioredis";
import pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * Named limiters behind one call, `consume(name, key)`. Where the counts live:
 * - `REDIS_URL` set → Redis (shared by every instance);
 * - `RATE_LIMIT_STORE=postgres` with a postgres `DATABASE_URL` → a table in that database (shared
 *   without running Redis; it wins over REDIS_URL when asked for explicitly);
 * - otherwise (or `RATE_LIMIT_STORE=memory`) → this process's memory: right for one instance.
 * A shared store that is down falls back to memory for the moment rather than failing requests.
 */
const limits = {
  signIn: { keyPrefix: "sign-in", points: 5, duration: 15 * 60 },
  signInIp: { keyPrefix: "sign-in-ip", points: 50, duration: 15 * 60 },
  customerAction: { keyPrefix: "customer", points: 120, duration: 60 },
  /** Per link: each photo costs ~0.5 s of CPU; 100 files in 15 minutes is ten full remarks. */
  customerUpload: { keyPrefix: "customer-upload", points: 100, duration: 15 * 60 },
  api: { keyPrefix: "api", points: 600, duration: 60 },
  /** Per staff member: a test of a previewed message goes to their own inbox; ten in ten minutes is plenty. */
  previewTest: { keyPrefix: "preview-test", points: 10, duration: 10 * 60 },
} as const;

export type LimiterName = keyof typeof limits;

/** The table the PostgreSQL store keeps its counters in (created on first use, outside Prisma's schema). */
export const RATE_LIMIT_TABLE = "rate_limits";

const storeEnvSchema = z.object({
  RATE_LIMIT_STORE: z.enum(["memory", "postgres", "redis"]).optional(),
  DATABASE_URL: z.string().optional(),
  REDIS_URL: z.string().min(1).optional(),
});

type StoreKind = "memory" | "postgres" | "redis";

export function rateLimitStoreKind(environment: Record<string, string | undefined> = process.env): StoreKind {
  const parsed = storeEnvSchema.safeParse(environment);
  if (!parsed.success) {
    console.warn("[rate-limit] RATE_LIMIT_STORE must be memory, postgres or redis; using memory.");
    return "memory";
  }
  const { RATE_LIMIT_STORE: wanted, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl } = parsed.data;
  const postgres = Boolean(databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl));
  if (wanted === "memory") return "memory";
  if (wanted === "postgres") {
    if (postgres) return "postgres";
    console.warn("[rate-limit] RATE_LIMIT_STORE=postgres needs a postgres DATABASE_URL; using memory.");
    return "memory";
  }
  if (redisUrl) return "redis";
  if (wanted === "redis") console.warn("[rate-limit] RATE_LIMIT_STORE=redis needs REDIS_URL; using memory.");
  return "memory";
}

type Store = {
  kind: StoreKind;
  /** The pg Pool or the ioredis client the store's limiters share. */
  client: pg.Pool | Redis | null;
  limiters: Map<LimiterName, Promise<RateLimiterAbstract>>;
  close: () => Promise<void>;
};

const holderKey = Symbol.for("greenlight.rate-limit");
type Holder = { [holderKey]?: Store };

function memoryLimiter(name: LimiterName) {
  return new RateLimiterMemory(limits[name]);
}

function openStore(): Store {
  const kind = rateLimitStoreKind();
  const limiters = new Map<LimiterName, Promise<RateLimiterAbstract>>();
  if (kind === "postgres") {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
    // An idle connection dropped by the server must not crash the process; the insurance takes over.
    pool.on("error", (error) => console.warn("[rate-limit] PostgreSQL connection error:", error.message));
    return { kind, client: pool, limiters, close: () => pool.end() };
  }
  if (kind === "redis") {
    const client = new Redis(process.env.REDIS_URL as string, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    // ioredis reconnects on its own and reports every failed attempt: say it once per outage.
    let down = false;
    client.on("error", (error: Error) => {
      if (!down) console.warn("[rate-limit] Redis unavailable, counting in memory meanwhile:", error.message);
      down = true;
    });
    client.on("ready", () => (down = false));
    return { kind, client, limiters, close: async () => client.disconnect() };
  }
  return { kind, client: null, limiters, close: async () => undefined };
}

function store(): Store {
  const holder = globalThis as Holder;
  holder[holderKey] ??= openStore();
  return holder[holderKey];
}

async function createLimiter(current: Store, name: LimiterName): Promise<RateLimiterAbstract> {
  if (current.kind === "memory") return memoryLimiter(name);
  const options = { ...limits[name], insuranceLimiter: memoryLimiter(name), storeClient: current.client };
  if (current.kind === "redis") return new RateLimiterRedis({ ...options, rejectIfRedisNotReady: true });
  // The table is created asynchronously; until it exists the memory insurance answers.
  return new Promise((resolve) => {
    const limiter: RateLimiterPostgres = new RateLimiterPostgres(
      { ...options, storeType: "pool", tableName: RATE_LIMIT_TABLE },
      (error) => {
        if (error) console.warn("[rate-limit] could not create the rate-limit table; counting in memory:", error.message);
        resolve(limiter);
      },
    );
  });
}

function limiter(name: LimiterName): Promise<RateLimiterAbstract> {
  const current = store();
  let found = current.limiters.get(name);
  if (!found) {
    found = createLimiter(current, name);
    current.limiters.set(name, found);
  }
  return found;
}

/** Spends one point; throws AppError("rate_limited") with the wait in seconds when none are left. */
export async function consume(name: LimiterName, key: string): Promise<void> {
  try {
    await (await limiter(name)).consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      throw new AppError("rate_limited", undefined, { retryAfterSeconds: error.msBeforeNext / 1000 });
    }
    // The store and its insurance both failed: let the request through rather than fail it.
    console.warn("[rate-limit] limiter failed; request allowed:", error instanceof Error ? error.message : error);
  }
}

export async function reset(name: LimiterName, key: string): Promise<void> {
  await (await limiter(name)).delete(key);
}

/** Closes the shared store's connections (tests, scripts, shutdown); the next call opens it again. */
export async function closeRateLimitStore(): Promise<void> {
  const holder = globalThis as Holder;
  const current = holder[holderKey];
  holder[holderKey] = undefined;
  await current?.close();
}
