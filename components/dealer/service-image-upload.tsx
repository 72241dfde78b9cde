"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

type Props = { serviceId: string; maxMb: number; error: string | null };

/**
 * The image file, posted as a plain multipart form to /files/service-image (a server action takes at
 * most 1 MB), which answers with this page again: the new image, or why the file was refused, here at
 * the field. The script only says "Uploading…" while the browser sends the file.
 */
export function ServiceImageUpload({ serviceId, maxMb, error }: Props) {
  const t = useTranslations("settingsServices.image");
  const [sending, setSending] = useState(false);
  // Back to this page from the browser's history (bfcache) restores the state: ready to send again.
  useEffect(() => {
    const ready = () => setSending(false);
    window.addEventListener("pageshow", ready);
    return () => window.removeEventListener("pageshow", ready);
  }, []);
  return (
    <form method="post" action="/files/service-image" encType="multipart/form-data" onSubmit={() => setSending(true)} className="space-y-3">
      <input type="hidden" name="serviceId" value={serviceId} />
      <div>
        <label htmlFor="service-image" className="block font-medium">
          {t("label", { mb: maxMb })}
        </label>
        <p id="service-image-hint" className="text-sm text-neutral-700">
          {t("hint")}
        </p>
        <input
          id="service-image"
          type="file"
          name="image"
          accept="image/png,image/jpeg,image/webp"
          aria-describedby={error ? "service-image-hint service-image-error" : "service-image-hint"}
          aria-invalid={error ? true : undefined}
          className="mt-1 block min-h-11 w-full rounded border border-neutral-400 bg-white px-3 py-2"
        />
        {error && (
          <p id="service-image-error" role="alert" className="mt-1 text-sm text-red-900">
            {error}
          </p>
        )}
      </div>
      <button type="submit" disabled={sending} className="min-h-11 rounded bg-blue-900 px-4 font-semibold text-white disabled:opacity-60">
        {sending ? t("uploading") : t("upload")}
      </button>
    </form>
  );
}
