"use client";

import { useEffect, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { SettingsForm, type SettingsActionFn } from "@/components/dealer/settings-form";
import { SelectField, TextAreaField, TextField } from "@/components/dealer/settings-field";
import { BUNDLED_FONTS, FONT_KEYS } from "@/lib/dealers/fonts";
import { checkTheme, isHexColor, MIN_TEXT_CONTRAST, MIN_UI_CONTRAST } from "@/lib/dealers/theme";
import { localeNames, locales } from "@/lib/i18n/locales";

type Props = {
  action: SettingsActionFn<{ changed: boolean }>;
  initial: { primaryColor: string; accentColor: string; fontKey: string; welcomeText: Partial<Record<string, string>> };
  defaultLocale: string;
  /** The customer page the preview frame shows, without the draft theme (lib/preview). */
  previewPath: string;
  /** The logo and welcome image forms, rendered by the server. */
  children: ReactNode;
};

/**
 * The theme editor: colours with their WCAG contrast worked out as they are typed, the font, the
 * welcome texts, and beside them the check-in page at phone size wearing the unsaved theme (the preview
 * frame renders it from the query; nothing is saved until the form is). Without JavaScript the form
 * still saves and the frame shows the saved theme.
 */
export function ThemeEditor({ action, initial, defaultLocale, previewPath, children }: Props) {
  const t = useTranslations("settingsTheme");
  const [primary, setPrimary] = useState(initial.primaryColor);
  const [accent, setAccent] = useState(initial.accentColor);
  const [fontKey, setFontKey] = useState(initial.fontKey);
  const draft = usePreviewSource(previewPath, { primary, accent, font: fontKey });
  const valid = isHexColor(primary) && isHexColor(accent);
  const check = valid ? checkTheme({ primaryColor: primary, accentColor: accent }) : null;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_300px]">
      <div className="space-y-6">
        <section aria-labelledby="theme-colours" className="rounded border border-neutral-300 bg-white p-4">
          <h2 id="theme-colours" className="mb-3 text-xl font-semibold">
            {t("colours.heading")}
          </h2>
          <SettingsForm action={action} submitLabel={t("save")}>
            <ColourField
              name="primaryColor"
              label={t("colours.primary")}
              hint={t("colours.primaryHint")}
              value={primary}
              onChange={setPrimary}
            />
            <ColourField
              name="accentColor"
              label={t("colours.accent")}
              hint={t("colours.accentHint")}
              value={accent}
              onChange={setAccent}
            />
            {check && (
              <div role="status" aria-live="polite" className="rounded bg-neutral-100 p-3 text-sm" data-testid="contrast">
                <p className="font-semibold">{t("contrast.heading")}</p>
                <ul className="mt-1 space-y-1">
                  <Verdict ok={check.primaryOnPage >= MIN_TEXT_CONTRAST}>
                    {t("contrast.primaryOnPage", { ratio: check.primaryOnPage.toFixed(2), min: MIN_TEXT_CONTRAST })}
                  </Verdict>
                  <Verdict ok={check.accentOnPage >= MIN_UI_CONTRAST}>
                    {t("contrast.accentOnPage", { ratio: check.accentOnPage.toFixed(2), min: MIN_UI_CONTRAST })}
                  </Verdict>
                  <Verdict ok>
                    {t("contrast.textOnPrimary", {
                      color: t(check.onPrimary.color === "#ffffff" ? "contrast.white" : "contrast.black"),
                      ratio: check.onPrimary.ratio.toFixed(2),
                    })}
                  </Verdict>
                </ul>
              </div>
            )}
            <SelectField
              name="fontKey"
              label={t("colours.font")}
              hint={t("colours.fontHint")}
              value={fontKey}
              onChange={(event) => setFontKey(event.target.value)}
              options={FONT_KEYS.map((key) => [key, BUNDLED_FONTS[key].family] as const)}
            />
            <fieldset className="space-y-3">
              <legend className="font-semibold">{t("welcome.heading")}</legend>
              <p className="text-sm text-neutral-700">
                {t("welcome.intro", { language: localeNames[defaultLocale as keyof typeof localeNames] ?? defaultLocale })}
              </p>
              {locales.map((locale) => (
                <TextAreaField
                  key={locale}
                  name={`welcome.${locale}`}
                  label={t("welcome.label", { language: localeNames[locale] })}
                  lang={locale}
                  rows={2}
                  maxLength={600}
                  defaultValue={initial.welcomeText[locale] ?? ""}
                />
              ))}
            </fieldset>
          </SettingsForm>
        </section>
        {children}
      </div>
      <aside aria-labelledby="theme-preview" className="space-y-2">
        <h2 id="theme-preview" className="text-xl font-semibold">
          {t("preview.heading")}
        </h2>
        {/* 390 × 844 (a phone) shown at three quarters. */}
        <div className="h-[633px] w-[293px] overflow-hidden rounded-2xl border-4 border-neutral-800 bg-white">
          <iframe title={t("preview.label")} src={draft} className="h-[844px] w-[390px] origin-top-left scale-75" />
        </div>
        <a href="/dealer/preview" className="inline-flex min-h-11 items-center underline">
          {t("preview.open")}
        </a>
      </aside>
    </div>
  );
}

/** The frame's address with the draft theme, updated a moment after the last keystroke. */
function usePreviewSource(path: string, draft: { primary: string; accent: string; font: string }): string {
  const build = () => {
    const query = new URLSearchParams({ theme: "draft" });
    if (isHexColor(draft.primary)) query.set("primary", draft.primary);
    if (isHexColor(draft.accent)) query.set("accent", draft.accent);
    query.set("font", draft.font);
    return `${path}${path.includes("?") ? "&" : "?"}${query}`;
  };
  const [source, setSource] = useState(path);
  const next = build();
  useEffect(() => {
    const timer = setTimeout(() => setSource(next), 300);
    return () => clearTimeout(timer);
  }, [next]);
  return source;
}

function ColourField(props: { name: string; label: string; hint: string; value: string; onChange: (value: string) => void }) {
  const t = useTranslations("settingsTheme");
  return (
    <div className="flex items-end gap-3">
      <input
        type="color"
        aria-label={t("colours.picker", { label: props.label })}
        value={isHexColor(props.value) ? props.value : "#000000"}
        onChange={(event) => props.onChange(event.target.value)}
        className="h-11 w-14 shrink-0 cursor-pointer rounded border border-neutral-400 bg-white"
      />
      <div className="grow">
        <TextField
          name={props.name}
          label={props.label}
          hint={props.hint}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value.trim())}
          spellCheck={false}
          autoComplete="off"
          maxLength={7}
        />
      </div>
    </div>
  );
}

function Verdict({ ok, children }: { ok: boolean; children: ReactNode }) {
  const t = useTranslations("settingsTheme");
  return (
    <li className={ok ? "text-green-900" : "font-semibold text-red-900"}>
      <span aria-hidden="true">{ok ? "✓ " : "✗ "}</span>
      {children} — {ok ? t("contrast.pass") : t("contrast.fail")}
    </li>
  );
}
