import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { formatDecimalMoney } from "@/lib/money";
import { getReportByToken } from "@/lib/report/get-report-by-token";
import { buildReportReceipt } from "@/lib/report/report-receipt";
import { reportSummary } from "@/lib/report/report-summary";
import { withMigratedDatabase } from "@/test/database";
import { appointmentBody, call, makeApiDealer } from "@/test/api";

withMigratedDatabase();
afterEach(() => setNow(null));

let dealer: Awaited<ReturnType<typeof makeApiDealer>>;
beforeAll(async () => {
  dealer = await makeApiDealer("totals-prop");
});

const line = fc.record({
  title: fc.constantFrom("Part", "Labour", "Fluid"),
  quantity: fc.constantFrom("1", "0.8", "2", "1.5", "0.333", "12"),
  unitPrice: fc.integer({ min: 0, max: 250_000 }).map((cents) => (cents / 100).toFixed(2)),
  vatRate: fc.constantFrom("21", "6", "0", "25", "12", "9"),
});
const item = fc.record({
  category: fc.constantFrom("planned", "necessary", "recommended", "ok"),
  visible: fc.boolean(),
  lines: fc.array(line, { minLength: 0, maxLength: 4 }),
  decision: fc.constantFrom(null, "APPROVED", "DECLINED", "CONTACT"),
});

let run = 0;

/**
 * For random reports and answers, the three places a customer's totals appear — the page (the shared
 * `reportSummary` over what the token's page loads), the API's `totals`, and the receipt (page and PDF)
 * — say the same, and hidden items never count.
 */
describe("report totals agree between the page, the API and the receipt", () => {
  it("for random items, VAT rates, quantities and decisions", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 8 }), async (items) => {
        run += 1;
        const externalId = `TOT-${run}`;
        setNow(new Date("2026-12-01T09:00:00Z"));
        await call("appointment", "PUT", externalId, { key: dealer.key, body: appointmentBody() });
        const body = {
          items: items.map((it, i) => ({
            key: `item-${i}`,
            category: it.category,
            title: `Item ${i}`,
            visible: it.visible,
            lines: it.lines,
          })),
        };
        const put = await call("report", "PUT", externalId, { key: dealer.key, body });
        if (!items.some((it) => it.visible)) return; // nothing to send: the API says so (409), tested elsewhere
        expect(put.status).toBe(200);
        const sent = await call("reportSend", "POST", externalId, { key: dealer.key, body: { channel: "email" } });
        expect(sent.status).toBe(202);
        const token = String((sent.json as { url: string }).url).split("/r/")[1]!;
        const report = await db().report.findFirstOrThrow({
          where: { appointment: { externalId, dealerId: dealer.id } },
          select: { id: true },
        });
        const decided = items.flatMap((it, i) =>
          it.decision && it.category !== "planned" && it.category !== "ok"
            ? [{ reportId: report.id, itemKey: `item-${i}`, decision: it.decision, decidedOnVersion: 1 }]
            : [],
        );
        await db().reportDecision.createMany({ data: decided });
        await db().report.update({ where: { id: report.id }, data: { state: "RESPONDED", respondedAt: new Date(), answeredVersion: 1 } });

        const link = await getReportByToken(token);
        expect(link.status).toBe("open");
        if (link.status !== "open") return;
        const page = reportSummary(link.view.items);
        const api = (await call("report", "GET", externalId, { key: dealer.key })).json as {
          totals: Record<"approved" | "planned" | "contact", { net: string; vat: string; gross: string }>;
        };
        for (const part of ["approved", "planned", "contact"] as const) {
          expect(api.totals[part]).toEqual({
            net: formatDecimalMoney(page[part].netMinor, "EUR"),
            vat: formatDecimalMoney(page[part].vatMinor, "EUR"),
            gross: formatDecimalMoney(page[part].grossMinor, "EUR"),
          });
        }
        expect(page.budget.grossMinor).toBe(page.planned.grossMinor + page.approved.grossMinor);
        expect(page.budget.vatMinor).toBe(page.budget.vatByRate.reduce((sum, v) => sum + v.vatMinor, 0));

        const receipt = await buildReportReceipt(link.view, "en");
        expect(receipt?.totals?.at(-1)?.valueMinor).toBe(page.budget.grossMinor);
        const receiptVat = (receipt?.totals ?? []).slice(0, -1).reduce((sum, t) => sum + t.valueMinor, 0);
        expect(receiptVat).toBe(page.budget.vatMinor);
        // Hidden items are nowhere in what the customer's side computes.
        expect(link.view.items.map((i) => i.key)).toEqual(items.flatMap((it, i) => (it.visible ? [`item-${i}`] : [])));
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
