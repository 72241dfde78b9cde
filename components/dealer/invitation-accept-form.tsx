"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { AcceptState } from "@/app/(dealer)/dealer/invitation/[token]/actions";
import { FieldFrame } from "@/components/dealer/settings-field";

type Props = {
  action: (previous: AcceptState, formData: FormData) => Promise<AcceptState>;
  token: string;
  email: string;
  minLength: number;
};

function PasswordField({
  name,
  label,
  hint,
  error,
  minLength,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  minLength: number;
}) {
  return (
    <FieldFrame name={`invitation-${name}`} label={label} hint={hint} error={error}>
      {({ id, describedBy }) => (
        <input
          id={id}
          name={name}
          type="password"
          autoComplete="new-password"
          required
          minLength={minLength}
          maxLength={1024}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="mt-1 block min-h-11 w-full rounded border border-neutral-400 bg-white px-3 aria-invalid:border-red-700"
        />
      )}
    </FieldFrame>
  );
}

/**
 * Choosing a password: a plain form (works without JavaScript) that signs the invitee in. The e-mail is
 * in the form as the username, so a password manager saves the pair.
 */
export function InvitationAcceptForm({ action, token, email, minLength }: Props) {
  const t = useTranslations("staffInvitation.page");
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.error === "invalid" ? state.fieldErrors : {};
  const message = (name: string) => {
    const code = errors[name];
    if (!code) return undefined;
    return t.has(`errors.${code}`) ? t(`errors.${code}`, { min: minLength }) : t("errors.invalid");
  };
  return (
    <form action={formAction} className="mt-6 space-y-4" noValidate>
      {state?.error === "closed" && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
          {t(`closed.${state.reason}`)}
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      <div>
        <label htmlFor="invitation-email" className="block font-medium">
          {t("email")}
        </label>
        <input
          id="invitation-email"
          type="email"
          value={email}
          readOnly
          autoComplete="username"
          className="mt-1 block min-h-11 w-full rounded border border-neutral-300 bg-neutral-100 px-3"
        />
      </div>
      <PasswordField
        name="password"
        label={t("password")}
        hint={t("passwordHint", { min: minLength })}
        error={message("password")}
        minLength={minLength}
      />
      <PasswordField name="confirm" label={t("confirm")} error={message("confirm")} minLength={minLength} />
      <button
        type="submit"
        disabled={pending}
        className="min-h-11 w-full rounded bg-neutral-900 px-4 font-semibold text-white disabled:opacity-60"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
