"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { dealerAction } from "@/lib/auth/dealer-action";
import { CUSTOMER_HANDLERS } from "@/lib/auth/require-staff";
import { cancelAppointment, finalizeAppointment } from "@/lib/appointments/cancel-appointment";
import { convertCheckinItem, setCheckinItemHandled, setVisibleToMechanics } from "@/lib/checkin/handle-checkin-item";
import { sendCheckinNow } from "@/lib/checkin/schedule-checkin";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

const sendCheckinSchema = z.object({ appointmentId: z.uuid(), channel: z.enum(["EMAIL", "SMS"]) });

/** "Send the check-in link now" — also the "send by SMS / e-mail instead" after a failed delivery. */
export const sendCheckinAction = dealerAction(CUSTOMER_HANDLERS, sendCheckinSchema, async ({ staff, input }) => {
  await db().$transaction((tx) =>
    sendCheckinNow(tx, {
      dealerId: staff.dealerId,
      appointmentId: input.appointmentId,
      channel: input.channel,
      actor: { type: "STAFF", id: staff.staffUserId },
    }),
  );
  revalidatePath(`/dealer/appointments/${input.appointmentId}`);
  return { channel: input.channel };
});

const endSchema = z.object({ appointmentId: z.uuid(), end: z.enum(["cancel", "finalize"]) });

/** Cancel (the customer's links close at once) or finalize (the visit is done) — seeds 001 and 003. */
export const endAppointmentAction = dealerAction(CUSTOMER_HANDLERS, endSchema, async ({ staff, input }) => {
  const appointment = await db().appointment.findFirst({
    where: { id: input.appointmentId, dealerId: staff.dealerId },
    select: { externalId: true },
  });
  if (!appointment) throw new AppError("not_found");
  const args = {
    dealerId: staff.dealerId,
    externalId: appointment.externalId,
    actor: { type: "STAFF" as const, id: staff.staffUserId },
    now: new Date(),
  };
  await (input.end === "cancel" ? cancelAppointment(args) : finalizeAppointment(args));
  revalidatePath(`/dealer/appointments/${input.appointmentId}`);
  return { end: input.end };
});

const flag = z.enum(["true", "false"]).transform((value) => value === "true");
const handledSchema = z.object({
  appointmentId: z.uuid(),
  item: z.enum(["selection", "comment"]),
  itemId: z.uuid(),
  handled: flag,
});

/** Seed 003 step 4: the handled toggle of a chosen service or a remark. */
export const setCheckinHandledAction = dealerAction(CUSTOMER_HANDLERS, handledSchema, async ({ staff, input }) => {
  await setCheckinItemHandled({
    ...onAppointment(staff, input.appointmentId),
    item: input.item,
    itemId: input.itemId,
    handled: input.handled,
  });
  revalidatePath(`/dealer/appointments/${input.appointmentId}`);
  return { done: true };
});

const visibilitySchema = z.object({
  appointmentId: z.uuid(),
  item: z.enum(["comment", "attachment"]),
  itemId: z.uuid(),
  visible: flag,
});

/** Seed 003 step 3: "visible to mechanics" on a remark or on one of its photos or videos. */
export const setMechanicVisibilityAction = dealerAction(CUSTOMER_HANDLERS, visibilitySchema, async ({ staff, input }) => {
  await setVisibleToMechanics({
    ...onAppointment(staff, input.appointmentId),
    item: input.item,
    itemId: input.itemId,
    visible: input.visible,
  });
  revalidatePath(`/dealer/appointments/${input.appointmentId}`);
  return { done: true };
});

const convertSchema = z.object({ appointmentId: z.uuid(), item: z.enum(["selection", "comment"]), itemId: z.uuid() });

/** Seed 003 step 4: "convert to job" — a planned-work line from a chosen service or a remark. */
export const convertCheckinItemAction = dealerAction(CUSTOMER_HANDLERS, convertSchema, async ({ staff, input }) => {
  await convertCheckinItem({ ...onAppointment(staff, input.appointmentId), item: input.item, itemId: input.itemId });
  revalidatePath(`/dealer/appointments/${input.appointmentId}`);
  return { done: true };
});

function onAppointment(staff: { dealerId: string; staffUserId: string }, appointmentId: string) {
  return { dealerId: staff.dealerId, staffUserId: staff.staffUserId, appointmentId };
}
