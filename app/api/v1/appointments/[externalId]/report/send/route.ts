import { parseJsonBody } from "@/lib/api/json-body";
import { apiJson, otherMethods } from "@/lib/api/responses";
import { reportSendSchema } from "@/lib/api/send-schemas";
import { withApiKey } from "@/lib/api/with-api-key";
import { now } from "@/lib/clock";
import { sendReport } from "@/lib/report/send-report";

type Params = { externalId: string };

/** Publishes the draft (or re-sends the published version) and queues the message: 202. */
export const POST = withApiKey<Params>(async ({ request, dealerId, apiKeyId, params }) => {
  const body = await parseJsonBody(request, reportSendSchema);
  const sent = await sendReport({
    dealerId,
    externalId: params.externalId,
    channel: body.channel,
    note: body.note,
    contact: body.contact,
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
