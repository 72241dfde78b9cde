import "server-only";
import type { AppointmentBody } from "@/lib/api/appointment-schema";
import {
  appointmentColumns,
  contactRows,
  emptyIntake,
  lineRows,
  recordFromBody,
  recordFromRow,
  recordSelect,
  sameRecord,
  snapshotData,
  type AppointmentRecord,
} from "@/lib/appointments/appointment-record";
import { closeReportForStatus, lifecycleTimestamps } from "@/lib/appointments/lifecycle";
import { runWithRetry, StaleVersion } from "@/lib/appointments/retry";
import { writeSnapshot } from "@/lib/appointments/write-snapshot";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { syncAppointmentMessages } from "@/lib/appointments/appointment-messages";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { matchesIfMatch, type IfMatch } from "@/lib/api/if-match";

export type UpsertAppointmentInput = {
  dealerId: string;
  externalId: string;
  body: AppointmentBody;
  ifMatch: IfMatch | null;
  actor: AuditActor;
  now: Date;
};

export type UpsertResult = { created: boolean; changed: boolean; version: number };

/** The site the body names, or the dealer's only site when it names none (api-v1.md). */
async function resolveSite(tx: Tx, dealerId: string, slug: string | null | undefined) {
  const dealer = await tx.dealer.findUnique({
    where: { id: dealerId },
    select: { defaultLocale: true, sites: { select: { id: true, slug: true } } },
  });
  if (!dealer) throw new AppError("not_found");
  const site = slug ? dealer.sites.find((s) => s.slug === slug) : dealer.sites.length === 1 ? dealer.sites[0] : undefined;
  if (!site) {
    const message = slug ? "no site of this dealer has this slug" : "required: the dealer has several sites";
    throw new AppError("validation_failed", "The body has invalid fields.", { errors: [{ path: "site", message }] });
  }
  return { siteId: site.id, defaultLocale: dealer.defaultLocale };
}

async function create(tx: Tx, input: UpsertAppointmentInput, record: AppointmentRecord): Promise<UpsertResult> {
  const { dealerId, externalId, now } = input;
  const created = await tx.appointment.create({
    data: { dealerId, externalId, ...appointmentColumns(record), ...lifecycleTimestamps(null, record.status, now), version: 1 },
    select: { id: true },
  });
  await tx.appointmentContact.createMany({ data: contactRows(record, created.id) });
  await tx.plannedWorkLine.createMany({ data: lineRows(record, created.id) });
  const data = snapshotData({
    externalId,
    version: 1,
    // A snapshot always has the whole appointment, the intake included (empty when not sent).
    record: { ...record, intake: record.intake ?? emptyIntake },
    lines: record.plannedWork.map((line) => ({ ...line, source: "DMS" as const })),
  });
  await afterChange(tx, input, created.id, { version: 1, created: true }, data);
  return { created: true, changed: true, version: 1 };
}

async function replace(
  tx: Tx,
  input: UpsertAppointmentInput,
  existing: { id: string; version: number; status: AppointmentRecord["status"] },
  record: AppointmentRecord,
): Promise<UpsertResult> {
  const version = existing.version + 1;
  // Conditional on the version read: a concurrent writer that got there first makes this a retry.
  const updated = await tx.appointment.updateMany({
    where: { id: existing.id, version: existing.version },
    data: { ...appointmentColumns(record), ...lifecycleTimestamps(existing.status, record.status, input.now), version },
  });
  if (updated.count === 0) throw new StaleVersion();
  // Contacts and the DMS's lines are replaced as a whole; lines Greenlight added stay.
  await tx.appointmentContact.deleteMany({ where: { appointmentId: existing.id } });
  await tx.appointmentContact.createMany({ data: contactRows(record, existing.id) });
  await tx.plannedWorkLine.deleteMany({ where: { appointmentId: existing.id, source: "DMS" } });
  await tx.plannedWorkLine.createMany({ data: lineRows(record, existing.id) });
  if (record.status !== existing.status)
    await closeReportForStatus(tx, { appointmentId: existing.id, status: record.status, now: input.now });
  await afterChange(tx, input, existing.id, { version, created: false });
  return { created: false, changed: true, version };
}

async function afterChange(
  tx: Tx,
  input: UpsertAppointmentInput,
  appointmentId: string,
  change: { version: number; created: boolean },
  snapshot?: Prisma.InputJsonObject,
) {
  const { dealerId, actor, now } = input;
  await writeSnapshot(tx, { dealerId, appointmentId, actor, known: snapshot && { version: change.version, data: snapshot } });
  await syncAppointmentMessages(tx, { dealerId, appointmentId, now });
  await writeAudit(tx, { dealerId, appointmentId, actor, event: { type: "appointment.upserted", ...change } });
}

/**
 * The body as a record next to the stored appointment, with the If-Match precondition checked. `same`
 * says whether the body changes anything.
 */
async function compare(client: Tx, input: UpsertAppointmentInput) {
  const { dealerId, externalId } = input;
  const { siteId, defaultLocale } = await resolveSite(client, dealerId, input.body.site);
  const record = recordFromBody(input.body, { siteId, defaultLocale });
  const existing = await client.appointment.findUnique({
    where: { dealerId_externalId: { dealerId, externalId } },
    select: { id: true, version: true, ...recordSelect },
  });
  if (input.ifMatch && !matchesIfMatch(input.ifMatch, existing?.version ?? null)) {
    throw new AppError("conflict", existing ? `The appointment is at version ${existing.version}.` : "The appointment does not exist yet.");
  }
  const stored = existing && recordFromRow(existing, { withIntake: record.intake !== undefined });
  return { record, existing, same: stored !== null && sameRecord(stored, record) };
}

async function upsertOnce(tx: Tx, input: UpsertAppointmentInput): Promise<UpsertResult> {
  const { record, existing, same } = await compare(tx, input);
  if (!existing) return create(tx, input, record);
  // A replay changes nothing: no new version, no snapshot, and the check-in plan (its queued
  // invitation and link) is left exactly as it is.
  if (same) return { created: false, changed: false, version: existing.version };
  return replace(tx, input, existing, record);
}

/**
 * Create-or-replace of a DMS appointment (api-v1.md PUT), idempotent: the same body again changes
 * nothing. Two requests racing for the same new externalId both succeed — the loser of the insert
 * retries and finds the winner's row — unless an If-Match makes the loser's precondition stale.
 */
export async function upsertAppointment(input: UpsertAppointmentInput): Promise<UpsertResult> {
  // A DMS re-sends unchanged appointments all the time: recognise a replay with reads alone, outside a
  // transaction; only a change pays for one (and reads again inside it).
  const first = await compare(db(), input);
  if (first.existing && first.same) return { created: false, changed: false, version: first.existing.version };
  // Not there a moment ago: try the insert straight away. Should another request have created it since,
  // the unique key fails the insert and the retry goes the long way, reading inside the transaction.
  let fresh = first.existing ? null : first.record;
  return runWithRetry((tx) => {
    const record = fresh;
    fresh = null;
    return record ? create(tx, input, record) : upsertOnce(tx, input);
  });
}
