"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/auth/dealer-action";

type Props = {
  appointmentId: string;
  channel: "EMAIL" | "SMS";
  label: string;
  action: (previous: unknown, formData: FormData) => Promise<ActionResult<{ channel: "EMAIL" | "SMS" }>>;
};

/** One button that queues the check-in link on a channel, and says what happened. */
export function SendLinkForm({ appointmentId, channel, label, action }: Props) {
  const t = useTranslations("dealer.appointment");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline-flex flex-col">
      <input type="hidden" name="appointmentId" value={appointmentId} />
      <input type="hidden" name="channel" value={channel} />
      <button
        type="submit"
        disabled={pending}
        className="min-h-11 rounded border border-neutral-800 bg-white px-3 font-semibold disabled:opacity-60"
      >
        {pending ? t("sending") : label}
      </button>
      <p role="status" className="min-h-5 text-sm">
        {state?.ok
          ? t("queued")
          : state
            ? t(`sendError.${state.error === "conflict" || state.error === "validation_failed" ? state.error : "other"}`)
            : ""}
      </p>
    </form>
  );
}
