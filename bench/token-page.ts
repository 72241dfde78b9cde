// `npm run bench`: builds and starts the production server on a fresh demo database, then load-tests the
// customer check-in token page against the static home page of the same app, interleaved in one run (the
// machine is noisy), and prints the medians and their ratios; then the check-in page's scripts against
// minimal pages (bench/customer-js.ts). Options: --compressed asks for compression as a browser does;
// --postgres uses DATABASE_URL (a local PostgreSQL) instead of a fresh embedded PGlite; BENCH_PORT
// (default 3200).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { demoLinks, measureCustomerJs, printCustomerJs, writeCustomerJs } from "./customer-js";
import { assertPortFree, compareCustomerPage, requestHeaders, root, startServer, verifyPage, waitForHealth, type Server } from "./lib";

const port = Number(process.env.BENCH_PORT ?? 3200);
const base = `http://localhost:${port}`;
const dataDir = path.join(root, ".data/bench");
const postgres = process.argv.includes("--postgres");
const options = { connections: 50, duration: 8, warmup: 3, headers: requestHeaders(process.argv) };
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

async function main(): Promise<number> {
  console.log(`[bench] machine: ${machine.cpus} CPUs (${machine.cpuModel}), node ${machine.node}, ${machine.platform}`);
  await assertPortFree(port);
  rmSync(dataDir, { recursive: true, force: true });
  server = startServer(serverEnv());
  await waitForHealth(`${base}/api/health`, server);

  const links = demoLinks(dataDir);
  const targets = { static: `${base}/`, page: `${base}${links.checkin}` };
  await verifyPage(targets.static);
  await verifyPage(targets.page, "Demo Motors");
  console.log(`[bench] static: ${targets.static}\n[bench] token:  ${targets.page}`);
  console.log(
    `[bench] ${rounds} rounds, interleaved; each: ${options.warmup} s warm-up + ${options.duration} s, ${options.connections} connections`,
  );
  console.log(`\nmachine: ${machine.cpus} CPUs, node ${machine.node} (noisy: compare the ratios, not the absolute figures)`);
  const { repeatViews, firstViews, failures } = await compareCustomerPage({
    name: "token",
    targets,
    options,
    rounds,
    serverPid: server.child.pid,
  });

  const out = path.join(root, "bench/results/token-page.json");
  mkdirSync(path.dirname(out), { recursive: true });
  const report = {
    date: new Date().toISOString(),
    machine,
    database: postgres ? "postgres" : "pglite",
    options,
    rounds,
    repeatViews,
    firstViews,
  };
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`[bench] results written to ${path.relative(root, out)}`);

  // The scripts the check-in page makes a phone download, from the same server (bench/customer-js.ts).
  const js = await measureCustomerJs(base, { name: "check-in", page: links.checkin, closed: links.closed });
  printCustomerJs(js);
  console.log(`[bench] results written to ${writeCustomerJs(js)}`);

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
