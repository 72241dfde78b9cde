import { useTranslations } from "next-intl";
import { ActionForm, type DoneAction } from "@/components/dealer/action-form";

type Contact = { role: string; firstName: string; lastName: string; email: string | null; phone: string | null };

type Props = { appointmentId: string; contacts: Contact[]; note: string | null; resend: boolean; action: DoneAction };

/** Seed 004 "Send": one list of every contact's address and phone (the choice is the recipient and the channel), and a note. */
export function ReportSendForm({ appointmentId, contacts, note, resend, action }: Props) {
  const t = useTranslations("dealer.report.send");
  const options = contacts.flatMap((c) => {
    const name = `${c.firstName} ${c.lastName}`;
    return [
      ...(c.email ? [{ value: `${c.role}:EMAIL`, label: t("byEmail", { name, address: c.email }) }] : []),
      ...(c.phone ? [{ value: `${c.role}:SMS`, label: t("bySms", { name, address: c.phone }) }] : []),
    ];
  });
  if (options.length === 0) return <p className="text-neutral-800">{t("noContact")}</p>;
  return (
    <ActionForm
      action={action}
      fields={{ appointmentId }}
      submitLabel={resend ? t("resend") : t("submit")}
      pendingLabel={t("sending")}
      failed={t("failed")}
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-neutral-200"
    >
      <label htmlFor="report-recipient" className="block text-sm font-medium">
        {t("recipient")}
        <select id="report-recipient" name="recipient" className="mt-1 block min-h-11 w-full rounded border border-neutral-500 px-2">
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor="report-note" className="block text-sm font-medium">
        {t("note")}
        <textarea
          id="report-note"
          name="note"
          rows={2}
          maxLength={1000}
          defaultValue={note ?? ""}
          className="mt-1 block w-full rounded border border-neutral-500 px-2 py-1.5"
        />
      </label>
    </ActionForm>
  );
}
