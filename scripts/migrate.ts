// `npm run db:migrate`: applies pending migrations to the configured database and exits.
import { closeDatabase } from "@/lib/db/connection";
import { migrateDatabase } from "@/lib/db/migrate";

const applied = await migrateDatabase();
console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
await closeDatabase();
