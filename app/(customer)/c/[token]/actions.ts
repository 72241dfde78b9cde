"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/lib/auth/dealer-action";
import { tokenAction } from "@/lib/auth/token-action";
import { addComment, removeComment, setServiceSelected } from "@/lib/checkin/answer-checkin";
import { submitCheckin } from "@/lib/checkin/submit-checkin";
import { resolveLocale } from "@/lib/i18n/locales";

/**
 * The check-in page's form posts. Each goes through tokenAction (a valid, open link; the dealer and
 * appointment from the token) and works as a plain form without JavaScript. A closed link lands on the
 * closed page; nothing is written.
 */
const token = z.string();
const uuid = z.uuid();

function afterward(formToken: string, result: ActionResult<unknown>, done?: string): ActionResult<unknown> {
  if (!result.ok && result.error === "gone") redirect(`/c/${formToken}/closed`);
  if (result.ok) {
    revalidatePath(`/c/${formToken}`);
    if (done) redirect(done);
  }
  return result;
}

const toggle = tokenAction(
  "CHECKIN",
  z.object({ token, serviceId: uuid, selected: z.enum(["1", "0"]), locale: z.string().max(10).default("en") }),
  async ({ link, input }) =>
    setServiceSelected({ link, serviceId: input.serviceId, selected: input.selected === "1", locale: resolveLocale(input.locale) }),
);

export async function toggleServiceAction(previous: unknown, formData: FormData): Promise<ActionResult<unknown>> {
  return afterward(String(formData.get("token")), await toggle(previous, formData));
}

const comment = tokenAction(
  "CHECKIN",
  z.object({
    token,
    title: z.string().trim().min(1, "required").max(120, "tooLong"),
    description: z.string().trim().max(4000, "tooLong").default(""),
  }),
  async ({ link, input }) => addComment({ link, title: input.title, description: input.description, assetIds: [] }),
);

export async function addCommentAction(previous: unknown, formData: FormData): Promise<ActionResult<unknown>> {
  return afterward(String(formData.get("token")), await comment(previous, formData));
}

const uncomment = tokenAction("CHECKIN", z.object({ token, commentId: uuid }), async ({ link, input }) =>
  removeComment({ link, commentId: input.commentId }),
);

export async function removeCommentAction(previous: unknown, formData: FormData): Promise<ActionResult<unknown>> {
  return afterward(String(formData.get("token")), await uncomment(previous, formData));
}

const confirm = tokenAction(
  "CHECKIN",
  z.object({ token, termsVersionId: z.string().max(64), accept: z.literal("on", "acceptTerms") }),
  async ({ link, input }) => submitCheckin({ link, termsVersionId: input.termsVersionId }),
);

export async function confirmCheckinAction(previous: unknown, formData: FormData): Promise<ActionResult<unknown>> {
  const formToken = String(formData.get("token"));
  return afterward(formToken, await confirm(previous, formData), `/c/${formToken}/done`);
}
