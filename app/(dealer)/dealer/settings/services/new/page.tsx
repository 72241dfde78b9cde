import Link from "next/link";
import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ServiceForm } from "@/components/dealer/service-form";
import { SettingsShell } from "@/components/dealer/settings-shell";
import { BRAND_EDITORS, requireStaffPage } from "@/lib/auth/require-staff";
import { loadServiceFormContext } from "@/lib/optional-services/service-settings";
import { signOutAction } from "../../../actions";
import { createServiceAction } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("settingsServices.form");
  return { title: t("newTitle") };
}

/** A new optional service; the image is added on its own page once it exists. */
export default async function NewServicePage() {
  const staff = await requireStaffPage(BRAND_EDITORS);
  const [context, t] = await Promise.all([loadServiceFormContext({ dealerId: staff.dealerId }), getTranslations("settingsServices")]);
  if (!context) notFound();
  return (
    <SettingsShell staff={staff} signOut={signOutAction} active="services" title={t("form.newTitle")} intro={t("form.newIntro")}>
      <p>
        <Link href="/dealer/settings/services" className="inline-flex min-h-11 items-center underline">
          {t("form.back")}
        </Link>
      </p>
      {/* A fresh id per rendering of the form: posting the same form twice makes one service. */}
      <ServiceForm
        action={createServiceAction}
        id={randomUUID()}
        defaultLocale={context.defaultLocale}
        sites={context.sites}
        service={null}
      />
    </SettingsShell>
  );
}
