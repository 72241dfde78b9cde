import { useTranslations } from "next-intl";
import { CheckinToggleForm, type CheckinItemAction } from "@/components/dealer/checkin-toggle-form";
import { StatusIcon } from "@/components/dealer/status-icons";
import type { StaffAttachment } from "@/lib/checkin/checkin-answer-for-staff";
import { StaffFile } from "@/components/dealer/staff-file";

type Props = {
  appointmentId: string;
  remarkTitle: string;
  attachments: StaffAttachment[];
  setVisible: CheckinItemAction;
};

/** A remark's photos (thumbnail, opens the full image) and videos (player), each shareable with mechanics. */
export function CheckinAttachments({ appointmentId, remarkTitle, attachments, setVisible }: Props) {
  const t = useTranslations("dealer.checkinAnswer");
  return (
    <ul className="mt-2 flex flex-wrap gap-3">
      {attachments.map((a, index) => {
        const name = t(a.video ? "videoLabel" : "photoLabel", { n: index + 1, title: remarkTitle });
        return (
          <li key={a.id} className="space-y-1" data-attachment={a.id}>
            <StaffFile file={a} name={name} />
            <CheckinToggleForm
              action={setVisible}
              fields={{ appointmentId, item: "attachment", itemId: a.id, visible: String(!a.visibleToMechanics) }}
              pressed={a.visibleToMechanics}
              pendingLabel={t("saving")}
              failed={t("failed")}
              className={toggleClass(a.visibleToMechanics, "text-xs")}
              label={
                <>
                  <StatusIcon name="eye" />
                  {t("visibleToMechanics")}
                  <span className="sr-only"> — {name}</span>
                </>
              }
            />
          </li>
        );
      })}
    </ul>
  );
}

/** The look of a toggle: filled when on, outlined when off (the pressed state is also announced). */
export function toggleClass(on: boolean, size = "text-sm"): string {
  const look = on ? "border-green-800 bg-green-800 text-white" : "border-neutral-500 bg-white text-neutral-900";
  return `inline-flex min-h-11 items-center gap-1.5 rounded border px-3 font-medium disabled:opacity-60 ${size} ${look}`;
}
