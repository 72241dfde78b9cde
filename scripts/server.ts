// The production (and dev) server: applies migrations, seeds the demo when asked, then serves Next.js
// from this one process — PGlite belongs to exactly one process, and it is closed cleanly on exit.
import { createServer } from "node:http";
import compression from "compression";
import next from "next";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "localhost";
process.env.APP_URL ??= `http://localhost:${port}`;

const { env } = await import("@/lib/env");
const { migrateDatabase } = await import("@/lib/db/migrate");
const { closeDatabase, databaseConfig } = await import("@/lib/db/connection");
const { disconnectDb } = await import("@/lib/db");

const config = env();
const database = databaseConfig();
console.log(
  `[greenlight] database: ${database.kind === "pglite" ? `embedded PGlite at ${database.dataDir}` : "PostgreSQL (DATABASE_URL)"}`,
);
const applied = await migrateDatabase();
if (applied.length) console.log(`[greenlight] applied migrations: ${applied.join(", ")}`);

let banner = "";
if (config.GREENLIGHT_DEMO) {
  const { seedDemo, describeDemo } = await import("@/lib/dealers/seed-demo");
  banner = describeDemo(await seedDemo(), config.APP_URL);
}

// The outbox dispatcher runs in this process unless separate workers do the sending (DISPATCHER=off).
let dispatcher: { stop: () => Promise<void> } | undefined;
if (process.env.DISPATCHER !== "off") {
  const { startDispatcher } = await import("@/lib/notify/dispatcher");
  const { defaultChannels } = await import("@/lib/notify/channels");
  dispatcher = startDispatcher({
    workerId: `web-${process.pid}`,
    channels: defaultChannels(),
    intervalMs: Number(process.env.DISPATCH_INTERVAL_MS ?? 2000),
  });
}

const { customerPageRequest, serveCustomerPage } = await import("@/lib/page-cache/cached-pages");
const { setPageStoreBudget } = await import("@/lib/page-cache/page-store");
// Rendered customer pages are kept in memory while current (lib/page-cache); not in development, where
// the code under them changes.
setPageStoreBudget(dev ? 0 : config.PAGE_CACHE_MB * 2 ** 20);

const app = next({ dev, dir: process.cwd(), hostname, port });
await app.prepare();
const handle = app.getRequestHandler();
// Compression here rather than in Next (`compress: false`): the page cache sits between the two, so it
// copies the page as rendered and its stored pages are compressed like any other response.
const compress = compression();
const server = createServer((req, res) => {
  // compression works on plain Node requests and responses; its types are Express's.
  compress(req as never, res as never, () => {
    const page = customerPageRequest(req);
    if (page) void serveCustomerPage(req, res, page, () => handle(req, res));
    else void handle(req, res);
  });
});
// Slow clients (weak connections) must not hold sockets forever.
server.headersTimeout = 20_000;
server.requestTimeout = 120_000;

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[greenlight] ${signal}: shutting down`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await dispatcher?.stop();
  await disconnectDb().catch(() => undefined);
  await closeDatabase();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

server.listen(port, hostname, () => {
  console.log(`[greenlight] ready on ${config.APP_URL} (${dev ? "development" : "production"})`);
  if (banner) console.log(banner);
});
