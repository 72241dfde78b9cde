// `npm start`: builds when the sources changed since the last build, then runs scripts/server.ts.
// `npm run dev` (--dev): the same server in development mode, no build.
import { spawnSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
// MALLOC_ARENA_MAX: glibc gives each thread (sharp's libvips workers, libuv's pool) its own malloc arena
// and rarely returns their pages; two arenas keep the RSS of photo uploads bounded (bench/upload.ts,
// sharp's own advice). An operator's own value wins.
const env = {
  MALLOC_ARENA_MAX: "2",
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: dev ? "development" : "production",
};

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync(path.join(root, "lib/db/generated/client.ts"))) run(["scripts/prisma-generate.mjs"]);

const inputs = [
  "app",
  "components",
  "lib",
  "messages",
  "i18n",
  "public",
  "proxy.ts",
  "next.config.mjs",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];
function fingerprint() {
  const hash = createHash("sha256");
  const visit = (p) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!name.endsWith(".test.ts")) visit(path.join(p, name));
    } else hash.update(`${path.relative(root, p)}:${stat.size}:${stat.mtimeMs}\n`);
  };
  for (const input of inputs) visit(path.join(root, input));
  return hash.digest("hex");
}

if (!dev) {
  const marker = path.join(root, ".next", "greenlight-fingerprint");
  const current = fingerprint();
  const built = existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(marker) && readFileSync(marker, "utf8") === current;
  if (!built) {
    console.log("[greenlight] building the app (first start or sources changed)…");
    run([path.join(root, "node_modules/next/dist/bin/next"), "build"]);
    writeFileSync(marker, current);
  }
}

const child = spawn(process.execPath, ["scripts/run-ts.mjs", "scripts/server.ts", ...(dev ? ["--dev"] : [])], {
  cwd: root,
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
