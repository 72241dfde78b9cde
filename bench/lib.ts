// Shared helpers for the benchmarks: start/stop the production server, wait for it, load-test a URL.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface Server {
  readonly child: ChildProcess;
  /** Resolves when the server process has exited. */
  readonly exited: Promise<void>;
  /** SIGTERM, then waits for the exit (the server closes its embedded database); SIGKILL after 20 s. */
  stop(): Promise<void>;
}

/** Fails when something already listens on the port (we would benchmark someone else's server). */
export async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () => reject(new Error(`port ${port} is already in use`)));
    probe.listen(port, "localhost", () => probe.close(() => resolve()));
  });
}

/**
 * `node scripts/start.mjs` (builds when the sources changed, then runs the production server) in its own
 * process group, so that stopping it also stops a build in progress.
 */
export function startServer(env: NodeJS.ProcessEnv): Server {
  const child = spawn(process.execPath, ["scripts/start.mjs"], { cwd: root, env, stdio: "inherit", detached: true });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup("SIGTERM");
      const timer = setTimeout(() => signalGroup("SIGKILL"), 20_000);
      await exited;
      clearTimeout(timer);
    })();
    return stopping;
  };
  return { child, exited, stop };
}

/** Polls `url` until it answers 200; fails if the server exits first or after `timeoutMs`. */
export async function waitForHealth(url: string, server: Server, timeoutMs = 10 * 60_000): Promise<void> {
  let exited = false;
  void server.exited.then(() => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the server exited before ${url} answered`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
}

export interface MeasureOptions {
  connections: number;
  /** Seconds measured. */
  duration: number;
  /** Seconds of load before measuring, not counted in the figures (but its failures are). */
  warmup: number;
  /** Sent with every request (`--compressed`: the Accept-Encoding of a browser). */
  headers?: Record<string, string>;
}

/** `--compressed` on a benchmark's command line: every request asks for compression, as a browser does. */
export function requestHeaders(argv: readonly string[]): Record<string, string> | undefined {
  return argv.includes("--compressed") ? { "accept-encoding": "gzip, deflate, br" } : undefined;
}

export interface Measurement {
  requestsPerSec: number;
  /**
   * CPU time (user + system) the server's processes spent per request in the measured window, in ms;
   * null where it cannot be read (no /proc). Unlike req/s it hardly depends on what else the machine
   * runs, so it shows whether a change in req/s is the page's or the machine's.
   */
  cpuMsPerRequest: number | null;
  /** Milliseconds. */
  p99: number;
  /** Non-2xx responses, warm-up included. */
  non2xx: number;
  /** Connection errors and timeouts, warm-up included. */
  errors: number;
}

export async function measure(
  url: string,
  { connections, duration, warmup, headers }: MeasureOptions,
  serverPid?: number,
): Promise<Measurement> {
  const warm = warmup > 0 ? await autocannon({ url, connections, duration: warmup, headers }) : undefined;
  const cpuBefore = serverPid === undefined ? null : processTreeCpuMs(serverPid);
  const result = await autocannon({ url, connections, duration, headers });
  const cpuAfter = serverPid === undefined ? null : processTreeCpuMs(serverPid);
  return {
    requestsPerSec: result.requests.average,
    cpuMsPerRequest:
      cpuBefore !== null && cpuAfter !== null && result.requests.total > 0 ? (cpuAfter - cpuBefore) / result.requests.total : null,
    p99: result.latency.p99,
    non2xx: result.non2xx + (warm?.non2xx ?? 0),
    errors: result.errors + (warm?.errors ?? 0),
  };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

let clockTicksPerSecond: number | undefined;

/** CPU time (user + system, ms) used so far by a process and all its descendants; null without /proc. */
export function processTreeCpuMs(rootPid: number): number | null {
  if (!existsSync("/proc/self/stat")) return null;
  clockTicksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // After "(comm)": state ppid … utime (14th field of the line) stime (15th).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const pid = Number(name);
    const parent = Number(fields[1]);
    children.set(parent, [...(children.get(parent) ?? []), pid]);
    ticks.set(pid, Number(fields[11]) + Number(fields[12]));
  }
  let total = 0;
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    total += ticks.get(pid) ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return (total * 1000) / clockTicksPerSecond;
}

/** Fails unless `url` answers 200 (and contains `mustContain`): a benchmark of an error page measures nothing. */
export async function verifyPage(url: string, mustContain?: string): Promise<void> {
  const response = await fetch(url, { redirect: "manual" });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}, expected 200`);
  if (mustContain && !body.includes(mustContain)) throw new Error(`${url} does not contain "${mustContain}"`);
}

/**
 * Fails unless `url` is served from the page cache once rendered (lib/page-cache): the benchmark of
 * repeat views must measure what a customer's second look costs, and `?render` what a first one does.
 */
export async function verifyPageCache(url: string): Promise<void> {
  const answers: (string | null)[] = [];
  for (const target of [url, url, `${url}?render`]) {
    const response = await fetch(target, { redirect: "manual" });
    await response.arrayBuffer();
    answers.push(response.headers.get("x-page-cache"));
  }
  if (answers[1] !== "hit" || answers[2] !== null) {
    throw new Error(`${url}: expected a cache hit on the second view and a render with ?render, got ${answers.join(", ")}`);
  }
}

export type PageSummary = {
  url: string;
  requestsPerSec: number;
  p99: number;
  cpuMsPerRequest: number | null;
  non2xx: number;
  errors: number;
  runs: Measurement[];
};

export type PageComparison = {
  results: { static: PageSummary; page: PageSummary };
  ratios: {
    requestsPerSecPageOverStatic: number;
    p99StaticOverPage: number;
    /** Server CPU per request, static over page: what req/s would be on an otherwise idle server. */
    cpuStaticOverPage: number | null;
  };
  failures: number;
};

/**
 * A dynamic page against the static page of the same build, interleaved round by round (the machine is
 * noisy), medians of the rounds; prints each round, a table and the ratios. `name` labels the page
 * ("token", "report"); `url` in the results hides the link's token.
 */
export async function comparePages(input: {
  name: string;
  targets: { static: string; page: string };
  options: MeasureOptions;
  rounds: number;
  serverPid?: number;
  target?: string;
}): Promise<PageComparison> {
  const { name, targets, options, rounds, serverPid } = input;
  const labels = { static: "static", page: name } as const;
  const runs: Record<"static" | "page", Measurement[]> = { static: [], page: [] };
  for (let round = 1; round <= rounds; round++) {
    for (const which of ["static", "page"] as const) {
      const result = await measure(targets[which], options, serverPid);
      runs[which].push(result);
      const cpu = result.cpuMsPerRequest === null ? "" : `, server CPU ${result.cpuMsPerRequest.toFixed(2)} ms/request`;
      console.log(
        `[bench] round ${round} ${labels[which].padEnd(6)} ${result.requestsPerSec.toFixed(1)} req/s, p99 ${result.p99} ms` +
          `${cpu}, non-2xx ${result.non2xx}, errors ${result.errors}`,
      );
    }
  }
  const summary = (which: "static" | "page"): PageSummary => ({
    url: targets[which].replace(/\/([cr])\/[A-Za-z0-9_-]{22}/, "/$1/<token>"),
    requestsPerSec: median(runs[which].map((run) => run.requestsPerSec)),
    p99: median(runs[which].map((run) => run.p99)),
    cpuMsPerRequest: runs[which].every((run) => run.cpuMsPerRequest !== null)
      ? median(runs[which].map((run) => run.cpuMsPerRequest!))
      : null,
    non2xx: runs[which].reduce((sum, run) => sum + run.non2xx, 0),
    errors: runs[which].reduce((sum, run) => sum + run.errors, 0),
    runs: runs[which],
  });
  const results = { static: summary("static"), page: summary("page") };
  const ratios = {
    requestsPerSecPageOverStatic: results.page.requestsPerSec / results.static.requestsPerSec,
    p99StaticOverPage: results.static.p99 / results.page.p99,
    cpuStaticOverPage:
      results.static.cpuMsPerRequest !== null && results.page.cpuMsPerRequest
        ? results.static.cpuMsPerRequest / results.page.cpuMsPerRequest
        : null,
  };
  console.table(
    Object.fromEntries(
      (["static", "page"] as const).map((which) => [
        labels[which],
        {
          "req/s (median)": Number(results[which].requestsPerSec.toFixed(1)),
          "p99 ms (median)": results[which].p99,
          "server CPU ms/request": results[which].cpuMsPerRequest === null ? "n/a" : Number(results[which].cpuMsPerRequest.toFixed(2)),
          non2xx: results[which].non2xx,
          errors: results[which].errors,
        },
      ]),
    ),
  );
  const target = input.target ? ` (target ${input.target})` : "";
  console.log(`ratio req/s ${name}/static: ${ratios.requestsPerSecPageOverStatic.toFixed(2)}${target}`);
  console.log(`ratio p99 static/${name}: ${ratios.p99StaticOverPage.toFixed(2)}`);
  if (ratios.cpuStaticOverPage !== null) {
    console.log(`ratio server CPU per request static/${name}: ${ratios.cpuStaticOverPage.toFixed(2)} (less sensitive to other load)`);
  }
  const failures = results.static.non2xx + results.static.errors + results.page.non2xx + results.page.errors;
  return { results, ratios, failures };
}

/**
 * A customer page against the static page, twice: repeat views of one link (served from the page cache
 * while nothing it shows changed: the target) and first views (`?render` bypasses the cache, as any
 * query does, so every request renders: what a link costs the first time, or after every change).
 */
export async function compareCustomerPage(input: {
  name: string;
  targets: { static: string; page: string };
  options: MeasureOptions;
  rounds: number;
  serverPid?: number;
}): Promise<{ repeatViews: PageComparison; firstViews: PageComparison; failures: number }> {
  await verifyPageCache(input.targets.page);
  console.log(`\n[bench] repeat views of one link (page cache)`);
  const repeatViews = await comparePages({ ...input, target: "≥ 0.60" });
  console.log(`\n[bench] first views (every request renders: ?render)`);
  const firstViews = await comparePages({
    ...input,
    name: `${input.name}-render`,
    targets: { static: input.targets.static, page: `${input.targets.page}?render` },
  });
  return { repeatViews, firstViews, failures: repeatViews.failures + firstViews.failures };
}
