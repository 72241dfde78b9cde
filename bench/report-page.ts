// `npm run bench:report`: issue 6's benchmark. A fresh embedded database gets a published report with 40
// items and 60 photos (bench/report-page-prepare.ts, before the server starts: PGlite belongs to one
// process); then the production server is load-tested on the report page (`/r/<token>`) against the static
// home page, interleaved; then the report page's scripts against minimal pages (bench/customer-js.ts), and
// the bytes a phone downloads before the first photo can paint (bench/report-weight.ts).
// Targets: req/s ≥ 60 % of the static page's, scripts ≤ 15 KB gzip over a minimal page. --compressed
// asks for compression as a browser does; BENCH_PORT (default 3200).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { measureCustomerJs, printCustomerJs } from "./customer-js";
import { assertPortFree, compareCustomerPage, requestHeaders, root, startServer, verifyPage, waitForHealth, type Server } from "./lib";
import { measureFirstPhotoInBrowser, measureReportWeight } from "./report-weight";

const port = Number(process.env.BENCH_PORT ?? 3200);
const base = `http://localhost:${port}`;
const dataDir = path.join(root, ".data/bench-report");
const options = { connections: 50, duration: 8, warmup: 3, headers: requestHeaders(process.argv) };
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

  const targets = { static: `${base}/`, page: `${base}${links.report}` };
  await verifyPage(targets.static);
  await verifyPage(targets.page, "Bench Motors");
  console.log(`[bench] report page: ${items} items, ${photos} photos`);
  console.log(
    `[bench] ${rounds} rounds, interleaved; each: ${options.warmup} s warm-up + ${options.duration} s, ${options.connections} connections`,
  );
  const load = await compareCustomerPage({ name: "report", targets, options, rounds, serverPid: server.child.pid });

  const js = await measureCustomerJs(base, { name: "report", page: links.report, closed: links.closed });
  printCustomerJs(js);

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

  const failures = load.failures;
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
