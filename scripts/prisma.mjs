// Runs the Prisma CLI with the offline environment (authoring only: generate, migrate diff, validate).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { prismaCliEnv } from "./prisma-env.mjs";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: "inherit", env: prismaCliEnv() });
process.exit(result.status ?? 1);
