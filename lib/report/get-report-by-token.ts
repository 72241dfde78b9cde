import "server-only";
import { cache } from "react";
import type { Brand } from "@/lib/dealers/get-brand";
import { getBrand } from "@/lib/dealers/get-brand";
import { db } from "@/lib/db";
import type { ReportCategory, ReportDecisionValue } from "@/lib/db/generated/client";
import { computeTotals, type MoneyTotals } from "@/lib/money";
import { lookupToken } from "@/lib/tokens";

export type ReportClosedReason = "closed" | "finalized" | "cancelled" | "revoked" | "expired";

export type ReportItemView = {
  key: string;
  category: ReportCategory;
  title: string;
  description: string | null;
  totals: MoneyTotals;
  decision: ReportDecisionValue | null;
};

export type ReportView = {
  dealerId: string;
  appointmentId: string;
  brand: Brand;
  recipientLocale: string | null;
  firstName: string | null;
  advisorName: string | null;
  note: string | null;
  currency: string;
  vehicle: { make: string | null; model: string | null; registration: string | null };
  items: ReportItemView[];
};

export type ReportByToken =
  { status: "unknown" } | { status: "closed"; reason: ReportClosedReason; view: ReportView } | { status: "open"; view: ReportView };

/**
 * Resolves a report link to the published version's visible items. Hidden items never leave this
 * function. Cached per request (layout and page share it).
 */
export const getReportByToken = cache(async (token: string, now: Date = new Date()): Promise<ReportByToken> => {
  const link = await lookupToken(token, "REPORT", now);
  if (link.status === "unknown") return { status: "unknown" };
  const appointment = await db().appointment.findFirst({
    where: { id: link.appointmentId, dealerId: link.dealerId },
    select: {
      siteId: true,
      status: true,
      currency: true,
      vehicleMake: true,
      vehicleModel: true,
      vehicleRegistration: true,
      contacts: { where: { role: link.recipientRole }, select: { firstName: true, locale: true } },
      report: {
        select: {
          state: true,
          publishedVersion: true,
          advisorName: true,
          decisions: { select: { itemKey: true, decision: true } },
          versions: {
            select: {
              number: true,
              note: true,
              items: {
                where: { visible: true },
                orderBy: { position: "asc" },
                select: {
                  key: true,
                  category: true,
                  title: true,
                  description: true,
                  lines: { orderBy: { position: "asc" }, select: { quantityMilli: true, unitPriceMinor: true, vatRateBp: true } },
                },
              },
            },
          },
        },
      },
    },
  });
  const report = appointment?.report;
  const published = report?.versions.find((v) => v.number === report.publishedVersion);
  if (!appointment || !report || !published) return { status: "unknown" };
  const brand = await getBrand({ dealerId: link.dealerId, siteId: appointment.siteId });
  if (!brand) return { status: "unknown" };

  const decisions = new Map(report.decisions.map((d) => [d.itemKey, d.decision]));
  const contact = appointment.contacts[0];
  const view: ReportView = {
    dealerId: link.dealerId,
    appointmentId: link.appointmentId,
    brand,
    recipientLocale: contact?.locale ?? null,
    firstName: contact?.firstName ?? null,
    advisorName: report.advisorName,
    note: published.note,
    currency: appointment.currency,
    vehicle: { make: appointment.vehicleMake, model: appointment.vehicleModel, registration: appointment.vehicleRegistration },
    items: published.items.map((item) => ({
      key: item.key,
      category: item.category,
      title: item.title,
      description: item.description,
      totals: computeTotals(item.lines),
      decision: decisions.get(item.key) ?? null,
    })),
  };
  if (appointment.status === "CANCELLED") return { status: "closed", reason: "cancelled", view };
  if (appointment.status === "FINALIZED") return { status: "closed", reason: "finalized", view };
  if (report.state === "CLOSED") return { status: "closed", reason: "closed", view };
  if (link.status !== "valid") return { status: "closed", reason: link.status, view };
  return { status: "open", view };
});
