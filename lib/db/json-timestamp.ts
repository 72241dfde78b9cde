import { z } from "zod";

/**
 * A Prisma DateTime read through SQL's JSON functions: PostgreSQL writes a `timestamp(3)` (UTC without
 * a zone) as "2026-12-01T07:30:00.123", without the zone; it is UTC.
 */
export const jsonTimestamp = z.string().transform((value) => new Date(`${value}Z`));
