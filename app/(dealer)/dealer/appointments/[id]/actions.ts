"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { dealerAction } from "@/lib/auth/dealer-action";
import { CUSTOMER_HANDLERS } from "@/lib/auth/require-staff";
import { sendCheckinNow } from "@/lib/checkin/schedule-checkin";
import { db } from "@/lib/db";

const sendCheckinSchema = z.object({ appointmentId: z.uuid(), channel: z.enum(["EMAIL", "SMS"]) });

/** "Send the check-in link now" — also the "send by SMS / e-mail instead" after a failed delivery. */
export const sendCheckinAction = dealerAction(CUSTOMER_HANDLERS, sendCheckinSchema, async ({ staff, input }) => {
  await db().$transaction((tx) =>
    sendCheckinNow(tx, { dealerId: staff.dealerId, appointmentId: input.appointmentId, channel: input.channel }),
  );
  revalidatePath(`/dealer/appointments/${input.appointmentId}`);
  return { channel: input.channel };
});
