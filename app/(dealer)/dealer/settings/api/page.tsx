import { getTranslations } from "next-intl/server";
import { ApiKeyCreateForm } from "@/components/dealer/api-key-create-form";
import { ApiKeyList } from "@/components/dealer/api-key-list";
import { SettingsShell } from "@/components/dealer/settings-shell";
import { WebhookCreateForm } from "@/components/dealer/webhook-create-form";
import { WebhookEndpointList } from "@/components/dealer/webhook-endpoint-list";
import { loadApiSettings } from "@/lib/api/api-key-admin";
import { DEALER_ADMINS, requireStaffPage } from "@/lib/auth/require-staff";
import { webhookEventTypes } from "@/lib/webhooks/emit";
import { signOutAction } from "../../actions";
import { createApiKeyAction, createWebhookAction, deactivateWebhookAction, revokeApiKeyAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("settingsApi");
  return { title: t("title") };
}

/** The dealer admin's API keys (shown once, revocable) and webhook endpoints (secret shown once). */
export default async function ApiSettingsPage() {
  const staff = await requireStaffPage(DEALER_ADMINS);
  const [{ keys, endpoints, timeZone }, t] = await Promise.all([
    loadApiSettings({ dealerId: staff.dealerId }),
    getTranslations("settingsApi"),
  ]);
  return (
    <SettingsShell staff={staff} signOut={signOutAction} active="api" title={t("title")} intro={t("intro")}>
      <section aria-labelledby="api-keys" className="space-y-4">
        <h2 id="api-keys" className="text-xl font-semibold">
          {t("keys.heading")}
        </h2>
        <ApiKeyList keys={keys} timeZone={timeZone} revokeAction={revokeApiKeyAction} />
        <div className="rounded border border-neutral-300 bg-white p-4">
          <h3 className="mb-2 text-lg font-semibold">{t("createKey.heading")}</h3>
          <ApiKeyCreateForm action={createApiKeyAction} />
        </div>
      </section>
      <section aria-labelledby="webhooks" className="space-y-4">
        <h2 id="webhooks" className="text-xl font-semibold">
          {t("webhooks.heading")}
        </h2>
        <WebhookEndpointList endpoints={endpoints} timeZone={timeZone} deactivateAction={deactivateWebhookAction} />
        <div className="rounded border border-neutral-300 bg-white p-4">
          <h3 className="mb-2 text-lg font-semibold">{t("createWebhook.heading")}</h3>
          <WebhookCreateForm action={createWebhookAction} eventTypes={webhookEventTypes} />
        </div>
      </section>
    </SettingsShell>
  );
}
