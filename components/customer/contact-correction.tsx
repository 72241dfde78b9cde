"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/dealer-action";

export type ContactCorrectionLabels = {
  change: string;
  email: string;
  phone: string;
  save: string;
  saving: string;
  saved: string;
  errors: Record<string, string>;
};

type Props = {
  token: string;
  email: string;
  phone: string;
  labels: ContactCorrectionLabels;
  action: (previous: unknown, formData: FormData) => Promise<ActionResult<unknown>>;
};

/** "Something changed?" — the customer corrects the e-mail or phone we hold; the advisor sees it flagged. */
export function ContactCorrection({ token, email, phone, labels, action }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const error = (name: string) => {
    const code = state && !state.ok ? state.fieldErrors?.[name] : undefined;
    return code ? (labels.errors[code] ?? labels.errors[name]) : undefined;
  };
  const emailError = error("email");
  const phoneError = error("phone");
  return (
    <details className="mt-3 rounded-lg ring-1 ring-neutral-300" open={Boolean(emailError || phoneError) || undefined}>
      <summary className="flex min-h-11 cursor-pointer items-center px-3 font-medium underline">{labels.change}</summary>
      <form action={formAction} className="space-y-3 px-3 pb-3" noValidate>
        <input type="hidden" name="token" value={token} />
        <div>
          <label htmlFor="contact-email" className="block font-medium">
            {labels.email}
          </label>
          <input
            id="contact-email"
            name="email"
            type="email"
            autoComplete="email"
            defaultValue={email}
            maxLength={254}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? "contact-email-error" : undefined}
            className="mt-1 block min-h-12 w-full rounded border border-neutral-400 px-3"
          />
          {emailError && (
            <p id="contact-email-error" className="mt-1 text-sm font-medium text-red-800">
              {emailError}
            </p>
          )}
        </div>
        <div>
          <label htmlFor="contact-phone" className="block font-medium">
            {labels.phone}
          </label>
          <input
            id="contact-phone"
            name="phone"
            type="tel"
            autoComplete="tel"
            defaultValue={phone}
            maxLength={32}
            aria-invalid={phoneError ? true : undefined}
            aria-describedby={phoneError ? "contact-phone-error" : undefined}
            className="mt-1 block min-h-12 w-full rounded border border-neutral-400 px-3"
          />
          {phoneError && (
            <p id="contact-phone-error" className="mt-1 text-sm font-medium text-red-800">
              {phoneError}
            </p>
          )}
        </div>
        <button
          type="submit"
          disabled={pending}
          className="min-h-12 rounded-lg border-2 border-brand bg-white px-4 font-semibold disabled:opacity-60"
        >
          {pending ? labels.saving : labels.save}
        </button>
        {state?.ok && (
          <p role="status" className="text-sm font-medium">
            {labels.saved}
          </p>
        )}
      </form>
    </details>
  );
}
