import "server-only";
import { db, type Tx } from "@/lib/db";
import type { SavedTemplateTexts } from "@/lib/templates/resolve-template";
import type { TemplateField, TemplateKind } from "@/lib/templates/template-variables";

/**
 * A dealer's saved wording, as stored. A field kept as "" is that field's default wording: a dealer who
 * rewrote only the SMS keeps getting the e-mail's default text, including later corrections of it. A
 * row exists only while at least one field is the dealer's own ("reset to default" deletes it).
 */
export type StoredTemplate = SavedTemplateTexts & { updatedAt: Date; updatedById: string | null };

const templateSelect = { subject: true, emailText: true, smsText: true, updatedAt: true, updatedById: true } as const;

type Row = Record<TemplateField, string> & { updatedAt: Date; updatedById: string | null };

export function fromRow(row: Row): StoredTemplate {
  return {
    subject: row.subject || null,
    emailText: row.emailText || null,
    smsText: row.smsText || null,
    updatedAt: row.updatedAt,
    updatedById: row.updatedById,
  };
}

export function toRow(texts: SavedTemplateTexts): Record<TemplateField, string> {
  return { subject: texts.subject ?? "", emailText: texts.emailText ?? "", smsText: texts.smsText ?? "" };
}

/** The dealer's wording of one message in one language, or null for the default wording. */
export async function findDealerTemplate(
  input: { dealerId: string; kind: TemplateKind; locale: string },
  client: Tx = db(),
): Promise<StoredTemplate | null> {
  const row = await client.messageTemplate.findUnique({
    where: { dealerId_kind_locale: { dealerId: input.dealerId, kind: input.kind, locale: input.locale } },
    select: templateSelect,
  });
  return row ? fromRow(row) : null;
}

/** Every saved wording of the dealer, keyed `${kind}:${locale}`. */
export async function listDealerTemplates(dealerId: string): Promise<Map<string, StoredTemplate>> {
  const rows = await db().messageTemplate.findMany({ where: { dealerId }, select: { ...templateSelect, kind: true, locale: true } });
  return new Map(rows.map((row) => [`${row.kind}:${row.locale}`, fromRow(row)]));
}
