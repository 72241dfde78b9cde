// `npm run worker`: an outbox dispatcher as its own process (run several on PostgreSQL; they share
// the work through SKIP LOCKED claims). Set DISPATCHER=off on the web instances when you do.
import { hostname } from "node:os";
import { disconnectDb } from "@/lib/db";
import { closeDatabase, databaseConfig } from "@/lib/db/connection";
import { migrateDatabase } from "@/lib/db/migrate";
import { defaultChannels } from "@/lib/notify/channels";
import { startDispatcher } from "@/lib/notify/dispatcher";

if (databaseConfig().kind === "pglite") {
  console.error(
    "The embedded database belongs to the server process, which dispatches by itself. Run workers with DATABASE_URL (PostgreSQL).",
  );
  process.exit(2);
}
await migrateDatabase();
const workerId = `worker-${hostname()}-${process.pid}`;
const dispatcher = startDispatcher({ workerId, channels: defaultChannels(), intervalMs: Number(process.env.DISPATCH_INTERVAL_MS ?? 2000) });
console.log(`[greenlight] ${workerId} dispatching`);

async function stop(signal: string) {
  console.log(`[greenlight] ${signal}: stopping ${workerId} after the current batch`);
  await dispatcher.stop();
  await disconnectDb();
  await closeDatabase();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
