import { parseJsonBody } from "@/lib/api/json-body";
import { apiJson, otherMethods } from "@/lib/api/responses";
import { checkinSendSchema } from "@/lib/api/send-schemas";
import { withApiKey } from "@/lib/api/with-api-key";
import { sendCheckinLink } from "@/lib/appointments/send-checkin-link";
import { now } from "@/lib/clock";

type Params = { externalId: string };

/** Sends the check-in link now: 202, the message is queued in the outbox. */
export const POST = withApiKey<Params>(async ({ request, dealerId, apiKeyId, params }) => {
  const body = await parseJsonBody(request, checkinSendSchema);
  const sent = await sendCheckinLink({
    dealerId,
    externalId: params.externalId,
    channel: body.channel,
    note: body.note,
    actor: { type: "API", id: apiKeyId },
    now: now(),
  });
  return apiJson(sent, { status: 202 });
});

const { notAllowed, options } = otherMethods(["POST"]);
export const GET = notAllowed;
export const HEAD = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
export const OPTIONS = options;
