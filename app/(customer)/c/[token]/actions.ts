"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/lib/auth/dealer-action";
import { tokenAction } from "@/lib/auth/token-action";
import { addComment, correctContact, removeComment, setServiceSelected } from "@/lib/checkin/answer-checkin";
import { recordCheckinOpened } from "@/lib/checkin/record-opened";
import { runWithRetry } from "@/lib/appointments/retry";
import { remarkTextSchema } from "@/lib/checkin/remark-fields";
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

/** The page's script uploads each file first (see /files/checkin-upload) and sends only their ids here. */
const comment = tokenAction(
  "CHECKIN",
  remarkTextSchema.extend({
    token,
    assetIds: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(uuid).max(50)),
  }),
  async ({ link, input }) => addComment({ link, title: input.title, description: input.description, assetIds: input.assetIds }),
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

const contact = tokenAction(
  "CHECKIN",
  z.object({
    token,
    email: z
      .string()
      .trim()
      .max(254, "email")
      .refine((value) => value === "" || z.email().safeParse(value).success, "email")
      .default(""),
    phone: z.string().trim().max(32, "phone").default(""),
  }),
  async ({ link, input }) => correctContact({ link, email: input.email, phone: input.phone }),
);

export async function correctContactAction(previous: unknown, formData: FormData): Promise<ActionResult<unknown>> {
  return afterward(String(formData.get("token")), await contact(previous, formData));
}

const opened = tokenAction("CHECKIN", z.object({ token }), async ({ link }) =>
  runWithRetry((tx) => recordCheckinOpened(tx, { dealerId: link.dealerId, appointmentId: link.appointmentId, context: link.context })),
);

/** The page's beacon: a person is looking at it (see OpenedBeacon). Nothing on the page changes. */
export async function markOpenedAction(previous: unknown, formData: FormData): Promise<ActionResult<unknown>> {
  return opened(previous, formData);
}

const confirm = tokenAction(
  "CHECKIN",
  z.object({ token, termsVersionId: z.string().max(64), accept: z.literal("on", "acceptTerms") }),
  async ({ link, input }) => submitCheckin({ link, termsVersionId: input.termsVersionId }),
);

export async function confirmCheckinAction(previous: unknown, formData: FormData): Promise<ActionResult<unknown>> {
  const formToken = String(formData.get("token"));
  const result = await confirm(previous, formData);
  // New terms since the page was rendered: the answer brings the page again, with the text to read now.
  if (!result.ok && result.fieldErrors?.termsVersionId) revalidatePath(`/c/${formToken}`);
  return afterward(formToken, result, `/c/${formToken}/done`);
}
