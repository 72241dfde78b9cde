// The Prisma CLI insists on native engine paths even when the JS engine is used; offline they cannot be
// downloaded, so point both variables at an existing placeholder file (see DEVELOPERS notes in README).
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";

/** Environment for app scripts. */
export function prismaEnv(root = process.cwd()) {
  const dummy = path.join(root, "node_modules", ".cache", "greenlight", "no-engine");
  if (!existsSync(dummy)) {
    mkdirSync(path.dirname(dummy), { recursive: true });
    writeFileSync(dummy, "");
  }
  return {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? dummy,
    PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? dummy,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

/** Environment for the Prisma CLI, whose schema needs a postgres-looking DATABASE_URL even for PGlite. */
export function prismaCliEnv(root = process.cwd()) {
  return { ...prismaEnv(root), DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/greenlight_author" };
}
