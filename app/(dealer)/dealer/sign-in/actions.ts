"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { setSessionCookie } from "@/lib/auth/session";
import { signIn } from "@/lib/auth/sign-in";
import { formDataToObject } from "@/lib/form-data";
import { requestContext } from "@/lib/request-context";

const signInSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});

export type SignInState =
  { error: "invalid" | "required"; email: string } | { error: "rate_limited"; email: string; minutes: number } | null;

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse(formDataToObject(formData));
  const email = typeof formData.get("email") === "string" ? String(formData.get("email")).slice(0, 254) : "";
  if (!parsed.success) return { error: "required", email };
  const result = await signIn({ ...parsed.data, context: await requestContext() });
  if (!result.ok) {
    return result.reason === "rate_limited"
      ? { error: "rate_limited", email, minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) }
      : { error: "invalid", email };
  }
  await setSessionCookie(result.cookie.value, result.cookie.expiresAt);
  redirect("/dealer");
}
