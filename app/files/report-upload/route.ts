import { isSameOriginPost } from "@/lib/http/same-origin";
import { addReportUploadFromForm } from "@/lib/report/report-upload";

/**
 * POST /files/report-upload — the advisor's "add a photo or video" form on a report item (multipart,
 * works without JavaScript). Answers with a redirect back to the item, saying why a file was refused.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginPost(request.headers)) return new Response("Cross-site form posts are not accepted.", { status: 403 });
  const outcome = await addReportUploadFromForm(request);
  if (outcome.status === "unauthorized") return redirect("/dealer/sign-in");
  if (outcome.status === "not_found") return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  const page = `/dealer/appointments/${outcome.appointmentId}/report`;
  const query = outcome.status === "refused" ? `?upload=${outcome.code}&item=${encodeURIComponent(outcome.key)}` : "";
  return redirect(`${page}${query}#item-${outcome.key}`);
}

function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
