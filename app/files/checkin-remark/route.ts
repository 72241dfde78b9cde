import { addRemarkFromForm } from "@/lib/checkin/remark-form";
import { isSameOriginPost } from "@/lib/http/same-origin";

/**
 * POST /files/checkin-remark — the remark form posted without JavaScript (text and files in one
 * multipart body, which a server action's 1 MB limit could not take). Answers with a redirect back to
 * the page, which shows the remark or says why it was refused.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginPost(request.headers)) return new Response("Cross-site form posts are not accepted.", { status: 403 });
  const outcome = await addRemarkFromForm(request);
  if (outcome.status === "not_found") return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  const page = `/c/${outcome.token}`;
  const location =
    outcome.status === "gone"
      ? `${page}/closed`
      : outcome.status === "refused"
        ? `${page}?remark=${outcome.code}#remarks`
        : `${page}#remarks`;
  return new Response(null, {
    status: 303,
    headers: { Location: location, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
  });
}
