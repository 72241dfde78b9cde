// Minimal types for the part of autocannon's programmatic API the benchmarks use (the package ships none).
declare module "autocannon" {
  interface Options {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Seconds before a request counts as timed out (it then counts as an error). */
    timeout?: number;
    headers?: Record<string, string>;
  }

  interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p99: number;
  }

  interface Result {
    url: string;
    connections: number;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    "2xx": number;
    /** Per-second samples of completed requests. */
    requests: Histogram;
    /** Milliseconds, 2xx responses only. */
    latency: Histogram;
  }

  /** Without a callback, the returned tracker is also a thenable for the result. */
  function autocannon(options: Options): PromiseLike<Result>;
  export default autocannon;
}
