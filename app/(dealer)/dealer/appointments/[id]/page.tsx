import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { BackOfficeHeader } from "@/components/dealer/back-office-header";
import { CheckinAnswer } from "@/components/dealer/checkin-answer";
import { CheckinProgress } from "@/components/dealer/checkin-progress";
import { CommunicationLog } from "@/components/dealer/communication-log";
import { EndAppointmentForm } from "@/components/dealer/end-appointment-form";
import { ReportStatusBar } from "@/components/dealer/report-status-bar";
import { SendLinkForm } from "@/components/dealer/send-link-form";
import { getAppointmentForStaff } from "@/lib/appointments/appointment-for-staff";
import { CUSTOMER_HANDLERS, requireStaffPage } from "@/lib/auth/require-staff";
import { getCheckinAnswerForStaff } from "@/lib/checkin/checkin-answer-for-staff";
import { formatMoney } from "@/lib/money";
import { listCommunication } from "@/lib/notify/communication-log";
import { getReportForStaff } from "@/lib/report/report-for-staff";
import { signOutAction } from "../../actions";
import {
  convertCheckinItemAction,
  endAppointmentAction,
  sendCheckinAction,
  setCheckinHandledAction,
  setMechanicVisibilityAction,
} from "./actions";
import { isUuid } from "@/lib/ids";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  const t = await getTranslations("dealer.appointment");
  return { title: t("title") };
}

/** The appointment as the advisor reads it: check-in first, then the planned work, then the communication log. */
export default async function AppointmentPage({ params }: Props) {
  const staff = await requireStaffPage(CUSTOMER_HANDLERS);
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const appointment = await getAppointmentForStaff({ id, dealerId: staff.dealerId });
  if (!appointment) notFound();
  const [log, answer, report, t, format, locale] = await Promise.all([
    listCommunication({ dealerId: staff.dealerId, appointmentId: id }),
    getCheckinAnswerForStaff({ dealerId: staff.dealerId, appointmentId: id }),
    getReportForStaff({ dealerId: staff.dealerId, appointmentId: id }),
    getTranslations("dealer.appointment"),
    getFormatter(),
    getLocale(),
  ]);
  const tz = appointment.site.timeZone;
  const contact = appointment.contacts[0];
  const open = appointment.status !== "CANCELLED" && appointment.status !== "FINALIZED";

  return (
    <>
      <BackOfficeHeader staff={staff} signOut={signOutAction} />
      <main className="mx-auto max-w-6xl space-y-8 px-4 py-6">
        <header>
          <p className="text-sm text-neutral-700">
            {appointment.externalId}
            {appointment.workOrderRef && ` · ${appointment.workOrderRef}`} · {appointment.site.name}
          </p>
          <h1 className="text-2xl font-bold">{contact ? `${contact.firstName} ${contact.lastName}` : appointment.externalId}</h1>
          <p>
            {format.dateTime(appointment.startsAt, { dateStyle: "full", timeStyle: "short", timeZone: tz })} ·{" "}
            {t(`status.${appointment.status}`)}
          </p>
          <p className="text-neutral-800">
            {[appointment.vehicleMake, appointment.vehicleModel, appointment.vehicleRegistration].filter(Boolean).join(" · ")}
          </p>
          <nav aria-label={t("actions")} className="mt-3 flex flex-wrap items-start gap-3">
            {open && (
              <a
                href={`/dealer/appointments/${id}/edit`}
                className="inline-flex min-h-11 items-center rounded border border-neutral-800 bg-white px-3 font-semibold"
              >
                {t("edit")}
              </a>
            )}
            <a
              href={`/dealer/appointments/${id}/history`}
              className="inline-flex min-h-11 items-center rounded border border-neutral-800 bg-white px-3"
            >
              {t("history", { version: appointment.version })}
            </a>
            {open && <EndAppointmentForm appointmentId={id} end="finalize" action={endAppointmentAction} />}
            {open && <EndAppointmentForm appointmentId={id} end="cancel" action={endAppointmentAction} />}
          </nav>
        </header>

        <section aria-labelledby="checkin-heading" className="space-y-3">
          <h2 id="checkin-heading" className="text-lg font-semibold">
            {t("checkin")}
          </h2>
          <CheckinProgress checkIn={appointment.checkIn} timeZone={tz} />
          {answer && (
            <CheckinAnswer
              appointmentId={id}
              answer={answer}
              currency={appointment.currency}
              locale={locale}
              timeZone={tz}
              canConvert={open}
              actions={{ setHandled: setCheckinHandledAction, setVisible: setMechanicVisibilityAction, convert: convertCheckinItemAction }}
            />
          )}
          {open && (
            <div className="flex flex-wrap gap-3">
              <SendLinkForm appointmentId={id} channel="EMAIL" label={t("sendEmail")} action={sendCheckinAction} />
              <SendLinkForm appointmentId={id} channel="SMS" label={t("sendSms")} action={sendCheckinAction} />
            </div>
          )}
        </section>

        <section aria-labelledby="report-heading" className="space-y-3">
          <h2 id="report-heading" className="text-lg font-semibold">
            {t("report")}
          </h2>
          {report && (
            <ReportStatusBar
              state={report.state}
              sentAt={report.sentAt}
              openedAt={report.openedAt}
              respondedAt={report.respondedAt}
              closedAt={report.closedAt}
              timeZone={tz}
            />
          )}
          <a
            href={`/dealer/appointments/${id}/report`}
            className="inline-flex min-h-11 items-center rounded border border-neutral-800 bg-white px-3 font-semibold"
          >
            {report ? t("openReport") : t("buildReport")}
          </a>
        </section>

        <section aria-labelledby="work-heading">
          <h2 id="work-heading" className="text-lg font-semibold">
            {t("plannedWork")}
          </h2>
          <table className="mt-2 w-full rounded-lg bg-white text-left text-sm shadow-sm ring-1 ring-neutral-200">
            <thead className="bg-neutral-50">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("work")}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t("priceExclVat")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-200">
              {appointment.plannedWork.map((line) => (
                <tr key={line.id}>
                  <td className="px-3 py-2">
                    {line.title}
                    {line.source === "CHECKIN" && <span className="ml-2 text-xs font-medium text-blue-900">{t("fromCheckin")}</span>}
                    {line.remarks && <span className="block text-neutral-600">{line.remarks}</span>}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatMoney(line.unitPriceMinor, appointment.currency, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-right font-semibold">
            {t("totalInclVat", { total: formatMoney(appointment.totals.grossMinor, appointment.currency, locale) })}
          </p>
        </section>

        <section aria-labelledby="log-heading">
          <h2 id="log-heading" className="mb-2 text-lg font-semibold">
            {t("communication")}
          </h2>
          <CommunicationLog
            entries={log}
            timeZone={tz}
            actions={(entry) =>
              open && entry.status === "FAILED" && entry.kind === "CHECKIN_INVITATION" ? (
                <div className="mt-2">
                  <SendLinkForm
                    appointmentId={id}
                    channel={entry.channel === "EMAIL" ? "SMS" : "EMAIL"}
                    label={entry.channel === "EMAIL" ? t("sendSmsInstead") : t("sendEmailInstead")}
                    action={sendCheckinAction}
                  />
                </div>
              ) : null
            }
          />
        </section>
      </main>
    </>
  );
}
