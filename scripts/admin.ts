// Operator CLI for self-hosters: `npm run admin -- <command> [options] [--json]`.
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { createApiKey } from "@/lib/api/api-keys";
import { createStaff } from "@/lib/auth/create-staff";
import { createDealer } from "@/lib/dealers/create-dealer";
import { describeDemo, seedDemo } from "@/lib/dealers/seed-demo";
import { db, disconnectDb } from "@/lib/db";
import { closeDatabase } from "@/lib/db/connection";
import { migrateDatabase } from "@/lib/db/migrate";
import { isAppError } from "@/lib/errors";
import { webhookEventTypes } from "@/lib/webhooks/emit";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/endpoints";

const USAGE = `Usage: npm run admin -- <command> [options] [--json]

Commands:
  create-dealer   --name <name> --slug <slug> --time-zone <IANA zone> --site-name <name> --site-slug <slug>
                  --address <street> --postal-code <code> --city <city> --country <CC> --phone <phone> --email <email>
                  [--locale en|fr|de|sv|nl]
  create-staff    --dealer <slug> --email <email> --name <name> --role admin|advisor|mechanic|marketing [--password <pw>]
                  (without --password a one-time password is generated and printed once)
  create-api-key  --dealer <slug> [--name <label>]   (the key is printed once)
  create-webhook  --dealer <slug> --url <https://…> --events <event,event,…>   (the signing secret is printed once)
                  events: ${webhookEventTypes.join(", ")}
  list-webhooks   --dealer <slug>
  seed-demo       creates or refreshes the demo dealer and prints its links

With the embedded database, stop the server first (one process owns the data directory).`;

class UsageError extends Error {}

const options = {
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  name: { type: "string" },
  slug: { type: "string" },
  "time-zone": { type: "string" },
  "site-name": { type: "string" },
  "site-slug": { type: "string" },
  address: { type: "string" },
  "postal-code": { type: "string" },
  city: { type: "string" },
  country: { type: "string" },
  phone: { type: "string" },
  email: { type: "string" },
  locale: { type: "string" },
  dealer: { type: "string" },
  role: { type: "string" },
  password: { type: "string" },
  url: { type: "string" },
  events: { type: "string" },
} as const;

function required(values: Record<string, unknown>, ...names: string[]): void {
  const missing = names.filter((n) => typeof values[n] !== "string" || values[n] === "");
  if (missing.length) throw new UsageError(`Missing ${missing.map((n) => `--${n}`).join(", ")}.`);
}

async function dealerIdFor(slug: string): Promise<string> {
  const dealer = await db().dealer.findUnique({ where: { slug }, select: { id: true } });
  if (!dealer) throw new UsageError(`No dealer with slug "${slug}".`);
  return dealer.id;
}

type Output = { json: Record<string, unknown>; text: string };

async function runCommand(command: string | undefined, v: Record<string, string | boolean | undefined>): Promise<Output> {
  const s = (name: string) => (typeof v[name] === "string" ? (v[name] as string) : "");
  switch (command) {
    case "create-dealer": {
      required(v, "name", "slug", "time-zone", "site-name", "site-slug", "address", "postal-code", "city", "country", "phone", "email");
      const dealer = await db().$transaction((tx) =>
        createDealer(tx, {
          name: s("name"),
          slug: s("slug"),
          defaultLocale: (s("locale") || "en") as "en",
          site: {
            slug: s("site-slug"),
            name: s("site-name"),
            timeZone: s("time-zone"),
            addressLine: s("address"),
            postalCode: s("postal-code"),
            city: s("city"),
            country: s("country"),
            phone: s("phone"),
            email: s("email"),
          },
        }),
      );
      return { json: dealer, text: `Created dealer ${dealer.slug} (${dealer.id}) with site ${s("site-slug")}.` };
    }
    case "create-staff": {
      required(v, "dealer", "email", "name", "role");
      const dealerId = await dealerIdFor(s("dealer"));
      const role = s("role").toUpperCase();
      if (!["ADMIN", "ADVISOR", "MECHANIC", "MARKETING"].includes(role))
        throw new UsageError("--role must be admin, advisor, mechanic or marketing.");
      const staff = await db().$transaction((tx) =>
        createStaff(tx, { dealerId, email: s("email"), name: s("name"), role: role as "ADMIN", password: s("password") || undefined }),
      );
      return {
        json: { id: staff.id, email: staff.email, role: staff.role, oneTimePassword: staff.password },
        text:
          `Created ${staff.role.toLowerCase()} ${staff.email}.` +
          (staff.password ? `\nOne-time password (shown once): ${staff.password}` : ""),
      };
    }
    case "create-api-key": {
      required(v, "dealer");
      const dealerId = await dealerIdFor(s("dealer"));
      const key = await db().$transaction((tx) => createApiKey(tx, { dealerId, name: s("name") || "API key", actor: { type: "SYSTEM" } }));
      return { json: { id: key.id, key: key.key }, text: `API key (shown once, store it now):\n${key.key}` };
    }
    case "create-webhook": {
      required(v, "dealer", "url", "events");
      const dealerId = await dealerIdFor(s("dealer"));
      const events = s("events")
        .split(",")
        .map((e) => e.trim())
        .filter(Boolean);
      const endpoint = await db().$transaction((tx) =>
        createWebhookEndpoint(tx, { dealerId, url: s("url"), events, actor: { type: "SYSTEM" } }),
      );
      return {
        json: endpoint,
        text:
          `Created webhook ${endpoint.id} → ${endpoint.url} (${endpoint.events.join(", ")}).\n` +
          `Signing secret (shown once, store it now):\n${endpoint.secret}`,
      };
    }
    case "list-webhooks": {
      required(v, "dealer");
      const webhooks = await listWebhookEndpoints({ dealerId: await dealerIdFor(s("dealer")) });
      const lines = webhooks.map((w) => `${w.id}  ${w.active ? "active  " : "inactive"}  ${w.url}  ${w.events.join(",")}`);
      return { json: { webhooks }, text: lines.length ? lines.join("\n") : "No webhook endpoints." };
    }
    case "seed-demo": {
      const credentials = await seedDemo();
      const appUrl = process.env.APP_URL ?? "http://localhost:3000";
      return { json: { ...credentials, appUrl }, text: describeDemo(credentials, appUrl) };
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}".` : "No command given.");
  }
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), options, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const command = positionals[0];
  const asJson = values.json === true;
  try {
    if (!["create-dealer", "create-staff", "create-api-key", "create-webhook", "list-webhooks", "seed-demo"].includes(command ?? "")) {
      throw new UsageError(command ? `Unknown command "${command}".` : "No command given.");
    }
    await migrateDatabase();
    const output = await runCommand(command, values);
    console.log(asJson ? JSON.stringify({ ok: true, ...output.json }) : output.text);
    return 0;
  } catch (error) {
    const message =
      error instanceof UsageError
        ? `${error.message}\n\n${USAGE}`
        : error instanceof ZodError
          ? `Invalid input:\n${error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`
          : isAppError(error)
            ? error.message
            : `Failed: ${(error as Error).message}`;
    if (asJson) console.log(JSON.stringify({ ok: false, error: message.split("\n\n")[0] }));
    else console.error(message);
    return error instanceof UsageError || error instanceof ZodError || isAppError(error) ? 2 : 1;
  } finally {
    await disconnectDb().catch(() => undefined);
    await closeDatabase();
  }
}

process.exitCode = await main();
