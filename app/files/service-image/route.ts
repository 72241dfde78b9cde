import { currentStaff } from "@/lib/auth/session";
import { isSameOriginPost } from "@/lib/http/same-origin";
import { uploadServiceImageFromForm } from "@/lib/optional-services/service-image";

/**
 * POST /files/service-image — a service's image from its edit page's plain form (multipart; a server
 * action's 1 MB limit could not take a photo, and the proxy, which copies bodies, does not see /files/).
 * Answers with a redirect back to the edit page, which shows the image or says why it was refused.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginPost(request.headers)) return new Response("Cross-site form posts are not accepted.", { status: 403 });
  const staff = await currentStaff();
  if (!staff) return redirect("/dealer/sign-in");
  const outcome = await uploadServiceImageFromForm(staff, request);
  if (outcome.status === "not_found") return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  const page = `/dealer/settings/services/${outcome.serviceId}`;
  return redirect(`${page}?image=${outcome.status === "saved" ? "saved" : outcome.code}#image`);
}

function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
