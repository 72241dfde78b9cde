import "server-only";

/**
 * "Now" for domain decisions that depend on the date (check-in window, closing at the appointment day,
 * link expiry). Route handlers read it here instead of `new Date()` so that tests can pin the day:
 * `setNow(date)` in-process, or `GREENLIGHT_TEST_NOW=2026-11-20T10:00:00Z` for a whole process (an
 * e2e server). Never set in production: a frozen clock there would stop every schedule.
 */
let pinned: Date | null = null;
let warned = false;

export function now(): Date {
  if (pinned) return new Date(pinned.getTime());
  const fromEnv = process.env.GREENLIGHT_TEST_NOW;
  if (fromEnv) {
    const parsed = new Date(fromEnv);
    if (!Number.isNaN(parsed.getTime())) {
      if (process.env.NODE_ENV === "production" && !warned) {
        warned = true;
        console.warn("[greenlight] GREENLIGHT_TEST_NOW is set: the clock is frozen. Unset it in production.");
      }
      return parsed;
    }
  }
  return new Date();
}

/** Pins the clock (tests); `null` returns to the real time. */
export function setNow(date: Date | null): void {
  pinned = date ? new Date(date.getTime()) : null;
}
