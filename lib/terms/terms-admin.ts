import "server-only";
import { z } from "zod";
import type { StaffSession } from "@/lib/auth/session";
import { recordSettingsChange } from "@/lib/dealers/settings-change";
import { requiredText } from "@/lib/dealers/settings-fields";
import { dealerTimeZone } from "@/lib/dealers/settings-history";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isLocale, locales, type Locale } from "@/lib/i18n/locales";
import { TERMS_BODY_MAX, TERMS_TITLE_MAX } from "@/lib/terms/terms-limits";

/**
 * The terms customers accept when they confirm their check-in (seed 003: "Ajouter des conditions"),
 * versioned per language. A published version is never changed: customers accepted that exact text, and
 * each confirmed answer names the version it accepted (CheckInRevision.termsVersionId). A change is a new
 * version; a customer confirming after it accepts the new one (submit-checkin.ts refuses an older id).
 */

/** Browsers send a textarea's line breaks as CRLF: the same text typed twice must compare equal. */
const text = (max: number) =>
  z.preprocess((value) => (typeof value === "string" ? value.replace(/\r\n?/g, "\n") : value), requiredText(max));

export const publishTermsSchema = z.object({
  locale: z.enum(locales, { message: "invalid" }),
  /** The version the form showed (0: none yet), so a publish over someone else's newer one is refused. */
  basedOn: z.coerce.number({ message: "invalid" }).int().min(0),
  title: text(TERMS_TITLE_MAX),
  body: text(TERMS_BODY_MAX),
});

/** `?locale=` chooses the language shown below the overview; anything else shows the dealer's own. */
export const termsQuerySchema = z.object({ locale: z.enum(locales).optional().catch(undefined) });

export type TermsVersionView = { id: string; version: number; title: string; body: string; publishedAt: Date };

export type TermsLocaleView = {
  locale: Locale;
  /** Newest first; the first is what customers reading this language accept now. */
  versions: TermsVersionView[];
};

export type TermsSettings = { defaultLocale: Locale; timeZone: string; locales: TermsLocaleView[] };

export async function loadTermsSettings(input: { dealerId: string }): Promise<TermsSettings | null> {
  const [dealer, versions, timeZone] = await Promise.all([
    db().dealer.findUnique({ where: { id: input.dealerId }, select: { defaultLocale: true } }),
    db().termsVersion.findMany({
      where: { dealerId: input.dealerId },
      orderBy: [{ locale: "asc" }, { version: "desc" }],
      select: { id: true, locale: true, version: true, title: true, body: true, publishedAt: true },
    }),
    dealerTimeZone(input.dealerId),
  ]);
  if (!dealer) return null;
  return {
    defaultLocale: isLocale(dealer.defaultLocale) ? dealer.defaultLocale : "en",
    timeZone,
    locales: locales.map((locale) => ({
      locale,
      versions: versions.filter((v) => v.locale === locale).map(({ locale: _locale, ...version }) => version),
    })),
  };
}

export type PublishResult = { version: number; published: boolean };

/**
 * Publishes a new version of the dealer's terms in one language. The same text as the current version
 * (a form posted twice) publishes nothing; a form based on an older version than the current one is a
 * conflict, so nobody replaces a colleague's newer text without seeing it.
 */
export async function publishTermsForStaff(staff: StaffSession, input: z.infer<typeof publishTermsSchema>): Promise<PublishResult> {
  return db().$transaction(async (tx) => {
    // Versions are numbered per language: two publishes at once must not both take the next number.
    await tx.$queryRaw`SELECT 1 FROM "Dealer" WHERE "id" = ${staff.dealerId} FOR UPDATE`;
    const current = await tx.termsVersion.findFirst({
      where: { dealerId: staff.dealerId, locale: input.locale },
      orderBy: { version: "desc" },
      select: { version: true, title: true, body: true },
    });
    if (current && current.title === input.title && current.body === input.body) return { version: current.version, published: false };
    if ((current?.version ?? 0) !== input.basedOn) throw new AppError("conflict");
    const version = (current?.version ?? 0) + 1;
    const created = await tx.termsVersion.create({
      data: { dealerId: staff.dealerId, locale: input.locale, version, title: input.title, body: input.body },
      select: { id: true },
    });
    await recordSettingsChange(tx, {
      staff,
      entity: "terms",
      entityId: created.id,
      change: "published",
      before: current ? { locale: input.locale, ...current } : null,
      after: { locale: input.locale, version, title: input.title, body: input.body },
    });
    return { version, published: true };
  });
}
