"use client";

import { useTranslations } from "next-intl";
import { ApiShownOnce } from "@/components/dealer/api-shown-once";
import { SettingsForm, useFieldError, type SettingsActionFn } from "@/components/dealer/settings-form";

type Props = {
  action: SettingsActionFn<{ url: string; secret: string }>;
  /** The event types the code emits (lib/webhooks/emit.ts), in their order. */
  eventTypes: readonly string[];
};

/** A new webhook endpoint: its https address and events; the signing secret appears once on success. */
export function WebhookCreateForm({ action, eventTypes }: Props) {
  const t = useTranslations("settingsApi.createWebhook");
  return (
    <SettingsForm
      action={action}
      submitLabel={t("submit")}
      savedLabel={t("created")}
      resetOnSuccess
      renderResult={(data) => <ApiShownOnce label={t("result")} value={data.secret} hint={t("copyHint")} />}
    >
      <UrlField />
      <EventsField eventTypes={eventTypes} />
    </SettingsForm>
  );
}

/** A refusal in words from this screen's own codes (https only, no private networks, …). */
function useErrorText(name: string, alsoName = name): string | undefined {
  const t = useTranslations("settingsApi.errors");
  const first = useFieldError(name);
  const second = useFieldError(alsoName);
  const code = first ?? second;
  if (!code) return undefined;
  return t.has(code) ? t(code) : t("invalid");
}

function UrlField() {
  const t = useTranslations("settingsApi.createWebhook");
  const error = useErrorText("url");
  return (
    <div>
      <label htmlFor="webhook-url" className="block font-medium">
        {t("url")}
      </label>
      <p id="webhook-url-hint" className="text-sm text-neutral-700">
        {t("urlHint")}
      </p>
      <input
        id="webhook-url"
        name="url"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        maxLength={2048}
        placeholder="https://"
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "webhook-url-hint webhook-url-error" : "webhook-url-hint"}
        className="mt-1 block min-h-11 w-full rounded border border-neutral-400 bg-white px-3 py-2 aria-invalid:border-red-700"
      />
      {error && (
        <p id="webhook-url-error" className="mt-1 text-sm text-red-900">
          {error}
        </p>
      )}
    </div>
  );
}

function EventsField({ eventTypes }: { eventTypes: readonly string[] }) {
  const t = useTranslations("settingsApi");
  // An unknown event (a tampered form) is refused at its index: events.0, …
  const error = useErrorText("events", "events.0");
  return (
    <fieldset aria-describedby={error ? "webhook-events-error" : undefined}>
      <legend className="font-medium">{t("createWebhook.events")}</legend>
      <ul className="mt-1 grid gap-x-4 sm:grid-cols-2">
        {eventTypes.map((type) => (
          <li key={type}>
            <label className="inline-flex min-h-11 items-center gap-2">
              <input type="checkbox" name="events" value={type} className="size-5" />
              <span className="flex flex-col">
                {t(`events.${type}`)}
                <code className="text-xs text-neutral-700">{type}</code>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {error && (
        <p id="webhook-events-error" className="mt-1 text-sm text-red-900">
          {error}
        </p>
      )}
    </fieldset>
  );
}
