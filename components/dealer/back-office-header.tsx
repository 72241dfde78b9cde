import { useTranslations } from "next-intl";
import type { StaffSession } from "@/lib/auth/session";

type Props = { staff: StaffSession; signOut: () => Promise<void> };

export function BackOfficeHeader({ staff, signOut }: Props) {
  const t = useTranslations("dealer");
  return (
    <header className="bg-neutral-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <nav aria-label="Greenlight" className="flex items-center gap-5">
          {staff.role === "MARKETING" ? (
            // Marketing has no appointment list (no customer data): its home is the settings.
            <a href="/dealer/settings" className="inline-flex min-h-11 items-center font-semibold">
              Greenlight
            </a>
          ) : (
            <a href="/dealer" className="inline-flex min-h-11 items-center font-semibold">
              Greenlight · {t("nav.appointments")}
            </a>
          )}
          {(staff.role === "ADMIN" || staff.role === "ADVISOR") && (
            <a href="/dealer/outbox" className="inline-flex min-h-11 items-center">
              {t("nav.outbox")}
            </a>
          )}
          {(staff.role === "ADMIN" || staff.role === "MARKETING") && (
            <>
              <a href="/dealer/settings" className="inline-flex min-h-11 items-center">
                {t("nav.settings")}
              </a>
              <a href="/dealer/preview" className="inline-flex min-h-11 items-center">
                {t("nav.preview")}
              </a>
            </>
          )}
        </nav>
        <div className="flex items-center gap-4 text-sm">
          <span>{t("nav.signedInAs", { name: staff.name, role: t(`roles.${staff.role}`) })}</span>
          <form action={signOut}>
            <button type="submit" className="min-h-11 rounded border border-white/60 px-3">
              {t("nav.signOut")}
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
