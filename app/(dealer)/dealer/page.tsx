import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppointmentTable } from "@/components/dealer/appointment-table";
import { BackOfficeHeader } from "@/components/dealer/back-office-header";
import { listAppointmentsForDealer } from "@/lib/appointments/list-appointments-for-dealer";
import { CUSTOMER_HANDLERS } from "@/lib/auth/require-staff";
import { currentStaff } from "@/lib/auth/session";
import { signOutAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("dealer.home");
  return { title: t("title") };
}

export default async function DealerHomePage() {
  const staff = await currentStaff();
  if (!staff) redirect("/dealer/sign-in");
  // Marketing works on the brand and never sees a customer's personal data: no appointment list.
  if (staff.role === "MARKETING") redirect("/dealer/settings");
  // Those who handle check-in answers get them pinned first; mechanics open the workshop view instead.
  const handlesAnswers = CUSTOMER_HANDLERS.includes(staff.role);
  const [{ pinned, today, upcoming }, t] = await Promise.all([
    listAppointmentsForDealer({ dealerId: staff.dealerId, pinAnswers: handlesAnswers }),
    getTranslations("dealer.home"),
  ]);
  const href = (id: string) => (handlesAnswers ? `/dealer/appointments/${id}` : `/dealer/workshop/${id}`);
  return (
    <>
      <BackOfficeHeader staff={staff} signOut={signOutAction} />
      <main className="mx-auto max-w-6xl space-y-8 px-4 py-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          {(staff.role === "ADMIN" || staff.role === "ADVISOR") && (
            <Link
              href="/dealer/appointments/new"
              className="inline-flex min-h-11 items-center rounded bg-neutral-900 px-4 font-semibold text-white"
            >
              {t("new")}
            </Link>
          )}
        </div>
        {pinned.length > 0 && <AppointmentTable caption={t("pinned")} rows={pinned} href={href} pinned />}
        <AppointmentTable caption={t("today")} rows={today} href={href} />
        <AppointmentTable caption={t("upcoming")} rows={upcoming} href={href} />
      </main>
    </>
  );
}
