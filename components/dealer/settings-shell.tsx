import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { BackOfficeHeader } from "@/components/dealer/back-office-header";
import type { StaffSession } from "@/lib/auth/session";
import type { StaffRole } from "@/lib/db/generated/client";

export type SettingsSection = "theme" | "services" | "terms" | "templates" | "sites" | "staff" | "api" | "history";

/** Which role sees which settings section (the pages enforce the same lists with requireStaffPage). */
export const SECTION_ROLES: Record<SettingsSection, readonly StaffRole[]> = {
  theme: ["ADMIN", "MARKETING"],
  services: ["ADMIN", "MARKETING"],
  terms: ["ADMIN", "MARKETING"],
  templates: ["ADMIN", "MARKETING"],
  sites: ["ADMIN"],
  staff: ["ADMIN"],
  api: ["ADMIN"],
  history: ["ADMIN"],
};

export const SECTIONS = Object.keys(SECTION_ROLES) as SettingsSection[];

type Props = {
  staff: StaffSession;
  signOut: () => Promise<void>;
  active: SettingsSection | null;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
};

/** Back-office frame of every settings page: the header, the sections this role may open, the page. */
export function SettingsShell({ staff, signOut, active, title, intro, children }: Props) {
  const t = useTranslations("settings");
  const sections = SECTIONS.filter((section) => SECTION_ROLES[section].includes(staff.role));
  return (
    <>
      <BackOfficeHeader staff={staff} signOut={signOut} />
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-6 md:grid-cols-[12rem_1fr]">
        <nav aria-label={t("navLabel")}>
          <ul className="flex flex-wrap gap-2 md:flex-col">
            {sections.map((section) => (
              <li key={section}>
                <a
                  href={`/dealer/settings/${section}`}
                  aria-current={section === active ? "page" : undefined}
                  className="inline-flex min-h-11 items-center rounded px-3 hover:bg-neutral-200 aria-[current=page]:bg-neutral-900 aria-[current=page]:text-white"
                >
                  {t(`sections.${section}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="min-w-0 space-y-6">
          <h1 className="text-2xl font-bold">{title}</h1>
          {intro && <div className="text-neutral-700">{intro}</div>}
          {children}
        </main>
      </div>
    </>
  );
}
