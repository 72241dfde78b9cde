// `npm run bench:js` (also the last step of `npm run bench`): how much JavaScript a phone downloads for
// the check-in page, against minimal pages of the same build. Fetches each page's HTML from the running
// production server, then every script it loads (`<script src>` and `<link rel="preload|modulepreload"
// as="script">`, deduplicated), and sums their gzip sizes (zlib level 6, as Next's own compression). The
// inline scripts (React's flight data of this one response) are reported apart: they are the page's
// data, not code, and they are already counted in the HTML's size.
// Target: the check-in page loads at most 15 KB (gzip) of scripts more than the minimal pages.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { assertPortFree, root, startServer, waitForHealth, type Server } from "./lib";

const TARGET_EXTRA_KB = 15;
const KB = 1024;

export type PageScripts = {
  url: string;
  /** Gzip bytes of the HTML document itself (with its inline scripts). */
  htmlGzip: number;
  /** Gzip bytes of the inline scripts alone (flight data). */
  inlineGzip: number;
  /** Gzip bytes of every external script, summed (each compressed on its own, as served). */
  scriptsGzip: number;
  scripts: { src: string; gzip: number }[];
};

const gzipSize = (text: string | Buffer) => gzipSync(text, { level: 6 }).length;

function scriptSources(html: string): string[] {
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) sources.add(match[1]!);
  for (const match of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = match[0];
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href && /\brel="(preload|modulepreload)"/.test(tag) && (/\bas="script"/.test(tag) || /\brel="modulepreload"/.test(tag))) {
      sources.add(href);
    }
  }
  return [...sources].map((src) => src.replace(/&amp;/g, "&"));
}

/** One page: its HTML and every script it loads, gzip sizes. */
export async function measurePageScripts(base: string, pagePath: string): Promise<PageScripts> {
  const url = `${base}${pagePath}`;
  const response = await fetch(url, { redirect: "manual" });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}, expected 200`);
  const html = await response.text();
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join("");
  const scripts = await Promise.all(
    scriptSources(html).map(async (src) => {
      const script = await fetch(new URL(src, base));
      if (script.status !== 200) throw new Error(`${src} answered ${script.status}`);
      return { src, gzip: gzipSize(Buffer.from(await script.arrayBuffer())) };
    }),
  );
  return {
    url: pagePath.replace(/\/[cr]\/[A-Za-z0-9_-]{22}/, (m) => `${m.slice(0, 3)}<token>`),
    htmlGzip: gzipSize(html),
    inlineGzip: gzipSize(inline),
    scriptsGzip: scripts.reduce((sum, s) => sum + s.gzip, 0),
    scripts,
  };
}

export type CustomerJsReport = {
  /** The measured page, as printed ("check-in", "report"). */
  name: string;
  pages: { page: PageScripts; closed: PageScripts; home: PageScripts };
  /** Extra script bytes (gzip) of the measured page over each minimal page. */
  extraOver: { closed: number; home: number };
  /** Scripts only the measured page loads, largest first. */
  onlyPage: { src: string; gzip: number }[];
  targetExtraBytes: number;
  met: boolean;
};

/**
 * A customer page (`page`: the check-in or the report) against two minimal pages of the same build: a
 * closed check-in link's page (`closed`, same layout) and the static home page.
 */
export async function measureCustomerJs(base: string, input: { name: string; page: string; closed: string }): Promise<CustomerJsReport> {
  const page = await measurePageScripts(base, input.page);
  const closed = await measurePageScripts(base, `${input.closed}/closed`);
  const home = await measurePageScripts(base, "/");
  const extraOver = { closed: page.scriptsGzip - closed.scriptsGzip, home: page.scriptsGzip - home.scriptsGzip };
  const shared = new Set([...closed.scripts, ...home.scripts].map((s) => s.src));
  const targetExtraBytes = TARGET_EXTRA_KB * KB;
  return {
    name: input.name,
    pages: { page, closed, home },
    extraOver,
    onlyPage: page.scripts.filter((s) => !shared.has(s.src)).sort((a, b) => b.gzip - a.gzip),
    targetExtraBytes,
    met: Math.max(extraOver.closed, extraOver.home) <= targetExtraBytes,
  };
}

export function printCustomerJs(report: CustomerJsReport): void {
  const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
  console.log("\n[js] scripts a browser loads per page (gzip, each file compressed on its own):");
  console.table(
    Object.fromEntries(
      Object.entries(report.pages).map(([name, page]) => [
        name === "page" ? report.name : name,
        {
          url: page.url,
          scripts: page.scripts.length,
          "scripts gzip": kb(page.scriptsGzip),
          "inline gzip": kb(page.inlineGzip),
          "HTML gzip": kb(page.htmlGzip),
        },
      ]),
    ),
  );
  for (const script of report.onlyPage) console.log(`[js]   only on the ${report.name} page: ${script.src} ${kb(script.gzip)}`);
  console.log(`${report.name} page scripts over the closed page: +${kb(report.extraOver.closed)} (target ≤ ${TARGET_EXTRA_KB} KB)`);
  console.log(`${report.name} page scripts over the home page:   +${kb(report.extraOver.home)} (target ≤ ${TARGET_EXTRA_KB} KB)`);
}

export function writeCustomerJs(report: CustomerJsReport): string {
  const out = path.join(root, "bench/results/customer-js.json");
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), ...report }, null, 2)}\n`);
  return path.relative(root, out);
}

/** The demo seed's links, from the credentials file it writes next to its data. */
export function demoLinks(dataDir: string): { checkin: string; closed: string } {
  const files = readdirSync(dataDir).filter((name) => /^demo-credentials-.*\.json$/.test(name));
  if (files.length !== 1) throw new Error(`expected one demo-credentials-*.json in ${dataDir}, found ${files.length}`);
  const credentials = JSON.parse(readFileSync(path.join(dataDir, files[0]!), "utf8")) as { links?: { checkin?: string; closed?: string } };
  const { checkin, closed } = credentials.links ?? {};
  if (!checkin?.startsWith("/c/") || !closed?.startsWith("/c/")) throw new Error(`no check-in links in ${files[0]}`);
  return { checkin, closed };
}

async function main(): Promise<number> {
  const port = Number(process.env.BENCH_PORT ?? 3200);
  const base = `http://localhost:${port}`;
  const dataDir = path.join(root, ".data/bench-js");
  await assertPortFree(port);
  rmSync(dataDir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    PGLITE_DATA_DIR: path.join(dataDir, "pglite"),
    GREENLIGHT_DEMO_DIR: dataDir,
    UPLOAD_DIR: path.join(dataDir, "uploads"),
    GREENLIGHT_DEMO: "1",
    DISPATCHER: "off",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.DATABASE_URL;
  const server: Server = startServer(env);
  try {
    await waitForHealth(`${base}/api/health`, server);
    const links = demoLinks(dataDir);
    const report = await measureCustomerJs(base, { name: "check-in", page: links.checkin, closed: links.closed });
    printCustomerJs(report);
    console.log(`[js] results written to ${writeCustomerJs(report)}`);
    return report.met ? 0 : 1;
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let code = 1;
  try {
    code = await main();
  } catch (error) {
    console.error(`[js] ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(code);
}
