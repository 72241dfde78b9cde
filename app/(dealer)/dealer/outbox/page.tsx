import { getTranslations } from "next-intl/server";
import { BackOfficeHeader } from "@/components/dealer/back-office-header";
import { CommunicationLog } from "@/components/dealer/communication-log";
import { CUSTOMER_HANDLERS, requireStaffPage } from "@/lib/auth/require-staff";
import { listCommunication } from "@/lib/notify/communication-log";
import { signOutAction } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("dealer.outbox");
  return { title: t("title") };
}

/** Every message the dealer's customers were sent (or will be): the outbox, also without SMTP (the demo). */
export default async function OutboxPage() {
  const staff = await requireStaffPage(CUSTOMER_HANDLERS);
  const [entries, t] = await Promise.all([listCommunication({ dealerId: staff.dealerId, limit: 200 }), getTranslations("dealer.outbox")]);
  return (
    <>
      <BackOfficeHeader staff={staff} signOut={signOutAction} />
      <main className="mx-auto max-w-6xl space-y-4 px-4 py-6">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-neutral-700">{t("intro")}</p>
        <CommunicationLog entries={entries} timeZone="UTC" showAppointment />
      </main>
    </>
  );
}
