import { apiJson, etag, otherMethods } from "@/lib/api/responses";
import { withApiKey } from "@/lib/api/with-api-key";
import { getAppointmentJson } from "@/lib/appointments/api-appointment";
import { cancelAppointment } from "@/lib/appointments/cancel-appointment";
import { now } from "@/lib/clock";

type Params = { externalId: string };

/** Cancels (idempotent); any body is ignored — there is nothing to say but "cancel". */
export const POST = withApiKey<Params>(async ({ dealerId, apiKeyId, params }) => {
  const at = now();
  await cancelAppointment({ dealerId, externalId: params.externalId, actor: { type: "API", id: apiKeyId }, now: at });
  const appointment = await getAppointmentJson({ dealerId, externalId: params.externalId, now: at });
  return apiJson(appointment, { headers: { ETag: etag(appointment.version) } });
});

const { notAllowed, options } = otherMethods(["POST"]);
export const GET = notAllowed;
export const HEAD = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
export const OPTIONS = options;
