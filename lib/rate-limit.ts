import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors";

/**
 * Named limiters. In memory by default (one instance); the shared PostgreSQL/Redis store for several
 * instances arrives with the messaging/API work (issue 4).
 */
const limiters = {
  signIn: new RateLimiterMemory({ keyPrefix: "sign-in", points: 5, duration: 15 * 60 }),
  signInIp: new RateLimiterMemory({ keyPrefix: "sign-in-ip", points: 50, duration: 15 * 60 }),
  customerAction: new RateLimiterMemory({ keyPrefix: "customer", points: 120, duration: 60 }),
  api: new RateLimiterMemory({ keyPrefix: "api", points: 600, duration: 60 }),
} as const;

export type LimiterName = keyof typeof limiters;

/** Spends one point; throws AppError("rate_limited") with the wait in seconds when none are left. */
export async function consume(name: LimiterName, key: string): Promise<void> {
  try {
    await limiters[name].consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      throw new AppError("rate_limited", undefined, { retryAfterSeconds: error.msBeforeNext / 1000 });
    }
    throw error;
  }
}

export async function reset(name: LimiterName, key: string): Promise<void> {
  await limiters[name].delete(key);
}
