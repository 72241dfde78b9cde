"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/auth/dealer-action";

type Props = {
  appointmentId: string;
  end: "cancel" | "finalize";
  action: (previous: unknown, formData: FormData) => Promise<ActionResult<{ end: "cancel" | "finalize" }>>;
};

/** Behind a disclosure, so a stray click cannot cancel a customer's appointment (works without JavaScript). */
export function EndAppointmentForm({ appointmentId, end, action }: Props) {
  const t = useTranslations("dealer.appointment");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <details className="rounded border border-neutral-300 bg-white px-3 py-2">
      <summary className="min-h-11 cursor-pointer content-center font-medium">{t(`${end}.open`)}</summary>
      <form action={formAction} className="mt-2 space-y-2">
        <input type="hidden" name="appointmentId" value={appointmentId} />
        <input type="hidden" name="end" value={end} />
        <p className="text-sm">{t(`${end}.explain`)}</p>
        <button type="submit" disabled={pending} className="min-h-11 rounded bg-red-800 px-3 font-semibold text-white disabled:opacity-60">
          {t(`${end}.confirm`)}
        </button>
        {state && !state.ok && (
          <p role="alert" className="text-sm text-red-900">
            {t(`${end}.failed`)}
          </p>
        )}
      </form>
    </details>
  );
}
