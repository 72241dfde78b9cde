import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { BackOfficeHeader } from "@/components/dealer/back-office-header";
import { CheckinToggleForm } from "@/components/dealer/checkin-toggle-form";
import { ReportHistory } from "@/components/dealer/report-history";
import { ReportItemCard } from "@/components/dealer/report-item-card";
import { ReportItemForm } from "@/components/dealer/report-item-form";
import { ReportSendForm } from "@/components/dealer/report-send-form";
import { ReportStatusBar } from "@/components/dealer/report-status-bar";
import { getAppointmentForStaff } from "@/lib/appointments/appointment-for-staff";
import { CUSTOMER_HANDLERS, requireStaffPage } from "@/lib/auth/require-staff";
import { isUuid } from "@/lib/ids";
import { getReportForStaff } from "@/lib/report/report-for-staff";
import { getReportHistory } from "@/lib/report/report-history";
import { signOutAction } from "../../../actions";
import * as actions from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const CATEGORIES = ["PLANNED", "NECESSARY", "RECOMMENDED", "OK"] as const;
const uploadQuery = z.object({
  upload: z.enum(["unsupported", "heic", "too_large", "unreadable", "no_file", "too_many_files", "refused"]).optional(),
  item: z.string().max(64).optional(),
});

export async function generateMetadata() {
  const t = await getTranslations("dealer.report");
  return { title: t("title") };
}

/** Seed 004 for the advisor: build the report, send it, follow the answer, authorise, close. */
export default async function ReportPage({ params, searchParams }: Props) {
  const staff = await requireStaffPage(CUSTOMER_HANDLERS);
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const [appointment, report, history, t, locale, query] = await Promise.all([
    getAppointmentForStaff({ id, dealerId: staff.dealerId }),
    getReportForStaff({ dealerId: staff.dealerId, appointmentId: id }),
    getReportHistory({ dealerId: staff.dealerId, appointmentId: id }),
    getTranslations("dealer.report"),
    getLocale(),
    searchParams.then((raw) => uploadQuery.safeParse(raw)),
  ]);
  if (!appointment) notFound();
  const tz = appointment.site.timeZone;
  const open = appointment.status !== "CANCELLED" && appointment.status !== "FINALIZED";
  const editable = open && report?.state !== "CLOSED";
  const upload = query.success ? query.data : {};
  const contact = appointment.contacts[0];
  const items = report?.items ?? [];
  const itemActions = {
    save: actions.saveReportItemAction,
    setVisible: actions.setReportItemVisibleAction,
    move: actions.moveReportItemAction,
    remove: actions.removeReportItemAction,
    removeAttachment: actions.removeReportAttachmentAction,
    authorize: actions.authorizeReportItemAction,
    pin: actions.pinReportItemAction,
    snooze: actions.snoozeReportItemAction,
    markRead: actions.markReportMessageReadAction,
    reply: actions.replyReportItemAction,
    mechanicVisibility: actions.reportMechanicVisibilityAction,
  };

  return (
    <>
      <BackOfficeHeader staff={staff} signOut={signOutAction} />
      <main className="mx-auto max-w-6xl space-y-8 px-4 py-6">
        <header className="space-y-2">
          <p className="text-sm text-neutral-700">
            <a href={`/dealer/appointments/${id}`} className="underline underline-offset-2">
              {contact ? `${contact.firstName} ${contact.lastName}` : appointment.externalId}
            </a>{" "}
            · {appointment.externalId} ·{" "}
            {[appointment.vehicleMake, appointment.vehicleModel, appointment.vehicleRegistration].filter(Boolean).join(" ")}
          </p>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <ReportStatusBar
            state={report?.state ?? "DRAFT"}
            sentAt={report?.sentAt ?? null}
            openedAt={report?.openedAt ?? null}
            respondedAt={report?.respondedAt ?? null}
            closedAt={report?.closedAt ?? null}
            timeZone={tz}
          />
          {report?.hasUnsentChanges && report.publishedVersion !== null && (
            <p className="font-medium text-amber-950">{t("unsentChanges", { version: report.draftVersion ?? 0 })}</p>
          )}
          {report?.finalComment && (
            <p className="rounded bg-amber-50 p-3 ring-1 ring-amber-700">
              <span className="font-semibold">{t("finalComment")}</span> {report.finalComment}
            </p>
          )}
        </header>

        {CATEGORIES.map((category) => {
          const inCategory = items.filter((item) => item.category === category);
          return (
            <section key={category} aria-labelledby={`cat-${category}`} className="space-y-2">
              <h2 id={`cat-${category}`} className="text-lg font-semibold">
                {t(`form.categories.${category}`)} <span className="font-normal text-neutral-700">({inCategory.length})</span>
              </h2>
              {inCategory.length > 0 && (
                <ul className="space-y-3">
                  {inCategory.map((item) => (
                    <ReportItemCard
                      key={item.key}
                      appointmentId={id}
                      item={item}
                      currency={appointment.currency}
                      locale={locale}
                      timeZone={tz}
                      editable={editable}
                      uploadError={upload.upload && upload.item === item.key ? t(`uploadError.${upload.upload}`) : null}
                      actions={itemActions}
                    />
                  ))}
                </ul>
              )}
            </section>
          );
        })}

        {editable && (
          <section aria-labelledby="add-heading" className="space-y-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-neutral-200">
            <h2 id="add-heading" className="text-lg font-semibold">
              {t("addItem")}
            </h2>
            <ReportItemForm appointmentId={id} item={null} action={actions.saveReportItemAction} idPrefix="new" />
          </section>
        )}

        {editable && items.some((item) => item.visible) && (
          <section aria-labelledby="send-heading" className="space-y-2">
            <h2 id="send-heading" className="text-lg font-semibold">
              {t("send.heading")}
            </h2>
            <ReportSendForm
              appointmentId={id}
              contacts={appointment.contacts}
              note={report?.note ?? null}
              resend={report?.publishedVersion != null}
              action={actions.sendReportAction}
            />
          </section>
        )}

        <section aria-labelledby="history-heading" className="space-y-2">
          <h2 id="history-heading" className="text-lg font-semibold">
            {t("history.heading")}
          </h2>
          <ReportHistory entries={history} timeZone={tz} />
        </section>

        {report && report.state !== "CLOSED" && report.publishedVersion !== null && (
          <section aria-labelledby="close-heading" className="space-y-2">
            <h2 id="close-heading" className="text-lg font-semibold">
              {t("close.heading")}
            </h2>
            <p className="text-neutral-800">{t("close.explain")}</p>
            <CheckinToggleForm
              action={actions.closeReportAction}
              fields={{ appointmentId: id }}
              label={t("close.submit")}
              pendingLabel={t("saving")}
              failed={t("failed")}
              className="min-h-11 rounded border border-red-800 bg-white px-4 font-semibold text-red-900"
            />
          </section>
        )}
      </main>
    </>
  );
}
