import { useTranslations } from "next-intl";
import { ActionForm, type DoneAction } from "@/components/dealer/action-form";

type Props = {
  image: "logo" | "welcome";
  /** The image as customers see it now, if there is one. */
  url: string | null;
  /** What the last upload came to, from the redirect of /files/theme-image. */
  outcome: { saved: boolean; refused: string | null };
  removeAction: DoneAction;
};

const REFUSALS = ["unsupported", "heic", "too_large", "unreadable", "no_file"] as const;

/**
 * One of the theme's images: what is there, a plain multipart form to replace it (posting to
 * /files/theme-image, which redirects back here with the outcome), and a button to remove it.
 */
export function ThemeImageForm({ image, url, outcome, removeAction }: Props) {
  const t = useTranslations("settingsTheme.images");
  const refusal = REFUSALS.find((code) => code === outcome.refused);
  const fileId = `theme-${image}-file`;
  return (
    <section id={image} aria-labelledby={`theme-${image}`} className="rounded border border-neutral-300 bg-white p-4">
      <h2 id={`theme-${image}`} className="text-xl font-semibold">
        {t(`${image}.heading`)}
      </h2>
      {url ? (
        // eslint-disable-next-line @next/next/no-img-element -- the dealer's own image, served by the app
        <img
          src={url}
          alt={t(`${image}.current`)}
          className={
            image === "logo" ? "mt-3 h-12 w-auto rounded bg-neutral-100 p-1" : "mt-3 aspect-[16/7] w-full max-w-md rounded object-cover"
          }
        />
      ) : (
        <p className="mt-2 text-neutral-700">{t(`${image}.none`)}</p>
      )}
      <form method="post" action="/files/theme-image" encType="multipart/form-data" className="mt-3 space-y-2">
        <input type="hidden" name="image" value={image} />
        <label htmlFor={fileId} className="block font-medium">
          {t("choose")}
        </label>
        <p id={`${fileId}-hint`} className="text-sm text-neutral-700">
          {t(`${image}.hint`)}
        </p>
        <input
          id={fileId}
          type="file"
          name="file"
          accept="image/png,image/jpeg,image/webp,image/svg+xml"
          required
          aria-invalid={refusal ? true : undefined}
          aria-describedby={`${fileId}-hint${refusal ? ` ${fileId}-error` : ""}`}
          className="block min-h-11 w-full text-sm file:mr-3 file:min-h-11 file:rounded file:border file:border-neutral-400 file:bg-white file:px-3"
        />
        {refusal && (
          <p id={`${fileId}-error`} role="alert" className="text-sm text-red-900">
            {t(`refused.${refusal}`)}
          </p>
        )}
        {outcome.saved && (
          <p role="status" className="text-sm text-green-900">
            {t("saved")}
          </p>
        )}
        <button type="submit" className="min-h-11 rounded bg-blue-900 px-4 font-semibold text-white">
          {t("upload")}
        </button>
      </form>
      {url && (
        <ActionForm
          action={removeAction}
          fields={{ image }}
          submitLabel={t("remove")}
          pendingLabel={t("removing")}
          failed={t("removeFailed")}
          className="mt-3"
          buttonClassName="min-h-11 rounded border border-red-800 bg-white px-4 font-semibold text-red-900 disabled:opacity-60"
        >
          {null}
        </ActionForm>
      )}
    </section>
  );
}
