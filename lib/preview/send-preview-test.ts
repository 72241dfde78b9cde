import "server-only";
import { z } from "zod";
import type { StaffSession } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { locales } from "@/lib/i18n/locales";
import { enqueue } from "@/lib/notify/outbox";
import { PREVIEW_MESSAGE_KINDS } from "@/lib/notify/render/preview-message";
import { consume } from "@/lib/rate-limit";

export const sendPreviewTestSchema = z.object({
  message: z.enum(PREVIEW_MESSAGE_KINDS, { message: "invalid" }),
  locale: z.enum(locales, { message: "invalid" }),
  site: z.uuid({ message: "invalid" }),
});

/**
 * "Send a test to me": the previewed message, as the sample customer would get it, to the staff member's
 * own address only — never to anyone typed in. An outbox row like every message (kind TEST, so the
 * communication log never counts it as a customer's), rendered when the dispatcher sends it with the
 * wording saved by then (lib/notify/render/message-context.ts).
 */
export async function sendPreviewTest(staff: StaffSession, input: z.infer<typeof sendPreviewTestSchema>): Promise<{ sentTo: string }> {
  await consume("previewTest", staff.staffUserId);
  const site = await db().site.findFirst({ where: { id: input.site, dealerId: staff.dealerId }, select: { id: true } });
  if (!site) throw new AppError("not_found");
  await enqueue(db(), {
    dealerId: staff.dealerId,
    kind: "TEST",
    channel: "EMAIL",
    recipient: staff.email,
    locale: input.locale,
    dueAt: now(),
    payload: { preview: { kind: input.message, siteId: site.id } },
  });
  return { sentTo: staff.email };
}
