"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { SignInState } from "@/app/(dealer)/dealer/sign-in/actions";

type Props = { action: (previous: SignInState, formData: FormData) => Promise<SignInState> };

/** Works as a plain form without JavaScript; with it, shows "Signing in…" and keeps the e-mail. */
export function SignInForm({ action }: Props) {
  const t = useTranslations("dealer.signIn");
  const [state, formAction, pending] = useActionState(action, null);
  const message = state?.error === "rate_limited" ? t("rateLimited", { minutes: state.minutes }) : state?.error ? t(state.error) : null;
  return (
    <form action={formAction} className="mt-6 space-y-4" noValidate>
      {message && (
        <p id="sign-in-error" role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
          {message}
        </p>
      )}
      <div>
        <label htmlFor="email" className="block font-medium">
          {t("email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state?.email ?? ""}
          aria-describedby={message ? "sign-in-error" : undefined}
          className="mt-1 block min-h-11 w-full rounded border border-neutral-400 bg-white px-3"
        />
      </div>
      <div>
        <label htmlFor="password" className="block font-medium">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-describedby={message ? "sign-in-error" : undefined}
          className="mt-1 block min-h-11 w-full rounded border border-neutral-400 bg-white px-3"
        />
      </div>
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
