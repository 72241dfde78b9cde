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

export async function measure(url: string, { connections, duration, warmup }: MeasureOptions, serverPid?: number): Promise<Measurement> {
  const warm = warmup > 0 ? await autocannon({ url, connections, duration: warmup }) : undefined;
  const cpuBefore = serverPid === undefined ? null : processTreeCpuMs(serverPid);
  const result = await autocannon({ url, connections, duration });
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
