// `npm run bench:report`: issue 6's benchmark. A fresh embedded database gets a published report with 40
// items and 60 photos (bench/report-page-prepare.ts, before the server starts: PGlite belongs to one
// process); then the production server is load-tested on the report page (`/r/<token>`) against the static
// home page, interleaved; then the report page's scripts against minimal pages (bench/customer-js.ts), and
// the bytes a phone downloads before the first photo can paint (bench/report-weight.ts).
// Targets: req/s ≥ 60 % of the static page's, scripts ≤ 15 KB gzip over a minimal page. BENCH_PORT
// (default 3200).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { measurePageScripts } from "./customer-js";
import { assertPortFree, measure, median, root, startServer, waitForHealth, type Measurement, type Server } from "./lib";
import { measureFirstPhotoInBrowser, measureReportWeight } from "./report-weight";

const port = Number(process.env.BENCH_PORT ?? 3200);
const base = `http://localhost:${port}`;
const dataDir = path.join(root, ".data/bench-report");
const options = { connections: 50, duration: 8, warmup: 3 };
const rounds = 2;
const KB = 1024;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "unknown", node: process.version };

let server: Server | undefined;
async function stopAndExit(code: number): Promise<never> {
  await server?.stop();
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stopAndExit(130));

const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: String(port),
  PGLITE_DATA_DIR: path.join(dataDir, "pglite"),
  GREENLIGHT_DEMO_DIR: dataDir,
  UPLOAD_DIR: path.join(dataDir, "uploads"),
  GREENLIGHT_DEMO: "0",
  // Nothing to send; the dispatcher's polling would only add noise to the CPU figures.
  DISPATCHER: "off",
  NEXT_TELEMETRY_DISABLED: "1",
};
delete env.DATABASE_URL;

async function verify(url: string, mustContain?: string): Promise<void> {
  const response = await fetch(url, { redirect: "manual" });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}, expected 200`);
  if (mustContain && !body.includes(mustContain)) throw new Error(`${url} does not contain "${mustContain}"`);
}

async function loadTest(targets: { static: string; report: string }) {
  const runs: Record<keyof typeof targets, Measurement[]> = { static: [], report: [] };
  for (let round = 1; round <= rounds; round++) {
    for (const name of ["static", "report"] as const) {
      const result = await measure(targets[name], options, server!.child.pid);
      runs[name].push(result);
      const cpu = result.cpuMsPerRequest === null ? "" : `, server CPU ${result.cpuMsPerRequest.toFixed(2)} ms/request`;
      console.log(
        `[bench] round ${round} ${name.padEnd(6)} ${result.requestsPerSec.toFixed(1)} req/s, p99 ${result.p99} ms` +
          `${cpu}, non-2xx ${result.non2xx}, errors ${result.errors}`,
      );
    }
  }
  const summary = (name: keyof typeof targets) => ({
    requestsPerSec: median(runs[name].map((run) => run.requestsPerSec)),
    p99: median(runs[name].map((run) => run.p99)),
    cpuMsPerRequest: runs[name].every((run) => run.cpuMsPerRequest !== null) ? median(runs[name].map((run) => run.cpuMsPerRequest!)) : null,
    failures: runs[name].reduce((sum, run) => sum + run.non2xx + run.errors, 0),
    runs: runs[name],
  });
  const results = { static: summary("static"), report: summary("report") };
  const ratios = {
    requestsPerSecReportOverStatic: results.report.requestsPerSec / results.static.requestsPerSec,
    p99StaticOverReport: results.static.p99 / results.report.p99,
    cpuStaticOverReport:
      results.static.cpuMsPerRequest !== null && results.report.cpuMsPerRequest
        ? results.static.cpuMsPerRequest / results.report.cpuMsPerRequest
        : null,
  };
  console.table(
    Object.fromEntries(
      (["static", "report"] as const).map((name) => [
        name,
        {
          "req/s (median)": Number(results[name].requestsPerSec.toFixed(1)),
          "p99 ms (median)": results[name].p99,
          "server CPU ms/request": results[name].cpuMsPerRequest === null ? "n/a" : Number(results[name].cpuMsPerRequest.toFixed(2)),
          "non-2xx + errors": results[name].failures,
        },
      ]),
    ),
  );
  console.log(`ratio req/s report/static: ${ratios.requestsPerSecReportOverStatic.toFixed(2)} (target ≥ 0.60)`);
  console.log(`ratio p99 static/report: ${ratios.p99StaticOverReport.toFixed(2)}`);
  if (ratios.cpuStaticOverReport !== null) {
    console.log(`ratio server CPU per request static/report: ${ratios.cpuStaticOverReport.toFixed(2)} (less sensitive to other load)`);
  }
  return { results, ratios };
}

async function customerJs(links: { report: string; closed: string }) {
  const report = await measurePageScripts(base, links.report);
  const closed = await measurePageScripts(base, `${links.closed}/closed`);
  const home = await measurePageScripts(base, "/");
  const extraOver = { closed: report.scriptsGzip - closed.scriptsGzip, home: report.scriptsGzip - home.scriptsGzip };
  const shared = new Set([...closed.scripts, ...home.scripts].map((s) => s.src));
  const onlyReport = report.scripts.filter((s) => !shared.has(s.src)).sort((a, b) => b.gzip - a.gzip);
  for (const [name, page] of Object.entries({ report, closed, home })) {
    console.log(`[js] ${name.padEnd(6)} ${page.scripts.length} scripts, ${kb(page.scriptsGzip)} gzip; HTML ${kb(page.htmlGzip)} gzip`);
  }
  for (const script of onlyReport) console.log(`[js]   only on the report page: ${script.src} ${kb(script.gzip)}`);
  console.log(`report page scripts over the closed page: +${kb(extraOver.closed)} (target ≤ 15 KB)`);
  console.log(`report page scripts over the home page:   +${kb(extraOver.home)} (target ≤ 15 KB)`);
  return { pages: { report, closed, home }, extraOver, onlyReport, met: Math.max(extraOver.closed, extraOver.home) <= 15 * KB };
}

async function main(): Promise<number> {
  console.log(`[bench] machine: ${machine.cpus} CPUs (${machine.cpuModel}), node ${machine.node}`);
  await assertPortFree(port);
  rmSync(dataDir, { recursive: true, force: true });
  const prepared = spawnSync(process.execPath, ["scripts/run-ts.mjs", "bench/report-page-prepare.ts"], {
    cwd: root,
    stdio: "inherit",
    env,
  });
  if (prepared.status !== 0) throw new Error("preparing the report failed");
  const { links, items, photos } = JSON.parse(readFileSync(path.join(dataDir, "report-bench.json"), "utf8")) as {
    links: { report: string; closed: string };
    items: number;
    photos: number;
  };
  server = startServer(env);
  await waitForHealth(`${base}/api/health`, server);

  const targets = { static: `${base}/`, report: `${base}${links.report}` };
  await verify(targets.static);
  await verify(targets.report, "Bench Motors");
  console.log(`[bench] report page: ${items} items, ${photos} photos`);
  console.log(
    `[bench] ${rounds} rounds, interleaved; each: ${options.warmup} s warm-up + ${options.duration} s, ${options.connections} connections`,
  );
  const load = await loadTest(targets);

  const js = await customerJs(links);

  const weight = await measureReportWeight(base, links.report);
  console.log(
    `[weight] HTML ${kb(weight.html.bytes)} (${kb(weight.html.sent)} sent, ${weight.encoding}; ${kb(weight.html.gzip)} gzip), ` +
      `of which flight data ${kb(weight.flight.bytes)} (${(weight.flight.shareOfHtml * 100).toFixed(0)} %, ${kb(weight.flight.gzip)} gzip)`,
  );
  console.log(
    `[weight] before the first photo: HTML ${kb(weight.beforeFirstPhoto.htmlBytes)} (${kb(weight.beforeFirstPhoto.htmlGzip)} gzip)` +
      ` + its thumbnail ${kb(weight.beforeFirstPhoto.thumbnailBytes)} = ${kb(weight.beforeFirstPhoto.totalGzip)}`,
  );
  console.log(
    `[weight] ${weight.thumbnails.count} thumbnails, ${kb(weight.thumbnails.bytes)} in all, largest ${kb(weight.thumbnails.largest)}`,
  );

  let browser: Awaited<ReturnType<typeof measureFirstPhotoInBrowser>> | { error: string };
  try {
    browser = await measureFirstPhotoInBrowser(base, links.report);
    console.log(
      `[browser] 390×844 at ${browser.network}: ${kb(browser.bytesBeforeFirstPhoto)} received before the first photo loaded ` +
        `(${browser.msToFirstPhoto} ms, ${browser.photosRequestedBefore} photo requests started by then): ` +
        Object.entries(browser.byType)
          .filter(([, bytes]) => bytes > 0)
          .map(([type, bytes]) => `${type} ${kb(bytes)}`)
          .join(", "),
    );
    console.log(
      `[browser] without scrolling: ${kb(browser.totalBytesWithoutScrolling)} in all, ${browser.photosLoadedWithoutScrolling} photos fetched`,
    );
  } catch (error) {
    browser = { error: error instanceof Error ? error.message : String(error) };
    console.error(`[browser] not measured: ${browser.error}`);
  }

  const out = path.join(root, "bench/results/report-page.json");
  mkdirSync(path.dirname(out), { recursive: true });
  const report = {
    date: new Date().toISOString(),
    machine,
    database: "pglite",
    options,
    rounds,
    items,
    photos,
    ...load,
    js,
    weight,
    browser,
  };
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`[bench] results written to ${path.relative(root, out)}`);

  const failures = load.results.static.failures + load.results.report.failures;
  if (failures > 0) console.error(`[bench] FAILED: ${failures} non-2xx responses or errors`);
  return failures > 0 ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}
await stopAndExit(code);
