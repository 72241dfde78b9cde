import type { NotificationChannel, NotificationKind } from "@/lib/db/generated/client";

/** What a message template needs besides the appointment: rendered at send time from fresh data. */
export type MessagePayload = {
  /** The customer link, sealed (lib/notify/seal.ts): tokens never rest in clear in the database. */
  sealedLink?: string;
  /** The advisor's note, for report and manual check-in sends. */
  note?: string;
  /** A TEST message that is one previewed message to the sample customer of a site (lib/preview/send-preview-test.ts). */
  preview?: { kind: string; siteId: string };
};

/** A claimed outbox row, as a channel sees it. */
export type OutboxMessage = {
  id: string;
  dealerId: string;
  appointmentId: string | null;
  kind: NotificationKind;
  channel: NotificationChannel;
  recipient: string;
  locale: string | null;
  payload: unknown;
  webhookEndpointId: string | null;
  attempts: number;
};

/** What was actually sent, kept in the communication log (links redacted). */
export type Delivered = {
  providerMessageId: string | null;
  subject?: string | null;
  bodyText?: string;
  bodyHtml?: string | null;
};

/**
 * A delivery failure. `permanent` ones (a rejected address, an unknown number, a 4xx from a webhook
 * receiver other than 408/429) are not retried.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

export type Channel = (message: OutboxMessage) => Promise<Delivered>;
