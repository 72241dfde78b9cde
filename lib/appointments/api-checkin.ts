import "server-only";
import { lower, totalsWithRatesJson, utc } from "@/lib/api/format";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { computeTotals, formatDecimalMoney, formatQuantity, formatVatRate } from "@/lib/money";
import { checkinClosesAt } from "@/lib/time";
import { signedAssetUrl } from "@/lib/uploads/signed-url";

/** What the check-in part of the API representation reads, nested in the appointment's select. */
export const checkinSelect = {
  id: true,
  state: true,
  recipientRole: true,
  channel: true,
  sendAt: true,
  closesAt: true,
  sentAt: true,
  openedAt: true,
  submittedAt: true,
  currentRevision: true,
} satisfies Prisma.CheckInSelect;

const revisionSelect = {
  number: true,
  submittedAt: true,
  termsVersionId: true,
  termsAcceptedAt: true,
  selections: {
    orderBy: { title: "asc" },
    select: {
      id: true,
      optionalServiceId: true,
      title: true,
      quantityMilli: true,
      unitPriceMinor: true,
      vatRateBp: true,
      handled: true,
      convertedLineId: true,
    },
  },
  comments: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      title: true,
      description: true,
      visibleToMechanics: true,
      handled: true,
      convertedLineId: true,
      attachments: {
        orderBy: { position: "asc" },
        select: { assetId: true, visibleToMechanics: true, asset: { select: { contentType: true, bytes: true } } },
      },
    },
  },
} satisfies Prisma.CheckInRevisionSelect;

type CheckinRow = Prisma.CheckInGetPayload<{ select: typeof checkinSelect }>;
type Revision = Prisma.CheckInRevisionGetPayload<{ select: typeof revisionSelect }>;

/** The latest submitted answer, read only for a check-in that has one (most have none: five queries saved). */
async function latestSubmitted(client: Tx, row: CheckinRow): Promise<Revision | null> {
  if (!row.submittedAt && row.currentRevision === 0) return null;
  return client.checkInRevision.findFirst({
    where: { checkInId: row.id, submittedAt: { not: null } },
    orderBy: { number: "desc" },
    select: revisionSelect,
  });
}

/**
 * The state the DMS sees. The stored state does not move at midnight, so a link that was still
 * waiting (scheduled, sent, opened) when the appointment day came reads "closed" from then on.
 */
function visibleState(row: CheckinRow, now: Date) {
  const waiting = row.state === "SCHEDULED" || row.state === "SENT" || row.state === "OPENED";
  return waiting && now >= row.closesAt ? "closed" : lower(row.state);
}

/** A short-lived signed link (15 minutes), absolute because the DMS fetches it from elsewhere; never the storage key. */
function attachmentUrl(assetId: string): string {
  return new URL(signedAssetUrl({ assetId, variant: "full" }), env().APP_URL).toString();
}

function responseJson(revision: Revision, currency: string, termsVersion: number | null) {
  return {
    submittedAt: utc(revision.submittedAt),
    revision: revision.number,
    termsVersion,
    acceptedAt: utc(revision.termsAcceptedAt),
    optionalServices: revision.selections.map((s) => ({
      id: s.id,
      optionalServiceId: s.optionalServiceId,
      title: s.title,
      quantity: formatQuantity(s.quantityMilli),
      unitPrice: formatDecimalMoney(s.unitPriceMinor, currency),
      vatRate: formatVatRate(s.vatRateBp),
      handled: s.handled,
      convertedToJob: s.convertedLineId !== null,
    })),
    comments: revision.comments.map((c) => ({
      id: c.id,
      title: c.title,
      description: c.description,
      attachments: c.attachments.map((a) => ({
        url: attachmentUrl(a.assetId),
        contentType: a.asset.contentType,
        bytes: a.asset.bytes,
        visibleToMechanics: a.visibleToMechanics,
      })),
      visibleToMechanics: c.visibleToMechanics,
      handled: c.handled,
      convertedToJob: c.convertedLineId !== null,
    })),
    totals: totalsWithRatesJson(computeTotals(revision.selections), currency),
  };
}

/**
 * The `checkin` object of api-v1.md. The link itself is never shown (`url: null`): tokens are stored
 * only as hashes, and the DMS gets a link only from `checkin/send`.
 */
export async function checkinJson(
  client: Tx,
  input: { dealerId: string; row: CheckinRow | null; startsAt: Date; timeZone: string; currency: string; now: Date },
) {
  const { row } = input;
  if (!row) {
    // Appointments made outside the API before check-in existed have no row: nothing was planned.
    const closesAt = checkinClosesAt({ startsAt: input.startsAt, timeZone: input.timeZone });
    return {
      state: "not_applicable",
      sendAt: null,
      closesAt: utc(closesAt),
      recipient: null,
      url: null,
      sentAt: null,
      openedAt: null,
      submittedAt: null,
      response: null,
    };
  }
  const revision = await latestSubmitted(client, row);
  const terms = revision?.termsVersionId
    ? await client.termsVersion.findFirst({ where: { id: revision.termsVersionId, dealerId: input.dealerId }, select: { version: true } })
    : null;
  return {
    state: visibleState(row, input.now),
    sendAt: utc(row.sendAt),
    closesAt: utc(row.closesAt),
    recipient: row.recipientRole ? { role: lower(row.recipientRole), channel: lower(row.channel) } : null,
    url: null,
    sentAt: utc(row.sentAt),
    openedAt: utc(row.openedAt),
    submittedAt: utc(row.submittedAt),
    response: revision ? responseJson(revision, input.currency, terms?.version ?? null) : null,
  };
}
