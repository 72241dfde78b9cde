import { getTranslations } from "next-intl/server";
import { AppointmentForm } from "@/components/dealer/appointment-form";
import { BackOfficeHeader } from "@/components/dealer/back-office-header";
import { CUSTOMER_HANDLERS, requireStaffPage } from "@/lib/auth/require-staff";
import { WORK_ROWS } from "@/lib/appointments/staff-appointment-form";
import { listSites } from "@/lib/appointments/staff-form-values";
import { signOutAction } from "../../actions";
import { saveAppointmentAction } from "../form-actions";

export async function generateMetadata() {
  const t = await getTranslations("dealer.appointmentForm");
  return { title: t("newTitle") };
}

/** Seed 001: a customer calls or e-mails, and the advisor books the appointment on their behalf. */
export default async function NewAppointmentPage() {
  const staff = await requireStaffPage(CUSTOMER_HANDLERS);
  const [sites, t] = await Promise.all([listSites(staff.dealerId), getTranslations("dealer.appointmentForm")]);
  return (
    <>
      <BackOfficeHeader staff={staff} signOut={signOutAction} />
      <main className="mx-auto max-w-4xl space-y-4 px-4 py-6">
        <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
        <AppointmentForm
          action={saveAppointmentAction}
          sites={sites}
          initial={{ siteId: sites[0]?.id ?? "", sendConfirmation: "on" }}
          workRows={WORK_ROWS}
          isNew
        />
      </main>
    </>
  );
}
