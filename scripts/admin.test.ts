// The operator CLI as a self-hoster runs it: a real `node scripts/run-ts.mjs scripts/admin.ts …` process
// against its own embedded database in a temporary directory. What it prints is then checked against
// the database itself, opened in this process once the CLI processes have exited.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
const SLOW = 60_000;

let tmp: string;
let dataDir: string;
let childEnv: NodeJS.ProcessEnv;
let opened = false;

type Run = { status: number | null; stdout: string; stderr: string };

function admin(...args: string[]): Run {
  const result = spawnSync(process.execPath, ["scripts/run-ts.mjs", "scripts/admin.ts", ...args], {
    cwd: root,
    env: childEnv,
    encoding: "utf8",
    timeout: 50_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json(run: Run): Record<string, unknown> {
  try {
    return JSON.parse(run.stdout) as Record<string, unknown>;
  } catch {
    throw new Error(`stdout is not JSON (exit ${String(run.status)}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}

const dealerArgs = (slug: string, timeZone = "Europe/Brussels") => [
  "create-dealer",
  "--name",
  "CLI Motors",
  "--slug",
  slug,
  "--time-zone",
  timeZone,
  "--site-name",
  "CLI Motors Gent",
  "--site-slug",
  "gent",
  "--address",
  "Kouter 1",
  "--postal-code",
  "9000",
  "--city",
  "Gent",
  "--country",
  "be",
  "--phone",
  "+32 9 000 00 00",
  "--email",
  "gent@cli-motors.test",
  "--locale",
  "nl",
];

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "greenlight-admin-"));
  dataDir = path.join(tmp, "pglite");
  childEnv = {
    ...process.env,
    PGLITE_DATA_DIR: dataDir,
    GREENLIGHT_DEMO_DIR: path.join(tmp, "demo"),
    UPLOAD_DIR: path.join(tmp, "uploads"),
  };
  delete childEnv.DATABASE_URL;
});

afterAll(async () => {
  if (opened) {
    const { disconnectDb } = await import("@/lib/db");
    const { closeDatabase } = await import("@/lib/db/connection");
    await disconnectDb();
    await closeDatabase();
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("admin CLI: usage", () => {
  it("prints the usage for --help and exits 0", () => {
    const run = admin("--help");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Usage: npm run admin -- <command>");
    for (const command of ["create-dealer", "create-staff", "create-api-key", "create-webhook", "list-webhooks", "seed-demo"])
      expect(run.stdout).toContain(command);
    expect(run.stderr).toBe("");
  });

  it("refuses a missing or unknown command and an unknown flag on stderr, without touching the database", () => {
    const none = admin();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("No command given.");
    expect(none.stderr).toContain("Usage:");
    expect(none.stdout).toBe("");

    const unknown = admin("frobnicate");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate".');
    expect(unknown.stdout).toBe("");

    const flag = admin("create-dealer", "--bogus", "x");
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/Unknown option '--bogus'/);
    expect(flag.stderr).toContain("Usage:");

    // None of these needed the database, so none created it.
    expect(existsSync(dataDir)).toBe(false);
  });

  it(
    "names every missing required flag",
    () => {
      const run = admin("create-staff", "--dealer", "cli-motors");
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("Missing --email, --name, --role.");
      expect(run.stdout).toBe("");
    },
    SLOW,
  );
});

describe("admin CLI: commands", () => {
  let dealer: Record<string, unknown>;
  let staff: Record<string, unknown>;
  let apiKey: Record<string, unknown>;

  it(
    "create-dealer --json prints the new dealer and its first site",
    () => {
      const run = admin(...dealerArgs("cli-motors"), "--json");
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      dealer = json(run);
      expect(dealer).toEqual({ ok: true, id: expect.any(String), slug: "cli-motors", siteId: expect.any(String) });
    },
    SLOW,
  );

  it(
    "create-dealer rejects an unknown time zone and says so",
    () => {
      const run = admin(...dealerArgs("mars-motors", "Mars/Olympus"));
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/time ?zone/i);
      expect(run.stderr).toContain("site.timeZone");
      expect(run.stdout).toBe("");
    },
    SLOW,
  );

  it(
    "create-staff without --password prints a one-time password once",
    () => {
      const run = admin(
        "create-staff",
        "--dealer",
        "cli-motors",
        "--email",
        "Advisor@CLI-Motors.test",
        "--name",
        "Ada Advisor",
        "--role",
        "advisor",
        "--json",
      );
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      staff = json(run);
      expect(staff).toMatchObject({ ok: true, id: expect.any(String), email: "advisor@cli-motors.test", role: "ADVISOR" });
      expect(staff.oneTimePassword).toEqual(expect.any(String));
      expect((staff.oneTimePassword as string).length).toBeGreaterThanOrEqual(12);
    },
    SLOW,
  );

  it(
    "create-staff refuses an e-mail that already exists (in any case)",
    () => {
      const run = admin(
        "create-staff",
        "--dealer",
        "cli-motors",
        "--email",
        "ADVISOR@cli-motors.test",
        "--name",
        "Ada Again",
        "--role",
        "admin",
        "--password",
        "another long password",
      );
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain("already exists");
      expect(run.stdout).toBe("");
    },
    SLOW,
  );

  it(
    "create-staff refuses an unknown role; with --json the error is JSON on stdout",
    () => {
      const run = admin(
        "create-staff",
        "--dealer",
        "cli-motors",
        "--email",
        "pilot@cli-motors.test",
        "--name",
        "Pia Pilot",
        "--role",
        "pilot",
        "--json",
      );
      expect(run.status).toBe(2);
      expect(json(run)).toEqual({ ok: false, error: "--role must be admin, advisor, mechanic or marketing." });
    },
    SLOW,
  );

  it(
    "create-api-key --json prints a glk_ key once",
    () => {
      const run = admin("create-api-key", "--dealer", "cli-motors", "--name", "DMS", "--json");
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      apiKey = json(run);
      expect(apiKey).toEqual({ ok: true, id: expect.any(String), key: expect.stringMatching(/^glk_[A-Za-z0-9_-]{32}$/) });
    },
    SLOW,
  );

  it(
    "create-api-key refuses an unknown dealer",
    () => {
      const run = admin("create-api-key", "--dealer", "nope");
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('No dealer with slug "nope".');
      expect(run.stdout).toBe("");
    },
    SLOW,
  );

  it(
    "create-webhook prints the signing secret once; list-webhooks shows the endpoint without it",
    () => {
      const url = "https://dms.cli-motors.test/hooks";
      const run = admin(
        "create-webhook",
        "--dealer",
        "cli-motors",
        "--url",
        url,
        "--events",
        "report.responded, checkin.submitted",
        "--json",
      );
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const created = json(run);
      expect(created).toEqual({
        ok: true,
        id: expect.any(String),
        url,
        events: ["checkin.submitted", "report.responded"],
        secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/),
      });

      const listed = admin("list-webhooks", "--dealer", "cli-motors", "--json");
      expect(listed.status).toBe(0);
      expect(json(listed)).toEqual({
        ok: true,
        webhooks: [{ id: created.id, url, events: ["checkin.submitted", "report.responded"], active: true, createdAt: expect.any(String) }],
      });
      expect(listed.stdout).not.toContain(created.secret as string);
    },
    SLOW,
  );

  it(
    "create-webhook refuses an unknown event and names the field",
    () => {
      const run = admin(
        "create-webhook",
        "--dealer",
        "cli-motors",
        "--url",
        "https://dms.cli-motors.test/hooks",
        "--events",
        "checkin.deleted",
      );
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("Invalid input");
      expect(run.stderr).toContain("events.0");
      expect(run.stdout).toBe("");
    },
    SLOW,
  );

  it(
    "printed credentials work: the one-time password signs in, the API key authenticates as the dealer",
    async () => {
      expect(dealer?.id).toBeTruthy();
      expect(existsSync(`${dataDir}.lock`)).toBe(false); // every CLI process released the data dir
      process.env.PGLITE_DATA_DIR = dataDir;
      delete process.env.DATABASE_URL;
      const { db } = await import("@/lib/db");
      const { signIn } = await import("@/lib/auth/sign-in");
      const { hashApiKey } = await import("@/lib/api/api-keys");
      const { withApiKey } = await import("@/lib/api/with-api-key");
      opened = true;

      const row = await db().dealer.findUniqueOrThrow({
        where: { id: dealer.id as string },
        select: { slug: true, defaultLocale: true, sites: { select: { id: true, timeZone: true, country: true } } },
      });
      expect(row).toEqual({
        slug: "cli-motors",
        defaultLocale: "nl",
        sites: [{ id: dealer.siteId, timeZone: "Europe/Brussels", country: "BE" }],
      });
      expect(await db().dealer.count()).toBe(1); // the Mars dealer was not created
      expect(await db().staffUser.findMany({ select: { id: true, dealerId: true, email: true, role: true, name: true } })).toEqual([
        { id: staff.id, dealerId: dealer.id, email: "advisor@cli-motors.test", role: "ADVISOR", name: "Ada Advisor" },
      ]);

      const context = { ip: "203.0.113.7", userAgent: "vitest" };
      expect(await signIn({ email: "advisor@cli-motors.test", password: "wrong password!", context })).toEqual({
        ok: false,
        reason: "invalid",
      });
      const signedIn = await signIn({ email: "advisor@cli-motors.test", password: staff.oneTimePassword as string, context });
      expect(signedIn.ok).toBe(true);

      const key = apiKey.key as string;
      const stored = await db().apiKey.findUniqueOrThrow({ where: { keyHash: hashApiKey(key) } });
      expect(stored).toMatchObject({ id: apiKey.id, dealerId: dealer.id, name: "DMS", prefix: key.slice(0, 10), revokedAt: null });
      expect(JSON.stringify(stored)).not.toContain(key);

      const echo = withApiKey<object>(async ({ dealerId }) => Response.json({ dealerId }));
      const response = await echo(new Request("http://localhost/api/v1/x", { headers: { authorization: `Bearer ${key}` } }), {
        params: Promise.resolve({}),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ dealerId: dealer.id });
    },
    SLOW,
  );

  it(
    "refuses to open an embedded database another process holds, and leaves that process's lock alone",
    async () => {
      expect(opened).toBe(true);
      expect(readFileSync(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
      const run = admin("create-api-key", "--dealer", "cli-motors");
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain("in use");
      expect(run.stderr).toContain(`process ${process.pid}`);
      expect(run.stdout).toBe("");
      expect(readFileSync(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
      const { db } = await import("@/lib/db");
      expect(await db().apiKey.count()).toBe(1);
    },
    SLOW,
  );
});
