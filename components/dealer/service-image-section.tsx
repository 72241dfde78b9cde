import { useTranslations } from "next-intl";
import { ServiceImageUpload } from "@/components/dealer/service-image-upload";
import { ServiceRowForm } from "@/components/dealer/service-row-form";
import type { SettingsActionFn } from "@/components/dealer/settings-form";
import type { ServiceImageNotice } from "@/lib/optional-services/service-image-notice";

type Props = {
  id: string;
  title: string;
  imageUrl: string | null;
  /** The outcome of the last upload, from the redirect's query. */
  notice: ServiceImageNotice | undefined;
  maxMb: number;
  removeAction: SettingsActionFn<unknown>;
};

/** The card's image: what customers see now, a file to replace it with, or nothing (remove). */
export function ServiceImageSection({ id, title, imageUrl, notice, maxMb, removeAction }: Props) {
  const t = useTranslations("settingsServices.image");
  const error = notice && notice !== "saved" ? t(`errors.${notice}`, { mb: maxMb }) : null;
  return (
    <section id="image" aria-labelledby="image-heading" className="space-y-3 rounded border border-neutral-300 bg-white p-4">
      <h2 id="image-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      {notice === "saved" && (
        <p role="status" className="text-green-900">
          {t("saved")}
        </p>
      )}
      {imageUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- the dealer's own image, already sized and re-encoded by sharp
        <img src={imageUrl} alt={t("current", { title })} width={320} height={200} className="h-auto w-80 rounded" />
      ) : (
        <p className="text-neutral-700">{t("none")}</p>
      )}
      <ServiceImageUpload serviceId={id} maxMb={maxMb} error={error} />
      {imageUrl && (
        <ServiceRowForm
          action={removeAction}
          fields={{ id }}
          pendingLabel={t("removing")}
          failed={t("removeFailed")}
          label={
            <>
              {t("remove")}
              <span className="sr-only"> — {title}</span>
            </>
          }
        />
      )}
    </section>
  );
}
