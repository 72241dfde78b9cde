import "server-only";
import { cache } from "react";
import { now as clockNow } from "@/lib/clock";
import { cachedBrand } from "@/lib/dealers/dealer-cache";
import type { Brand } from "@/lib/dealers/get-brand";
import { db } from "@/lib/db";
import type { ReportCategory, ReportDecisionValue } from "@/lib/db/generated/client";
import { computeTotals, type MoneyLine, type MoneyTotals } from "@/lib/money";
import { reportPageQuery, reportPageRow } from "@/lib/report/report-page-query";
import { hashToken, isWellFormedToken } from "@/lib/tokens";

export type ReportClosedReason = "closed" | "finalized" | "cancelled" | "revoked" | "expired";

export type ReportItemView = {
  key: string;
  category: ReportCategory;
  title: string;
  description: string | null;
  lines: (MoneyLine & { title: string })[];
  totals: MoneyTotals;
  attachments: { assetId: string; contentType: string }[];
  decision: ReportDecisionValue | null;
  reason: string | null;
  remindAt: Date | null;
  /** The item's thread: the customer's questions and the advisor's answers, oldest first. */
  messages: { id: string; author: "CUSTOMER" | "STAFF"; body: string; createdAt: Date }[];
  /** Since the version the customer answered: new, or its price changed (the gross before). */
  change: { kind: "new" } | { kind: "price"; previousGrossMinor: number } | null;
};

export type ReportView = {
  dealerId: string;
  appointmentId: string;
  brand: Brand;
  recipientLocale: string | null;
  firstName: string | null;
  advisorName: string | null;
  note: string | null;
  /** The published version shown; answers name it, so an answer to an outdated quote is refused. */
  version: number;
  respondedAt: Date | null;
  finalComment: string | null;
  /** Items of the answered version the advisor has since removed (titles), to say so. */
  removedSinceAnswer: string[];
  currency: string;
  vehicle: { make: string | null; model: string | null; registration: string | null };
  items: ReportItemView[];
};

export type ReportByToken =
  { status: "unknown" } | { status: "closed"; reason: ReportClosedReason; view: ReportView } | { status: "open"; view: ReportView };

/**
 * Resolves a report link to the published version's visible items. Hidden items never leave this
 * function. Cached per request (layout, metadata and page share it).
 *
 * Everything of this customer comes from one SQL statement (token, appointment, recipient, report,
 * decisions, messages, and the published and answered versions' items with lines and attachments):
 * Prisma's nested select cost a statement per relation (eleven, plus the token's and the brand's), each
 * planned and run by the embedded database on the thread that renders. The dealer's brand comes from the
 * per-dealer cache (lib/dealers/dealer-cache.ts). bench/README.md has the measurements.
 */
export const getReportByToken = cache(async (token: string, now: Date = clockNow()): Promise<ReportByToken> => {
  if (!isWellFormedToken(token)) return { status: "unknown" };
  const [row] = await db().$queryRaw<unknown[]>(reportPageQuery(hashToken(token)));
  if (!row) return { status: "unknown" };
  const link = reportPageRow.parse(row);
  const { appointment } = link;
  if (link.purpose !== "REPORT" || !appointment) return { status: "unknown" };
  const linkStatus = link.revokedAt ? "revoked" : link.expiresAt <= now ? "expired" : "valid";
  const report = appointment.report;
  const published = report?.versions.find((v) => v.number === report.publishedVersion);
  if (!report || !published) return { status: "unknown" };
  const brand = await cachedBrand({ dealerId: link.dealerId, siteId: appointment.siteId });
  if (!brand) return { status: "unknown" };

  const contact = appointment.contact;
  const decisions = new Map(report.decisions.map((d) => [d.itemKey, d]));
  // What changed since the customer answered: compared by item key, on what they could see then.
  const answered =
    report.answeredVersion && report.answeredVersion !== published.number
      ? report.versions.find((v) => v.number === report.answeredVersion)
      : undefined;
  const before = new Map(answered?.items.map((item) => [item.key, computeTotals(item.lines).grossMinor]) ?? []);
  const changeOf = (key: string, grossMinor: number): ReportItemView["change"] => {
    if (!answered) return null;
    const previous = before.get(key);
    if (previous === undefined) return { kind: "new" };
    return previous !== grossMinor ? { kind: "price", previousGrossMinor: previous } : null;
  };
  const current = new Set(published.items.map((item) => item.key));
  const view: ReportView = {
    dealerId: link.dealerId,
    appointmentId: link.appointmentId,
    brand,
    recipientLocale: contact?.locale ?? null,
    firstName: contact?.firstName ?? null,
    advisorName: report.advisorName,
    note: published.note,
    version: published.number,
    respondedAt: report.respondedAt,
    finalComment: report.finalComment,
    removedSinceAnswer: answered?.items.filter((item) => !current.has(item.key)).map((item) => item.title) ?? [],
    currency: appointment.currency,
    vehicle: { make: appointment.vehicleMake, model: appointment.vehicleModel, registration: appointment.vehicleRegistration },
    items: published.items.map((item) => {
      const totals = computeTotals(item.lines);
      const decision = decisions.get(item.key);
      return {
        key: item.key,
        category: item.category,
        title: item.title,
        description: item.description,
        lines: item.lines,
        totals,
        attachments: item.attachments,
        decision: decision?.decision ?? null,
        reason: decision?.reason ?? null,
        remindAt: decision?.remindAt ?? null,
        messages: report.messages.filter((m) => m.itemKey === item.key).map(({ itemKey: _key, ...message }) => message),
        change: changeOf(item.key, totals.grossMinor),
      };
    }),
  };
  if (appointment.status === "CANCELLED") return { status: "closed", reason: "cancelled", view };
  if (appointment.status === "FINALIZED") return { status: "closed", reason: "finalized", view };
  if (report.state === "CLOSED") return { status: "closed", reason: "closed", view };
  if (linkStatus !== "valid") return { status: "closed", reason: linkStatus, view };
  return { status: "open", view };
});
