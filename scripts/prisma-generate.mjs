// Generates the Prisma client into lib/db/generated. Dependency install scripts do not run here, so
// this is the project's own postinstall step.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { prismaCliEnv } from "./prisma-env.mjs";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate", "--no-hints"], {
  stdio: "inherit",
  env: prismaCliEnv(),
});
process.exit(result.status ?? 1);
