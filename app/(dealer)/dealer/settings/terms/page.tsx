import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SettingsShell } from "@/components/dealer/settings-shell";
import { TermsHistory } from "@/components/dealer/terms-history";
import { TermsOverview } from "@/components/dealer/terms-overview";
import { TermsPublishForm } from "@/components/dealer/terms-publish-form";
import { BRAND_EDITORS, requireStaffPage } from "@/lib/auth/require-staff";
import { localeNames } from "@/lib/i18n/locales";
import { loadTermsSettings, termsQuerySchema } from "@/lib/terms/terms-admin";
import { signOutAction } from "../../actions";
import { publishTermsAction } from "./actions";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("settingsTerms");
  return { title: t("title") };
}

/** The terms per language: what customers accept now, every earlier version, and a new version to publish. */
export default async function TermsSettingsPage({ searchParams }: Props) {
  const staff = await requireStaffPage(BRAND_EDITORS);
  const [settings, query, t] = await Promise.all([
    loadTermsSettings({ dealerId: staff.dealerId }),
    searchParams.then((params) => termsQuerySchema.parse(params)),
    getTranslations("settingsTerms"),
  ]);
  if (!settings) notFound();
  const locale = query.locale ?? settings.defaultLocale;
  const versions = settings.locales.find((entry) => entry.locale === locale)?.versions ?? [];
  const current = versions[0];
  const defaultHasTerms = Boolean(settings.locales.find((entry) => entry.locale === settings.defaultLocale)?.versions.length);
  const language = localeNames[locale];
  return (
    <SettingsShell staff={staff} signOut={signOutAction} active="terms" title={t("title")} intro={t("intro")}>
      {!defaultHasTerms && (
        <p role="alert" className="rounded border border-amber-400 bg-amber-50 p-3 text-amber-950">
          {t("missingDefault", { language: localeNames[settings.defaultLocale] })}
        </p>
      )}
      <section aria-labelledby="terms-overview" className="space-y-2">
        <h2 id="terms-overview" className="text-xl font-semibold">
          {t("overview.heading")}
        </h2>
        <TermsOverview locales={settings.locales} defaultLocale={settings.defaultLocale} selected={locale} timeZone={settings.timeZone} />
      </section>
      <section id="terms-locale" aria-labelledby="terms-locale-heading" className="space-y-4">
        <h2 id="terms-locale-heading" className="text-xl font-semibold">
          {t("locale.heading", { language })}
        </h2>
        <div className="space-y-3 rounded border border-neutral-300 bg-white p-4">
          <h3 className="text-lg font-semibold">{t("publish.heading")}</h3>
          <p className="text-sm text-neutral-700">
            {current ? t("publish.intro", { version: current.version }) : t("publish.introFirst", { language })}
          </p>
          <TermsPublishForm
            key={locale}
            action={publishTermsAction}
            locale={locale}
            basedOn={current?.version ?? 0}
            title={current?.title ?? ""}
            body={current?.body ?? ""}
          />
        </div>
        <h3 className="text-lg font-semibold">{t("history.heading", { language })}</h3>
        <TermsHistory versions={versions} locale={locale} timeZone={settings.timeZone} />
      </section>
    </SettingsShell>
  );
}
