import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BackOfficeHeader } from "@/components/dealer/back-office-header";
import { WorkshopReport } from "@/components/dealer/workshop-report";
import { WorkshopView } from "@/components/dealer/workshop-view";
import { getAppointmentForWorkshop } from "@/lib/appointments/appointment-for-workshop";
import { requireStaffPage, WORKSHOP_VIEWERS } from "@/lib/auth/require-staff";
import { getRemarksForMechanics } from "@/lib/checkin/remarks-for-mechanics";
import { isUuid } from "@/lib/ids";
import { getReportForMechanics } from "@/lib/report/report-for-mechanics";
import { signOutAction } from "../../actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  const t = await getTranslations("dealer.workshop");
  return { title: t("title") };
}

/**
 * The appointment as the workshop sees it (seed 003: "the mechanics see it on the appointment overview"):
 * a route of its own rather than a branch of the advisor's page, so the data it loads can hold nothing a
 * mechanic may not see. Advisors may open it too, to check what they shared.
 */
export default async function WorkshopPage({ params }: Props) {
  const staff = await requireStaffPage(WORKSHOP_VIEWERS);
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const [appointment, remarks, reportItems] = await Promise.all([
    getAppointmentForWorkshop({ id, dealerId: staff.dealerId }),
    getRemarksForMechanics({ dealerId: staff.dealerId, appointmentId: id }),
    getReportForMechanics({ dealerId: staff.dealerId, appointmentId: id }),
  ]);
  if (!appointment) notFound();
  return (
    <>
      <BackOfficeHeader staff={staff} signOut={signOutAction} />
      <main className="mx-auto max-w-6xl space-y-8 px-4 py-6">
        <WorkshopView appointment={appointment} remarks={remarks} />
        <WorkshopReport items={reportItems} />
      </main>
    </>
  );
}
