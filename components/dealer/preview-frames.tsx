import { useTranslations } from "next-intl";

/**
 * One customer page in a phone and a desktop frame, side by side, each drawn at the size a customer
 * sees it and scaled down to fit (the frame's page lays out at its real width).
 */
export function PreviewFrames({ src, pageName }: { src: string; pageName: string }) {
  const t = useTranslations("preview");
  return (
    <div className="flex flex-wrap items-start gap-6">
      <figure className="space-y-1">
        <div className="h-[506px] w-[234px] overflow-hidden rounded-2xl border-4 border-neutral-800 bg-white">
          <iframe
            title={t("frameTitle", { page: pageName, device: t("phone") })}
            src={src}
            className="h-[844px] w-[390px] origin-top-left scale-[0.6]"
          />
        </div>
        <figcaption className="text-sm text-neutral-700">{t("phoneCaption")}</figcaption>
      </figure>
      <figure className="space-y-1">
        <div className="h-[360px] w-[576px] overflow-hidden rounded border-4 border-neutral-800 bg-white">
          <iframe
            title={t("frameTitle", { page: pageName, device: t("desktop") })}
            src={src}
            className="h-[800px] w-[1280px] origin-top-left scale-[0.45]"
          />
        </div>
        <figcaption className="text-sm text-neutral-700">{t("desktopCaption")}</figcaption>
      </figure>
    </div>
  );
}
