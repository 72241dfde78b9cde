import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";

/** A stored page is re-rendered after this long at most, whatever else holds (see `readViewStamp`). */
export const MAX_PAGE_AGE_MS = 30_000;

export type ViewStamp = {
  dealerId: string;
  /** The appointment's customer-view version (CustomerViewStamp, bumped by triggers on every write). */
  version: string;
  /** Until when a page rendered now may be served again, in epoch milliseconds. */
  validUntil: number;
};

type Row = { dealerId: string; version: string; expiresAt: Date; closesAt: Date | null };

/**
 * Whether a link's page may still be served as stored, in one indexed lookup: the version of what its
 * appointment's customer pages show, and the moments at which the page changes without any write — the
 * link's expiry and, for a check-in, its closing at 00:00 of the appointment day.
 *
 * What no version covers is bounded by MAX_PAGE_AGE_MS: the dealer's brand, services and terms (held
 * for as long in lib/dealers/dealer-cache.ts, and dropped at once in this process when a setting
 * changes) and the signed file URLs in the page (valid for 15 minutes or more, lib/uploads/signed-url.ts).
 */
export async function readViewStamp(tokenHash: string): Promise<ViewStamp | null> {
  const [row] = await db().$queryRaw<Row[]>`
    SELECT t."dealerId", coalesce(s."version", 0)::text AS "version", t."expiresAt", c."closesAt"
      FROM "AccessToken" t
      LEFT JOIN "CustomerViewStamp" s ON s."appointmentId" = t."appointmentId"
      LEFT JOIN "CheckIn" c ON c."appointmentId" = t."appointmentId" AND t."purpose" = 'CHECKIN'
     WHERE t."tokenHash" = ${tokenHash}`;
  if (!row) return null;
  const ends = [now().getTime() + MAX_PAGE_AGE_MS, row.expiresAt.getTime()];
  if (row.closesAt) ends.push(row.closesAt.getTime());
  return { dealerId: row.dealerId, version: row.version, validUntil: Math.min(...ends) };
}
