// Used only to author migrations with the Prisma CLI (`migrate diff` / `migrate dev --create-only`)
// against a throwaway PostgreSQL database; the app applies migrations itself (lib/db/migrate.ts).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" });
  },
});
