// Shared by the report page (live, in the browser), the receipt, the PDF and the API: one rule for the
// customer's totals, so they always agree. Dependency-free; must not import "server-only".
import { computeTotals, type MoneyLine, type MoneyTotals } from "@/lib/money";

export type SummaryItem = {
  category: "PLANNED" | "NECESSARY" | "RECOMMENDED" | "OK";
  decision: "APPROVED" | "DECLINED" | "CONTACT" | null;
  lines: readonly MoneyLine[];
};

export type ReportSummary = {
  /** Planned work: already agreed. */
  planned: MoneyTotals;
  /** Extra work the customer wants repaired (cart). */
  approved: MoneyTotals;
  /** Items the customer wants to be called about (phone): not in the budget. */
  contact: MoneyTotals;
  /** What the customer has agreed to pay: planned + approved, VAT per line (api-v1.md). */
  budget: MoneyTotals;
};

/** The three parts of seed 004's summary, over the items the customer can see (hidden ones never count). */
export function reportSummary(items: readonly SummaryItem[]): ReportSummary {
  const lines = (picked: readonly SummaryItem[]): MoneyLine[] => picked.flatMap((item) => item.lines);
  const planned = items.filter((item) => item.category === "PLANNED");
  const decided = (value: SummaryItem["decision"]) => items.filter((item) => item.category !== "PLANNED" && item.decision === value);
  const approved = decided("APPROVED");
  return {
    planned: computeTotals(lines(planned)),
    approved: computeTotals(lines(approved)),
    contact: computeTotals(lines(decided("CONTACT"))),
    budget: computeTotals([...lines(planned), ...lines(approved)]),
  };
}
