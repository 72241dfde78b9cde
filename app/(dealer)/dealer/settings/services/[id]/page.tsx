import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ServiceForm } from "@/components/dealer/service-form";
import { ServiceImageSection } from "@/components/dealer/service-image-section";
import { ServiceStatusSection } from "@/components/dealer/service-status-section";
import { SettingsShell } from "@/components/dealer/settings-shell";
import { BRAND_EDITORS, requireStaffPage } from "@/lib/auth/require-staff";
import { isUuid } from "@/lib/ids";
import { serviceImageNoticeSchema } from "@/lib/optional-services/service-image-notice";
import { loadServiceForEdit } from "@/lib/optional-services/service-settings";
import { MAX_BRAND_IMAGE_BYTES } from "@/lib/uploads/brand-assets";
import { signOutAction } from "../../../actions";
import { removeServiceImageAction, setServiceActiveAction, updateServiceAction } from "../actions";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  const t = await getTranslations("settingsServices.form");
  return { title: t("editTitle") };
}

/** One of the dealer's services: its texts, price and targets, whether it is offered, and its image. */
export default async function EditServicePage({ params, searchParams }: Props) {
  const staff = await requireStaffPage(BRAND_EDITORS);
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const [loaded, notice, t] = await Promise.all([
    loadServiceForEdit({ dealerId: staff.dealerId, id }),
    searchParams.then((query) => serviceImageNoticeSchema.parse(query)),
    getTranslations("settingsServices"),
  ]);
  if (!loaded) notFound();
  const { service } = loaded;
  return (
    <SettingsShell staff={staff} signOut={signOutAction} active="services" title={service.title}>
      <p>
        <Link href="/dealer/settings/services" className="inline-flex min-h-11 items-center underline">
          {t("form.back")}
        </Link>
      </p>
      {notice.created && (
        <p role="status" className="rounded bg-green-50 p-3 text-green-900">
          {t("form.created")}
        </p>
      )}
      <ServiceStatusSection id={service.id} title={service.title} active={service.active} action={setServiceActiveAction} />
      <ServiceImageSection
        id={service.id}
        title={service.title}
        imageUrl={service.imageUrl}
        notice={notice.image}
        maxMb={MAX_BRAND_IMAGE_BYTES / 2 ** 20}
        removeAction={removeServiceImageAction}
      />
      <ServiceForm
        action={updateServiceAction}
        id={service.id}
        defaultLocale={loaded.defaultLocale}
        sites={loaded.sites}
        service={service}
      />
    </SettingsShell>
  );
}
