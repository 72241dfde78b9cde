// Starts the app for the e2e run on a fresh embedded database: wipes .data/e2e, adds a second dealer
// (to prove tenant isolation), then runs `npm start` with the demo seed. Refuses a non-local database.
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startMailCatcher } from "./mail-catcher.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = path.join(root, ".data/e2e");
if (process.env.DATABASE_URL) {
  const host = new URL(process.env.DATABASE_URL).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    console.error(`e2e refuses to run against the non-local database ${host}`);
    process.exit(1);
  }
}
rmSync(dataDir, { recursive: true, force: true });
// Customers' e-mails go to a real SMTP server on loopback; tests read them from .data/e2e/mail.
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 2000);
const mailCatcher = await startMailCatcher(path.join(dataDir, "mail"), smtpPort);
const env = {
  ...process.env,
  PORT: process.env.E2E_PORT ?? "3100",
  PGLITE_DATA_DIR: path.join(dataDir, "pglite"),
  UPLOAD_DIR: path.join(dataDir, "uploads"),
  GREENLIGHT_DEMO_DIR: dataDir,
  GREENLIGHT_DEMO: "1",
  NEXT_TELEMETRY_DISABLED: "1",
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
};
delete env.DATABASE_URL;

const prepared = spawnSync(process.execPath, ["scripts/run-ts.mjs", "e2e/prepare.ts"], { cwd: root, stdio: "inherit", env });
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

const server = spawn(process.execPath, ["scripts/start.mjs"], { cwd: root, stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => mailCatcher.close(() => process.exit(code ?? 0)));
