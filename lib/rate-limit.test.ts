import { afterAll, afterEach, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { onPostgres, withMigratedDatabase } from "@/test/database";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { closeRateLimitStore, consume, rateLimitStoreKind, reset, RATE_LIMIT_TABLE } from "@/lib/rate-limit";

withMigratedDatabase();

const saved = { store: process.env.RATE_LIMIT_STORE, redis: process.env.REDIS_URL };
afterEach(async () => {
  await closeRateLimitStore();
  process.env.RATE_LIMIT_STORE = saved.store;
  if (saved.store === undefined) delete process.env.RATE_LIMIT_STORE;
  process.env.REDIS_URL = saved.redis;
  if (saved.redis === undefined) delete process.env.REDIS_URL;
});
afterAll(() => closeRateLimitStore());

/** Spends the sign-in budget (5 points) and returns the error of the sixth attempt. */
async function exhaustSignIn(key: string): Promise<AppError> {
  for (let i = 0; i < 5; i++) await consume("signIn", key);
  const error = await consume("signIn", key).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("rateLimitStoreKind", () => {
  const pgUrl = "postgresql://u@127.0.0.1:5432/db";
  it("picks Redis when REDIS_URL is set, PostgreSQL only when asked and possible, memory otherwise", () => {
    const quiet = console.warn;
    console.warn = () => undefined;
    try {
      expect(rateLimitStoreKind({})).toBe("memory");
      expect(rateLimitStoreKind({ DATABASE_URL: pgUrl })).toBe("memory");
      expect(rateLimitStoreKind({ REDIS_URL: "redis://127.0.0.1:6379" })).toBe("redis");
      expect(rateLimitStoreKind({ RATE_LIMIT_STORE: "postgres", DATABASE_URL: pgUrl })).toBe("postgres");
      expect(rateLimitStoreKind({ RATE_LIMIT_STORE: "postgres", DATABASE_URL: pgUrl, REDIS_URL: "redis://x" })).toBe("postgres");
      expect(rateLimitStoreKind({ RATE_LIMIT_STORE: "postgres" })).toBe("memory");
      expect(rateLimitStoreKind({ RATE_LIMIT_STORE: "memory", REDIS_URL: "redis://x" })).toBe("memory");
      expect(rateLimitStoreKind({ RATE_LIMIT_STORE: "redis" })).toBe("memory");
      expect(rateLimitStoreKind({ RATE_LIMIT_STORE: "carrier-pigeon" })).toBe("memory");
    } finally {
      console.warn = quiet;
    }
  });
});

describe("memory store", () => {
  it("refuses the point after the budget with the wait in seconds; reset gives it back", async () => {
    const error = await exhaustSignIn("memory-user");
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    await reset("signIn", "memory-user");
    await expect(consume("signIn", "memory-user")).resolves.toBeUndefined();
  });
});

describe.runIf(onPostgres)("PostgreSQL store (RATE_LIMIT_STORE=postgres)", () => {
  it("counts in a shared table, so a second instance (a fresh store) sees the points spent by the first", async () => {
    process.env.RATE_LIMIT_STORE = "postgres";
    await consume("signIn", "pg-user");
    await consume("signIn", "pg-user");
    await closeRateLimitStore(); // as if another instance
    for (let i = 0; i < 3; i++) await consume("signIn", "pg-user");
    await expect(consume("signIn", "pg-user")).rejects.toMatchObject({ code: "rate_limited" });
    const rows = await db().$queryRawUnsafe<{ points: number }[]>(`SELECT points FROM "${RATE_LIMIT_TABLE}" WHERE key = 'sign-in:pg-user'`);
    expect(rows[0]?.points).toBeGreaterThanOrEqual(6);
    await reset("signIn", "pg-user");
    await expect(consume("signIn", "pg-user")).resolves.toBeUndefined();
  });
});

// Needs a Redis server: TEST_REDIS_URL=redis://127.0.0.1:6390 (the test's keys are removed after).
describe.runIf(Boolean(process.env.TEST_REDIS_URL))("Redis store (REDIS_URL)", () => {
  /** Until the store's connection is ready, the memory insurance counts: wait for Redis to be used. */
  async function untilRedisCounts(probe: Redis): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt++) {
      await consume("customerAction", "readiness-probe");
      if (await probe.exists("customer:readiness-probe")) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error("the Redis store never became ready");
  }

  it("counts in Redis, shared between stores", async () => {
    process.env.REDIS_URL = process.env.TEST_REDIS_URL;
    const probe = new Redis(process.env.TEST_REDIS_URL as string);
    const user = `redis-user-${Date.now()}`;
    try {
      await untilRedisCounts(probe);
      await consume("signIn", user);
      await consume("signIn", user);
      expect(Number(await probe.get(`sign-in:${user}`))).toBe(2);
      await closeRateLimitStore(); // as if another instance
      await probe.del("customer:readiness-probe");
      await untilRedisCounts(probe);
      for (let i = 0; i < 3; i++) await consume("signIn", user);
      await expect(consume("signIn", user)).rejects.toMatchObject({ code: "rate_limited" });
    } finally {
      await probe.del(`sign-in:${user}`, "customer:readiness-probe");
      probe.disconnect();
    }
  });
});

describe("a shared store that is down", () => {
  it("falls back to counting in memory instead of failing requests", async () => {
    process.env.REDIS_URL = "redis://127.0.0.1:1";
    const quiet = console.warn;
    console.warn = () => undefined;
    try {
      const error = await exhaustSignIn("offline-user");
      expect(error.code).toBe("rate_limited");
    } finally {
      console.warn = quiet;
    }
  });
});
