"use server";

import { redirect } from "next/navigation";
import { fieldErrorMap } from "@/lib/auth/dealer-action";
import { setSessionCookie } from "@/lib/auth/session";
import { formDataToObject } from "@/lib/form-data";
import { requestContext } from "@/lib/request-context";
import { acceptInvitation, type ClosedInvitation } from "@/lib/staff/accept-invitation";
import { acceptInvitationSchema } from "@/lib/staff/staff-fields";

export type AcceptState = { error: "invalid"; fieldErrors: Record<string, string> } | { error: "closed"; reason: ClosedInvitation } | null;

/** Public: the token in the form is the invitee's only key. Success signs them in and opens the back-office. */
export async function acceptInvitationAction(_previous: AcceptState, formData: FormData): Promise<AcceptState> {
  const parsed = acceptInvitationSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { error: "invalid", fieldErrors: fieldErrorMap(parsed.error.issues) };
  const result = await acceptInvitation({ token: parsed.data.token, password: parsed.data.password, context: await requestContext() });
  if (!result.ok) return { error: "closed", reason: result.status };
  await setSessionCookie(result.cookie.value, result.cookie.expiresAt);
  redirect("/dealer");
}
