import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import type { NotificationChannel } from "@/lib/db/generated/client";
import { redactLink } from "@/lib/notify/seal";
import { DeliveryError, type Channel, type Delivered, type OutboxMessage } from "@/lib/notify/types";
import { emitEvent } from "@/lib/webhooks/emit";

/**
 * The outbox dispatcher. Any number of them (in-process, or `npm run worker` × N) claim due rows with
 * `FOR UPDATE SKIP LOCKED` and a lease: a row is sent by one dispatcher at a time, and a dispatcher that
 * dies mid-send loses nothing — its lease runs out and another one takes the row again (at-least-once;
 * e-mails carry the row id as Message-ID and webhooks as their `id`, so a receiver can de-duplicate).
 * The claim scans a partial index of queued/in-flight rows by due time, so its cost follows the number
 * of due rows, not the size of the table.
 */
export type DispatchOptions = {
  workerId?: string;
  batchSize?: number;
  leaseMs?: number;
  concurrency?: number;
  channels: Record<NotificationChannel, Channel>;
  now?: () => Date;
};

type ClaimedRow = OutboxMessage & { maxAttempts: number; createdAt: Date; dueAt: Date };

export async function claimDue(options: { workerId: string; limit: number; leaseMs: number; now: Date }): Promise<ClaimedRow[]> {
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  return db().$queryRaw<ClaimedRow[]>`
    UPDATE "Notification" AS n
       SET "status" = 'SENDING', "leaseUntil" = ${leaseUntil}, "leasedBy" = ${options.workerId}, "attempts" = n."attempts" + 1
     WHERE n."id" IN (
       SELECT "id" FROM "Notification"
        WHERE "status" IN ('QUEUED', 'SENDING') AND "dueAt" <= ${options.now}
          AND ("status" = 'QUEUED' OR "leaseUntil" < ${options.now})
        ORDER BY "dueAt"
        LIMIT ${options.limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING n."id", n."dealerId", n."appointmentId", n."kind", n."channel", n."recipient", n."locale", n."payload",
              n."webhookEndpointId", n."attempts", n."maxAttempts", n."createdAt", n."dueAt"`;
}

/** Exponential back-off: 30 s, 1 min, 2 min … capped at 2 h, with ±20 % jitter so retries spread out. */
export function backoffMs(attempts: number, random = Math.random): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 2 * 3600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** Webhooks retry for 24 h after the event (api-v1.md), e-mail and SMS up to their attempt count. */
const WEBHOOK_RETRY_WINDOW_MS = 24 * 3600_000;

function shouldGiveUp(row: ClaimedRow, error: unknown, now: Date): boolean {
  if (error instanceof DeliveryError && error.permanent) return true;
  if (row.channel === "WEBHOOK") return now.getTime() - row.createdAt.getTime() >= WEBHOOK_RETRY_WINDOW_MS;
  return row.attempts >= row.maxAttempts;
}

async function deliverOne(
  row: ClaimedRow,
  workerId: string,
  options: { channels: DispatchOptions["channels"]; now: () => Date; leaseMs: number },
): Promise<"sent" | "retry" | "failed" | "skipped"> {
  const { channels, now, leaseMs } = options;
  // A row waits in this batch's queue while earlier ones are sent: renew its lease first, and leave it
  // alone if it ran out meanwhile (another dispatcher may have taken it), so it is never sent twice.
  const held = await db().notification.updateMany({
    where: { id: row.id, leasedBy: workerId, status: "SENDING", leaseUntil: { gt: now() } },
    data: { leaseUntil: new Date(now().getTime() + leaseMs) },
  });
  if (held.count === 0) return "skipped";

  let delivered: Delivered;
  try {
    delivered = await channels[row.channel](row);
  } catch (error) {
    return recordFailure(row, workerId, error, now());
  }
  // Only the channel call decides success: a failing write after a delivered message must not turn it
  // into "failed" (the lease then runs out and the row is retried — at-least-once, as documented).
  await db().$transaction(async (tx) => {
    const updated = await tx.notification.updateMany({
      where: { id: row.id, leasedBy: workerId, status: "SENDING" },
      data: {
        status: "SENT",
        sentAt: now(),
        leaseUntil: null,
        lastError: null,
        providerMessageId: delivered.providerMessageId,
        ...(delivered.subject !== undefined ? { subject: delivered.subject } : {}),
        ...(delivered.bodyText !== undefined ? { bodyText: redactLink(delivered.bodyText) } : {}),
        ...(delivered.bodyHtml !== undefined ? { bodyHtml: delivered.bodyHtml && redactLink(delivered.bodyHtml) } : {}),
        // The sealed link has done its job; nothing of the token stays behind.
        payload: withoutSealedLink(row.payload),
      },
    });
    if (updated.count === 1) await afterSent(tx, row, now());
  });
  return "sent";
}

async function recordFailure(row: ClaimedRow, workerId: string, error: unknown, at: Date): Promise<"retry" | "failed"> {
  const message = error instanceof Error ? error.message.slice(0, 1000) : String(error);
  if (shouldGiveUp(row, error, at)) {
    await db().$transaction(async (tx) => {
      const updated = await tx.notification.updateMany({
        where: { id: row.id, leasedBy: workerId, status: "SENDING" },
        data: { status: "FAILED", failedAt: at, leaseUntil: null, lastError: message, payload: withoutSealedLink(row.payload) },
      });
      if (updated.count === 1 && row.channel !== "WEBHOOK") {
        await emitEvent(tx, {
          dealerId: row.dealerId,
          appointmentId: row.appointmentId,
          type: "notification.failed",
          data: { notificationId: row.id, kind: row.kind, channel: row.channel, error: message },
          now: at,
        });
      }
    });
    return "failed";
  }
  await db().notification.updateMany({
    where: { id: row.id, leasedBy: workerId, status: "SENDING" },
    data: { status: "QUEUED", dueAt: new Date(at.getTime() + backoffMs(row.attempts)), leaseUntil: null, lastError: message },
  });
  return "retry";
}

/** What a sent message changes: a check-in invitation moves the check-in to "sent". */
async function afterSent(tx: Tx, row: ClaimedRow, at: Date): Promise<void> {
  if (row.kind === "CHECKIN_INVITATION" && row.appointmentId) {
    await tx.checkIn.updateMany({
      where: { appointmentId: row.appointmentId, dealerId: row.dealerId, state: { in: ["SCHEDULED", "NOT_APPLICABLE"] } },
      data: { state: "SENT" },
    });
    await tx.checkIn.updateMany({
      where: { appointmentId: row.appointmentId, dealerId: row.dealerId, sentAt: null },
      data: { sentAt: at },
    });
  }
  if (row.kind === "REPORT" && row.appointmentId) {
    await tx.report.updateMany({ where: { appointmentId: row.appointmentId, dealerId: row.dealerId, sentAt: null }, data: { sentAt: at } });
  }
}

function withoutSealedLink(payload: unknown): object {
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) return {};
  const rest: Record<string, unknown> = { ...(payload as Record<string, unknown>) };
  delete rest.sealedLink;
  return rest;
}

export type TickResult = { claimed: number; sent: number; retried: number; failed: number; skipped: number };

/** One round: claim up to a batch of due rows and deliver them with bounded concurrency. */
export async function dispatchOnce(options: DispatchOptions): Promise<TickResult> {
  const workerId = options.workerId ?? `dispatcher-${randomUUID()}`;
  const now = options.now ?? (() => new Date());
  const leaseMs = options.leaseMs ?? 120_000;
  const rows = await claimDue({ workerId, limit: options.batchSize ?? 25, leaseMs, now: now() });
  const result: TickResult = { claimed: rows.length, sent: 0, retried: 0, failed: 0, skipped: 0 };
  // RETURNING gives no order: send the oldest due first.
  const queue = [...rows].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const worker = async () => {
    for (let row = queue.shift(); row; row = queue.shift()) {
      const outcome = await deliverOne(row, workerId, { channels: options.channels, now, leaseMs });
      if (outcome === "sent") result.sent++;
      else if (outcome === "retry") result.retried++;
      else if (outcome === "failed") result.failed++;
      else result.skipped++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 5, rows.length) }, worker));
  return result;
}

/** Runs the dispatcher until stopped: again at once while batches come back full, else every interval. */
export function startDispatcher(options: DispatchOptions & { intervalMs?: number; onError?: (error: unknown) => void }): {
  stop: () => Promise<void>;
} {
  const workerId = options.workerId ?? `dispatcher-${randomUUID()}`;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const loop = () => {
    running = (async () => {
      try {
        const result = await dispatchOnce({ ...options, workerId });
        if (!stopped) timer = setTimeout(loop, result.claimed === (options.batchSize ?? 25) ? 0 : (options.intervalMs ?? 2000));
      } catch (error) {
        (options.onError ?? ((e) => console.error("[dispatcher] tick failed", e)))(error);
        if (!stopped) timer = setTimeout(loop, options.intervalMs ?? 2000);
      }
    })();
  };
  loop();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
