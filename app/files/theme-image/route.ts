import { isSameOriginPost } from "@/lib/http/same-origin";
import { uploadThemeImageFromForm } from "@/lib/dealers/theme-images";

/**
 * POST /files/theme-image — the theme editor's logo and welcome image forms (multipart, works without
 * JavaScript; a server action's 1 MB body could not take a photo). Answers with a redirect back to the
 * editor, saying whether the image was saved or why it was refused.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginPost(request.headers)) return new Response("Cross-site form posts are not accepted.", { status: 403 });
  const outcome = await uploadThemeImageFromForm(request);
  if (outcome.status === "unauthorized") return redirect("/dealer/sign-in");
  if (outcome.status === "not_found") return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  const query = outcome.status === "saved" ? `saved=${outcome.image}` : `image=${outcome.image}&refused=${outcome.code}`;
  return redirect(`/dealer/settings/theme?${query}#${outcome.image}`);
}

function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
