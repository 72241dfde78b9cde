"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { ActionResult } from "@/lib/auth/dealer-action";

type Action<T> = (previous: unknown, formData: FormData) => Promise<ActionResult<T>>;

/**
 * A form posting to a server action that keeps what was typed when the server refuses it. React resets
 * a form after every `action={fn}` submission, which would throw away the input along with the error
 * ("bad input loses nothing"); so the submission goes through `onSubmit`, and the form is reset only on
 * success. Without JavaScript the same form still posts through `action`.
 */
export function useKeptForm<T>(action: Action<T>, options: { resetOnSuccess?: boolean } = {}) {
  const formRef = useRef<HTMLFormElement>(null);
  // The server action itself, unwrapped: React can then render it as a real form post for the page
  // before (or without) its script.
  const [state, formAction, pending] = useActionState(action, null);
  const resetOnSuccess = options.resetOnSuccess !== false;
  useEffect(() => {
    if (state?.ok && resetOnSuccess) formRef.current?.reset();
  }, [state, resetOnSuccess]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter instanceof HTMLElement ? submitter : null);
    startTransition(() => formAction(data));
  };
  return { formRef, state, pending, formAction, onSubmit };
}
