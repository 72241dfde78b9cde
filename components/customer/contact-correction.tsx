"use client";

import type { ActionResult } from "@/lib/auth/dealer-action";
import { FormField } from "@/components/customer/form-field";
import { useKeptForm } from "@/components/shared/use-kept-form";

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
  // Not reset on success: the fields then show the corrected values.
  const { formRef, state, pending, formAction, onSubmit } = useKeptForm(action, { resetOnSuccess: false });
  const error = (name: string) => {
    const code = state && !state.ok ? state.fieldErrors?.[name] : undefined;
    return code ? (labels.errors[code] ?? labels.errors[name]) : undefined;
  };
  const emailError = error("email");
  const phoneError = error("phone");
  return (
    <details className="mt-3 rounded-lg ring-1 ring-neutral-300" open={Boolean(emailError || phoneError || state?.ok) || undefined}>
      <summary className="flex min-h-11 cursor-pointer items-center px-3 font-medium underline">{labels.change}</summary>
      <form ref={formRef} action={formAction} onSubmit={onSubmit} className="space-y-3 px-3 pb-3" noValidate>
        <input type="hidden" name="token" value={token} />
        <FormField id="contact-email" label={labels.email} error={emailError}>
          {(aria) => (
            <input
              {...aria}
              name="email"
              type="email"
              autoComplete="email"
              defaultValue={email}
              maxLength={254}
              className="mt-1 block min-h-12 w-full rounded border border-neutral-400 px-3"
            />
          )}
        </FormField>
        <FormField id="contact-phone" label={labels.phone} error={phoneError}>
          {(aria) => (
            <input
              {...aria}
              name="phone"
              type="tel"
              autoComplete="tel"
              defaultValue={phone}
              maxLength={32}
              className="mt-1 block min-h-12 w-full rounded border border-neutral-400 px-3"
            />
          )}
        </FormField>
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
