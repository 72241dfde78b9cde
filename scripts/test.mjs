// `npm test`: lint, typecheck, unit + integration tests (PGlite, and PostgreSQL when TEST_DATABASE_URL
// is set), then the Playwright e2e suite in Chromium. Every step runs even if an earlier one failed;
// the last line sums up all runners as "N passed, N failed, N skipped".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const results = path.join(root, "test-results");
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const bin = (name) => path.join(root, "node_modules", ".bin", name);

const steps = [];
function step(name, command, args, extraEnv = {}) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } });
  const ok = result.status === 0;
  steps.push({ name, ok, seconds: Math.round((Date.now() - started) / 1000) });
  return ok;
}

if (!existsSync(path.join(root, "lib/db/generated/client.ts"))) step("prisma generate", process.execPath, ["scripts/prisma-generate.mjs"]);
step("lint", bin("eslint"), [".", "--max-warnings", "0"]);
step("format", bin("prettier"), ["--check", "."]);
step("typecheck", bin("tsc"), ["--noEmit"]);

const vitestRuns = [{ name: "unit + integration (PGlite)", file: "vitest-pglite.json", env: { TEST_DATABASE_URL: "" } }];
if (process.env.TEST_DATABASE_URL) vitestRuns.push({ name: "unit + integration (PostgreSQL)", file: "vitest-postgres.json", env: {} });
for (const run of vitestRuns) {
  step(run.name, bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${path.join(results, run.file)}`], run.env);
}

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`\nChromium not found at ${chromium}: install it with 'apt-get install -y chromium' (or set CHROMIUM_PATH).`);
  steps.push({ name: "e2e (Chromium missing)", ok: false, seconds: 0 });
} else {
  step("e2e (Playwright, Chromium)", bin("playwright"), ["test"]);
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const run of vitestRuns) {
  const file = path.join(results, run.file);
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}
const e2eFile = path.join(results, "e2e-report.json");
if (existsSync(e2eFile)) {
  const { stats } = JSON.parse(readFileSync(e2eFile, "utf8"));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
}
const failedSteps = steps.filter((s) => !s.ok);
// A failing step without failing tests (lint, typecheck, a runner that crashed) still counts as a failure.
failed += failedSteps.length > 0 && failed === 0 ? failedSteps.length : 0;

console.log("\n=== summary ===");
for (const s of steps) console.log(`${s.ok ? "ok  " : "FAIL"} ${s.name} (${s.seconds}s)`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
