"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { optionalText } from "@/lib/api/fields";
import { dealerAction } from "@/lib/auth/dealer-action";
import { CUSTOMER_HANDLERS } from "@/lib/auth/require-staff";
import type { StaffSession } from "@/lib/auth/session";
import { closeReport } from "@/lib/report/close-report";
import {
  moveReportItem,
  removeReportItem,
  removeReportItemAttachment,
  saveReportItem,
  setReportItemVisible,
} from "@/lib/report/edit-report";
import {
  authorizeReportItem,
  markReportMessageRead,
  REPLY_MAX,
  replyToReportItem,
  setReportItemFollowUp,
  setReportMechanicVisibility,
} from "@/lib/report/handle-report-item";
import { reportItemFormSchema } from "@/lib/report/report-item-form";
import { sendReportFromStaff } from "@/lib/report/send-report-from-staff";

// Thin entry points: parse (zod, in dealerAction), call lib/report, refresh the page. Each returns
// `{ done: true }` so the shared one-button form (CheckinToggleForm) can post to any of them.

const key = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/);
const flag = z.enum(["true", "false"]).transform((value) => value === "true");

function done(appointmentId: string) {
  revalidatePath(`/dealer/appointments/${appointmentId}/report`);
  return { done: true };
}

const on = (staff: StaffSession, appointmentId: string) => ({ dealerId: staff.dealerId, staffUserId: staff.staffUserId, appointmentId });

/** Adds or edits one item of the draft. */
export const saveReportItemAction = dealerAction(CUSTOMER_HANDLERS, reportItemFormSchema, async ({ staff, input }) => {
  await saveReportItem({ ...on(staff, input.appointmentId), item: input.item });
  return done(input.appointmentId);
});

const itemSchema = z.object({ appointmentId: z.uuid(), key });

export const setReportItemVisibleAction = dealerAction(
  CUSTOMER_HANDLERS,
  itemSchema.extend({ visible: flag }),
  async ({ staff, input }) => {
    await setReportItemVisible({ ...on(staff, input.appointmentId), key: input.key, visible: input.visible });
    return done(input.appointmentId);
  },
);

export const moveReportItemAction = dealerAction(
  CUSTOMER_HANDLERS,
  itemSchema.extend({ direction: z.enum(["up", "down"]) }),
  async ({ staff, input }) => {
    await moveReportItem({ ...on(staff, input.appointmentId), key: input.key, direction: input.direction });
    return done(input.appointmentId);
  },
);

export const removeReportItemAction = dealerAction(CUSTOMER_HANDLERS, itemSchema, async ({ staff, input }) => {
  await removeReportItem({ ...on(staff, input.appointmentId), key: input.key });
  return done(input.appointmentId);
});

export const removeReportAttachmentAction = dealerAction(
  CUSTOMER_HANDLERS,
  itemSchema.extend({ assetId: z.uuid() }),
  async ({ staff, input }) => {
    await removeReportItemAttachment({ ...on(staff, input.appointmentId), key: input.key, assetId: input.assetId });
    return done(input.appointmentId);
  },
);

const sendSchema = z.object({
  appointmentId: z.uuid(),
  recipient: z.string().regex(/^(DRIVER|OWNER|CONTRACTOR):(EMAIL|SMS)$/),
  note: optionalText(1000, { multiline: true }),
});

/** Seed 004 "Send": the recipient is one contact's e-mail address or phone number, chosen in one list. */
export const sendReportAction = dealerAction(CUSTOMER_HANDLERS, sendSchema, async ({ staff, input }) => {
  const [contact, channel] = input.recipient.split(":") as ["DRIVER" | "OWNER" | "CONTRACTOR", "EMAIL" | "SMS"];
  await sendReportFromStaff({ ...on(staff, input.appointmentId), staffName: staff.name, contact, channel, note: input.note });
  return done(input.appointmentId);
});

export const authorizeReportItemAction = dealerAction(
  CUSTOMER_HANDLERS,
  itemSchema.extend({ authorization: z.enum(["UP", "DOWN", "NONE"]) }),
  async ({ staff, input }) => {
    const authorization = input.authorization === "NONE" ? null : input.authorization;
    await authorizeReportItem({ ...on(staff, input.appointmentId), itemKey: input.key, authorization });
    return done(input.appointmentId);
  },
);

export const pinReportItemAction = dealerAction(CUSTOMER_HANDLERS, itemSchema.extend({ pinned: flag }), async ({ staff, input }) => {
  await setReportItemFollowUp({ ...on(staff, input.appointmentId), itemKey: input.key, pinned: input.pinned });
  return done(input.appointmentId);
});

/** Snooze for a number of days (0 wakes the item up again). */
export const snoozeReportItemAction = dealerAction(
  CUSTOMER_HANDLERS,
  itemSchema.extend({ days: z.coerce.number().int().min(0).max(30) }),
  async ({ staff, input }) => {
    const snoozedUntil = input.days === 0 ? null : new Date(Date.now() + input.days * 86_400_000);
    await setReportItemFollowUp({ ...on(staff, input.appointmentId), itemKey: input.key, snoozedUntil });
    return done(input.appointmentId);
  },
);

export const markReportMessageReadAction = dealerAction(
  CUSTOMER_HANDLERS,
  z.object({ appointmentId: z.uuid(), messageId: z.uuid(), read: flag }),
  async ({ staff, input }) => {
    await markReportMessageRead({ ...on(staff, input.appointmentId), messageId: input.messageId, read: input.read });
    return done(input.appointmentId);
  },
);

export const replyReportItemAction = dealerAction(
  CUSTOMER_HANDLERS,
  itemSchema.extend({ body: z.string().trim().min(1).max(REPLY_MAX) }),
  async ({ staff, input }) => {
    await replyToReportItem({ ...on(staff, input.appointmentId), itemKey: input.key, body: input.body });
    return done(input.appointmentId);
  },
);

export const reportMechanicVisibilityAction = dealerAction(
  CUSTOMER_HANDLERS,
  z.object({ appointmentId: z.uuid(), item: z.enum(["message", "attachment"]), id: z.uuid(), visible: flag }),
  async ({ staff, input }) => {
    await setReportMechanicVisibility({ ...on(staff, input.appointmentId), item: input.item, id: input.id, visible: input.visible });
    return done(input.appointmentId);
  },
);

export const closeReportAction = dealerAction(CUSTOMER_HANDLERS, z.object({ appointmentId: z.uuid() }), async ({ staff, input }) => {
  await closeReport(on(staff, input.appointmentId));
  return done(input.appointmentId);
});
