import { parseAppointmentPut } from "@/lib/api/appointment-schema";
import { parseIfMatch } from "@/lib/api/if-match";
import { readJson } from "@/lib/api/json-body";
import { apiJson, etag, otherMethods } from "@/lib/api/responses";
import { withApiKey } from "@/lib/api/with-api-key";
import { getAppointmentJson } from "@/lib/appointments/api-appointment";
import { upsertAppointment } from "@/lib/appointments/upsert-appointment";
import { now } from "@/lib/clock";

type Params = { externalId: string };

export const GET = withApiKey<Params>(async ({ dealerId, params }) => {
  const appointment = await getAppointmentJson({ dealerId, externalId: params.externalId, now: now() });
  return apiJson(appointment, { headers: { ETag: etag(appointment.version) } });
});

/** Create or replace (api-v1.md): 201 when created, 200 when replaced or replayed unchanged. */
export const PUT = withApiKey<Params>(async ({ request, dealerId, apiKeyId, params }) => {
  const value = await readJson(request);
  const ifMatch = parseIfMatch(request.headers.get("if-match"));
  const body = parseAppointmentPut(params.externalId, value);
  const at = now();
  const { externalId } = params;
  const result = await upsertAppointment({ dealerId, externalId, body, ifMatch, actor: { type: "API", id: apiKeyId }, now: at });
  const appointment = await getAppointmentJson({ dealerId, externalId, now: at });
  const headers: Record<string, string> = { ETag: etag(appointment.version) };
  if (result.created) headers.Location = `/api/v1/appointments/${externalId}`;
  return apiJson(appointment, { status: result.created ? 201 : 200, headers });
});

const { notAllowed, options } = otherMethods(["GET", "PUT"]);
export const POST = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
export const OPTIONS = options;
