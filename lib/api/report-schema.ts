import "server-only";
import { z } from "zod";
import { isObject, moneyStringSchema, optionalText, quantitySchema, requiredText, vatRateSchema } from "@/lib/api/fields";

const reportLineSchema = z.object({
  title: requiredText(200),
  quantity: quantitySchema.default("1"),
  unitPrice: moneyStringSchema,
  vatRate: vatRateSchema,
});

const reportItemSchema = z.object({
  key: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, "1–64 of A–Z, a–z, 0–9, '.', '_', '-'"),
  category: z.enum(["planned", "necessary", "recommended", "ok"]),
  title: requiredText(200),
  description: optionalText(4000, { multiline: true }),
  visible: z.boolean().default(true),
  lines: z.array(reportLineSchema).max(50).default([]),
});

/**
 * Body of `PUT …/report`: the whole item list of the next version. Amounts are checked against the
 * appointment's currency once it is loaded (setReportItems).
 */
export const reportItemsBodySchema = z.object({ items: z.array(reportItemSchema).max(200) }).superRefine(
  (body, ctx) => {
    // Runs even when items failed elsewhere, so duplicate keys are reported with every other error.
    const raw: unknown = body;
    const items: unknown[] = isObject(raw) && Array.isArray(raw.items) ? raw.items : [];
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const key = isObject(item) ? item.key : undefined;
      if (typeof key !== "string") return;
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["items", index, "key"], message: "each key at most once" });
      seen.add(key);
    });
  },
  { when: (payload) => isObject(payload.value) },
);

export type ReportItemsBody = z.output<typeof reportItemsBodySchema>;
