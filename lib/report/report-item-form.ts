import "server-only";
import { z } from "zod";
import { moneyStringSchema, optionalText, quantitySchema, requiredText, vatRateSchema } from "@/lib/api/fields";

/** A repeated form field: one value arrives as a string, several as an array, none as undefined. */
const repeated = z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.string()).max(50));

/** People type "89,90" as often as "89.90". */
const decimal = (value: string) => value.trim().replace(",", ".");

const lineSchema = z.object({
  title: requiredText(200),
  quantity: z.string().transform(decimal).pipe(quantitySchema),
  unitPrice: z.string().transform(decimal).pipe(moneyStringSchema),
  vatRate: z.string().transform(decimal).pipe(vatRateSchema),
});

/**
 * The builder's item form: the same fields as an item of the API's PUT. Lines come as parallel repeated
 * fields (a plain form has no arrays); a row left entirely blank is one of the spare rows, not a line.
 * Errors name the line (`lines.1.unitPrice`).
 */
export const reportItemFormSchema = z
  .object({
    appointmentId: z.uuid(),
    key: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/)
      .optional()
      .transform((value) => value ?? null),
    category: z.enum(["PLANNED", "NECESSARY", "RECOMMENDED", "OK"]),
    title: requiredText(200),
    description: optionalText(4000, { multiline: true }),
    visible: z.literal("on").optional(),
    lineTitle: repeated,
    lineQuantity: repeated,
    linePrice: repeated,
    lineVat: repeated,
  })
  .transform((form, ctx) => {
    const rows = form.lineTitle.map((title, i) => ({
      title,
      quantity: form.lineQuantity[i] ?? "",
      unitPrice: form.linePrice[i] ?? "",
      vatRate: form.lineVat[i] ?? "",
    }));
    const filled = rows.filter((row) => row.title.trim() !== "" || row.unitPrice.trim() !== "");
    const lines = filled.flatMap((row, index) => {
      const parsed = lineSchema.safeParse(row);
      if (parsed.success) return [parsed.data];
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: "custom", path: ["lines", index, ...issue.path], message: issue.message });
      return [];
    });
    return {
      appointmentId: form.appointmentId,
      item: {
        key: form.key,
        category: form.category,
        title: form.title,
        description: form.description,
        visible: form.visible === "on",
        lines,
      },
    };
  });
