import "server-only";
import { z } from "zod";
import type { StaffSession } from "@/lib/auth/session";
import { FONT_KEYS } from "@/lib/dealers/fonts";
import { welcomeTexts } from "@/lib/dealers/get-brand";
import { recordSettingsChange } from "@/lib/dealers/settings-change";
import { optionalText } from "@/lib/dealers/settings-fields";
import { checkTheme, isHexColor } from "@/lib/dealers/theme";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { locales, type Locale } from "@/lib/i18n/locales";

/**
 * The theme editor's domain: colours, font and welcome text (one form), and the logo and welcome image
 * (uploaded apart, see theme-images.ts). Every change is audited with what it was before.
 */

export const WELCOME_TEXT_MAX = 600;

const hexColor = z
  .string({ message: "required" })
  .trim()
  .toLowerCase()
  .refine((value) => isHexColor(value), "color");

/** One welcome text per language, as the form names its fields: `welcome.en`, `welcome.fr`, … (absent: none). */
const welcomeText = optionalText(WELCOME_TEXT_MAX).optional();
const welcomeFields = Object.fromEntries(locales.map((locale) => [`welcome.${locale}`, welcomeText])) as Record<
  `welcome.${Locale}`,
  typeof welcomeText
>;

export const themeSchema = z
  .object({
    primaryColor: hexColor,
    accentColor: hexColor,
    fontKey: z.enum(FONT_KEYS, { message: "invalid" }),
    ...welcomeFields,
  })
  .superRefine((input, ctx) => {
    // A pair that breaks WCAG AA is refused, with the field to change named (lib/dealers/theme.ts).
    const { problems } = checkTheme(input);
    if (problems.includes("primaryOnPage")) ctx.addIssue({ code: "custom", path: ["primaryColor"], message: "contrastPrimary" });
    if (problems.includes("accentOnPage")) ctx.addIssue({ code: "custom", path: ["accentColor"], message: "contrastAccent" });
  });

export type ThemeInput = z.infer<typeof themeSchema>;

export type ThemeSettings = {
  primaryColor: string;
  accentColor: string;
  fontKey: string;
  welcomeText: Partial<Record<string, string>>;
  logoUrl: string | null;
  welcomeImageUrl: string | null;
  defaultLocale: string;
  /** The dealer's sites, for the preview's site choice. */
  sites: { id: string; name: string }[];
};

export async function loadThemeSettings(input: { dealerId: string }): Promise<ThemeSettings> {
  const dealer = await db().dealer.findUnique({
    where: { id: input.dealerId },
    select: {
      primaryColor: true,
      accentColor: true,
      fontKey: true,
      welcomeText: true,
      logoAssetId: true,
      welcomeImageAssetId: true,
      defaultLocale: true,
      sites: { select: { id: true, name: true }, orderBy: { name: "asc" } },
    },
  });
  if (!dealer) throw new AppError("not_found");
  return {
    primaryColor: dealer.primaryColor,
    accentColor: dealer.accentColor,
    fontKey: dealer.fontKey,
    welcomeText: welcomeTexts(dealer.welcomeText),
    logoUrl: dealer.logoAssetId ? `/brand/${dealer.logoAssetId}` : null,
    welcomeImageUrl: dealer.welcomeImageAssetId ? `/brand/${dealer.welcomeImageAssetId}` : null,
    defaultLocale: dealer.defaultLocale,
    sites: dealer.sites,
  };
}

type ThemeRow = { primaryColor: string; accentColor: string; fontKey: string; welcomeText: unknown };

const themeFields = (row: ThemeRow) => ({
  primaryColor: row.primaryColor,
  accentColor: row.accentColor,
  fontKey: row.fontKey,
  ...Object.fromEntries(Object.entries(welcomeTexts(row.welcomeText)).map(([locale, text]) => [`welcome.${locale}`, text])),
});

/** Saves colours, font and welcome texts; an unchanged form records nothing. */
export async function saveTheme(staff: StaffSession, input: ThemeInput): Promise<{ changed: boolean }> {
  const welcomeText = Object.fromEntries(
    locales.flatMap((locale) => {
      const text = input[`welcome.${locale}`];
      return text ? [[locale, text]] : [];
    }),
  );
  return db().$transaction(async (tx) => {
    const before = await lockedTheme(tx, staff.dealerId);
    const after = await tx.dealer.update({
      where: { id: staff.dealerId },
      data: { primaryColor: input.primaryColor, accentColor: input.accentColor, fontKey: input.fontKey, welcomeText },
      select: { primaryColor: true, accentColor: true, fontKey: true, welcomeText: true },
    });
    const changed = await recordSettingsChange(tx, {
      staff,
      entity: "theme",
      entityId: staff.dealerId,
      change: "updated",
      before: themeFields(before),
      after: themeFields(after),
    });
    return { changed };
  });
}

/** The dealer's theme row, locked for the rest of the transaction (two editors saving at once). */
export async function lockedTheme(tx: Tx, dealerId: string) {
  await tx.$executeRaw`SELECT 1 FROM "Dealer" WHERE "id" = ${dealerId} FOR UPDATE`;
  const dealer = await tx.dealer.findUnique({
    where: { id: dealerId },
    select: { primaryColor: true, accentColor: true, fontKey: true, welcomeText: true, logoAssetId: true, welcomeImageAssetId: true },
  });
  if (!dealer) throw new AppError("not_found");
  return dealer;
}
