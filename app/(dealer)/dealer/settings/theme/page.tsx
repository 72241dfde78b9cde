import { getLocale, getTranslations } from "next-intl/server";
import { SettingsShell } from "@/components/dealer/settings-shell";
import { ThemeEditor } from "@/components/dealer/theme-editor";
import { ThemeImageForm } from "@/components/dealer/theme-image-form";
import { BRAND_EDITORS, requireStaffPage } from "@/lib/auth/require-staff";
import { loadThemeSettings } from "@/lib/dealers/theme-settings";
import { previewFramePath } from "@/lib/preview/preview-frame";
import { signOutAction } from "../../actions";
import { removeThemeImageAction, saveThemeAction } from "./actions";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("settingsTheme");
  return { title: t("title") };
}

/** The theme editor (admin and marketing): colours, font, welcome texts, logo and welcome image. */
export default async function ThemeSettingsPage({ searchParams }: Props) {
  const staff = await requireStaffPage(BRAND_EDITORS);
  const [theme, t, locale, query] = await Promise.all([
    loadThemeSettings({ dealerId: staff.dealerId }),
    getTranslations("settingsTheme"),
    getLocale(),
    searchParams,
  ]);
  const one = (name: string) => (typeof query[name] === "string" ? query[name] : null);
  const outcome = (image: "logo" | "welcome") => ({
    saved: one("saved") === image,
    refused: one("image") === image ? one("refused") : null,
  });
  const previewPath = previewFramePath({ page: "checkin", locale, siteId: theme.sites[0]?.id ?? null });
  return (
    <SettingsShell staff={staff} signOut={signOutAction} active="theme" title={t("title")} intro={t("intro")}>
      <ThemeEditor action={saveThemeAction} initial={theme} defaultLocale={theme.defaultLocale} previewPath={previewPath}>
        <ThemeImageForm image="logo" url={theme.logoUrl} outcome={outcome("logo")} removeAction={removeThemeImageAction} />
        <ThemeImageForm image="welcome" url={theme.welcomeImageUrl} outcome={outcome("welcome")} removeAction={removeThemeImageAction} />
      </ThemeEditor>
    </SettingsShell>
  );
}
