import "server-only";
import { z } from "zod";
import { contactRoles } from "@/lib/api/appointment-schema";
import { optionalText } from "@/lib/api/fields";

const channelSchema = z.enum(["email", "sms"]).transform((value) => value.toUpperCase() as "EMAIL" | "SMS");

/** Body of `POST …/checkin/send`. */
export const checkinSendSchema = z.object({
  channel: channelSchema,
  note: optionalText(1000, { multiline: true }),
});

/** Body of `POST …/report/send`; without `contact`, the first of driver → owner → contractor reachable. */
export const reportSendSchema = z.object({
  channel: channelSchema,
  note: optionalText(1000, { multiline: true }),
  contact: z
    .enum(contactRoles)
    .nullish()
    .transform((value) => (value ? (value.toUpperCase() as "DRIVER" | "OWNER" | "CONTRACTOR") : null)),
});
