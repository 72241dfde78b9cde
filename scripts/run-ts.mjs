// Runs a TypeScript entry point with tsx, outside Next.js: `server-only` resolves to an empty module
// (there is no client bundle to protect here) and the offline Prisma environment is set.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { prismaEnv } from "./prisma-env.mjs";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node scripts/run-ts.mjs <file.ts> [args…]");
  process.exit(2);
}
const child = spawn(
  process.execPath,
  ["--import", require.resolve("tsx/esm"), "--import", path.join(root, "scripts/server-only-hook.mjs"), entry, ...args],
  { stdio: "inherit", env: { ...prismaEnv(root), NODE_OPTIONS: "" } },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
