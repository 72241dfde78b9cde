import { parseJsonBody } from "@/lib/api/json-body";
import { reportItemsBodySchema } from "@/lib/api/report-schema";
import { apiJson, otherMethods } from "@/lib/api/responses";
import { withApiKey } from "@/lib/api/with-api-key";
import { getReportJson } from "@/lib/report/api-report";
import { setReportItems } from "@/lib/report/set-report-items";

type Params = { externalId: string };

export const GET = withApiKey<Params>(async ({ dealerId, params }) => {
  return apiJson(await getReportJson({ dealerId, externalId: params.externalId }));
});

/** Sets the items of the report's draft (a new version once the current one has been sent). */
export const PUT = withApiKey<Params>(async ({ request, dealerId, apiKeyId, params }) => {
  const body = await parseJsonBody(request, reportItemsBodySchema);
  await setReportItems({ dealerId, externalId: params.externalId, body, actor: { type: "API", id: apiKeyId } });
  return apiJson(await getReportJson({ dealerId, externalId: params.externalId }));
});

const { notAllowed, options } = otherMethods(["GET", "PUT"]);
export const POST = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
export const OPTIONS = options;
