// `npm run bench`: builds and starts the production server on a fresh demo database, then load-tests the
// customer check-in token page against the static home page of the same app, interleaved in one run (the
// machine is noisy), and prints the medians and their ratios; then the check-in page's scripts against
// minimal pages (bench/customer-js.ts). Options: --postgres uses DATABASE_URL (a
// local PostgreSQL) instead of a fresh embedded PGlite; BENCH_PORT (default 3200).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { demoLinks, measureCustomerJs, printCustomerJs, writeCustomerJs } from "./customer-js";
import { assertPortFree, measure, median, root, startServer, waitForHealth, type Measurement, type Server } from "./lib";

const port = Number(process.env.BENCH_PORT ?? 3200);
const base = `http://localhost:${port}`;
const dataDir = path.join(root, ".data/bench");
const postgres = process.argv.includes("--postgres");
const options = { connections: 50, duration: 8, warmup: 3 };
const rounds = 2;

const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? "unknown",
  node: process.version,
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
};

let server: Server | undefined;
async function stopAndExit(code: number): Promise<never> {
  await server?.stop();
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stopAndExit(130));

function serverEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    PGLITE_DATA_DIR: path.join(dataDir, "pglite"),
    GREENLIGHT_DEMO_DIR: dataDir,
    UPLOAD_DIR: path.join(dataDir, "uploads"),
    GREENLIGHT_DEMO: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (!postgres) delete env.DATABASE_URL;
  else if (!env.DATABASE_URL || !["localhost", "127.0.0.1", "[::1]"].includes(new URL(env.DATABASE_URL).hostname)) {
    throw new Error("--postgres needs DATABASE_URL pointing at a local PostgreSQL");
  }
  return env;
}

async function verify(url: string, mustContain?: string): Promise<void> {
  const response = await fetch(url, { redirect: "manual" });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}, expected 200`);
  if (mustContain && !body.includes(mustContain)) throw new Error(`${url} does not contain "${mustContain}"`);
}

async function main(): Promise<number> {
  console.log(`[bench] machine: ${machine.cpus} CPUs (${machine.cpuModel}), node ${machine.node}, ${machine.platform}`);
  await assertPortFree(port);
  rmSync(dataDir, { recursive: true, force: true });
  server = startServer(serverEnv());
  await waitForHealth(`${base}/api/health`, server);

  const links = demoLinks(dataDir);
  const targets = { static: `${base}/`, token: `${base}${links.checkin}` };
  await verify(targets.static);
  await verify(targets.token, "Demo Motors");
  console.log(`[bench] static: ${targets.static}\n[bench] token:  ${targets.token}`);
  console.log(
    `[bench] ${rounds} rounds, interleaved; each: ${options.warmup} s warm-up + ${options.duration} s, ${options.connections} connections`,
  );

  const runs: Record<keyof typeof targets, Measurement[]> = { static: [], token: [] };
  for (let round = 1; round <= rounds; round++) {
    for (const name of ["static", "token"] as const) {
      const result = await measure(targets[name], options, server.child.pid);
      runs[name].push(result);
      const cpu = result.cpuMsPerRequest === null ? "" : `, server CPU ${result.cpuMsPerRequest.toFixed(2)} ms/request`;
      console.log(
        `[bench] round ${round} ${name.padEnd(6)} ${result.requestsPerSec.toFixed(1)} req/s, p99 ${result.p99} ms` +
          `${cpu}, non-2xx ${result.non2xx}, errors ${result.errors}`,
      );
    }
  }

  const summary = (name: keyof typeof targets) => ({
    url: targets[name].replace(/\/c\/.+$/, "/c/<token>"),
    requestsPerSec: median(runs[name].map((run) => run.requestsPerSec)),
    p99: median(runs[name].map((run) => run.p99)),
    cpuMsPerRequest: runs[name].every((run) => run.cpuMsPerRequest !== null) ? median(runs[name].map((run) => run.cpuMsPerRequest!)) : null,
    non2xx: runs[name].reduce((sum, run) => sum + run.non2xx, 0),
    errors: runs[name].reduce((sum, run) => sum + run.errors, 0),
    runs: runs[name],
  });
  const results = { static: summary("static"), token: summary("token") };
  const ratios = {
    requestsPerSecTokenOverStatic: results.token.requestsPerSec / results.static.requestsPerSec,
    p99StaticOverToken: results.static.p99 / results.token.p99,
    /** Server CPU per request, static over token: what req/s would be on an otherwise idle server. */
    cpuStaticOverToken:
      results.static.cpuMsPerRequest !== null && results.token.cpuMsPerRequest
        ? results.static.cpuMsPerRequest / results.token.cpuMsPerRequest
        : null,
  };

  console.log(`\nmachine: ${machine.cpus} CPUs, node ${machine.node} (noisy: compare the ratios, not the absolute figures)`);
  console.table(
    Object.fromEntries(
      (["static", "token"] as const).map((name) => [
        name,
        {
          "req/s (median)": Number(results[name].requestsPerSec.toFixed(1)),
          "p99 ms (median)": results[name].p99,
          "server CPU ms/request": results[name].cpuMsPerRequest === null ? "n/a" : Number(results[name].cpuMsPerRequest.toFixed(2)),
          non2xx: results[name].non2xx,
          errors: results[name].errors,
        },
      ]),
    ),
  );
  console.log(`ratio req/s token/static: ${ratios.requestsPerSecTokenOverStatic.toFixed(2)}`);
  console.log(`ratio p99 static/token: ${ratios.p99StaticOverToken.toFixed(2)}`);
  if (ratios.cpuStaticOverToken !== null) {
    console.log(`ratio server CPU per request static/token: ${ratios.cpuStaticOverToken.toFixed(2)} (less sensitive to other load)`);
  }

  const out = path.join(root, "bench/results/token-page.json");
  mkdirSync(path.dirname(out), { recursive: true });
  const report = { date: new Date().toISOString(), machine, database: postgres ? "postgres" : "pglite", options, rounds, results, ratios };
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`[bench] results written to ${path.relative(root, out)}`);

  // The scripts the check-in page makes a phone download, from the same server (bench/customer-js.ts).
  const js = await measureCustomerJs(base, links);
  printCustomerJs(js);
  console.log(`[bench] results written to ${writeCustomerJs(js)}`);

  const failures = results.static.non2xx + results.static.errors + results.token.non2xx + results.token.errors;
  if (failures > 0) console.error(`[bench] FAILED: ${failures} non-2xx responses or errors`);
  return failures > 0 ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
}
await stopAndExit(code);
