import "server-only";
import { z } from "zod";

/**
 * Every environment variable the app reads, parsed once. Unset values fall back to the demo defaults so
 * `npm start` on a fresh machine needs no configuration.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** postgres(ql):// → PostgreSQL; unset → embedded PGlite in PGLITE_DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional(),
  PGLITE_DATA_DIR: z.string().default(".data/pglite"),
  /** Public base URL used in links sent to customers. */
  APP_URL: z.url().default("http://localhost:3000"),
  /** Secret for session cookies and signed file URLs; at least 32 characters in production. */
  SESSION_SECRET: z.string().min(32).default("greenlight-demo-secret-change-me-in-production"),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Greenlight <no-reply@greenlight.local>"),
  REDIS_URL: z.string().optional(),
  UPLOAD_DIR: z.string().default(".data/uploads"),
  /** Seed and print the demo dealer at start. */
  GREENLIGHT_DEMO: z
    .enum(["0", "1", "true", "false"])
    .default("1")
    .transform((v) => v === "1" || v === "true"),
  /** Memory for rendered customer pages (lib/page-cache); 0 renders every request. */
  PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
      throw new Error(`Invalid environment:\n${lines}`);
    }
    if (parsed.data.NODE_ENV === "production" && parsed.data.SESSION_SECRET.startsWith("greenlight-demo")) {
      console.warn("[greenlight] SESSION_SECRET is the demo default; set your own in production.");
    }
    cached = parsed.data;
  }
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}
