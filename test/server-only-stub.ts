// Outside Next.js (vitest, CLI scripts) the `server-only` guard has nothing to guard against.
export {};
