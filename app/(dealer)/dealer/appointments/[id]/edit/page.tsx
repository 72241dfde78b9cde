import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppointmentForm } from "@/components/dealer/appointment-form";
import { BackOfficeHeader } from "@/components/dealer/back-office-header";
import { CUSTOMER_HANDLERS, requireStaffPage } from "@/lib/auth/require-staff";
import { WORK_ROWS } from "@/lib/appointments/staff-appointment-form";
import { listSites, staffFormValues } from "@/lib/appointments/staff-form-values";
import { signOutAction } from "../../../actions";
import { saveAppointmentAction } from "../../form-actions";
import { isUuid } from "@/lib/ids";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  const t = await getTranslations("dealer.appointmentForm");
  return { title: t("editTitle") };
}

export default async function EditAppointmentPage({ params }: Props) {
  const staff = await requireStaffPage(CUSTOMER_HANDLERS);
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const [values, sites, t] = await Promise.all([
    staffFormValues({ id, dealerId: staff.dealerId }),
    listSites(staff.dealerId),
    getTranslations("dealer.appointmentForm"),
  ]);
  if (!values) notFound();
  const rows = Math.max(WORK_ROWS, (values.workTitle as string[]).length + 2);
  return (
    <>
      <BackOfficeHeader staff={staff} signOut={signOutAction} />
      <main className="mx-auto max-w-4xl space-y-4 px-4 py-6">
        <h1 className="text-2xl font-bold">{t("editTitle")}</h1>
        <AppointmentForm action={saveAppointmentAction} sites={sites} initial={values} workRows={rows} isNew={false} />
      </main>
    </>
  );
}
