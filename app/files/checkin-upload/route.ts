import { openLink } from "@/lib/auth/token-action";
import { remarkFileError, uploadRemarkFile } from "@/lib/checkin/remark-uploads";
import { BodyTooLargeError, readBodyCapped } from "@/lib/http/read-body";
import { isSameOriginPost } from "@/lib/http/same-origin";
import { fromHeaders } from "@/lib/request-context";
import { uploadLimits } from "@/lib/uploads/limits";
import { uploadErrorStatus } from "@/lib/uploads/upload-error";

/**
 * POST /files/checkin-upload — one photo or video for a check-in remark, sent by the page's script as
 * the raw request body, the link's token in `X-Checkin-Token` (not in the URL: it would land in logs).
 * 201 with the stored file's id and signed URLs, or a status and a `code` the page turns into a sentence.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginPost(request.headers)) return refused(403, "forbidden");
  const link = await openLink({
    token: request.headers.get("x-checkin-token") ?? "",
    purpose: "CHECKIN",
    context: fromHeaders(request.headers),
  });
  if (!link.ok) return refused(link.error === "gone" ? 410 : link.error === "rate_limited" ? 429 : 404, link.error);

  const limits = uploadLimits();
  let bytes: Uint8Array;
  try {
    bytes = await readBodyCapped(request, Math.max(limits.maxImageBytes, limits.maxVideoBytes));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return refused(413, "too_large");
    return refused(400, "unreadable");
  }
  try {
    return json(201, await uploadRemarkFile({ link: link.link, bytes }));
  } catch (error) {
    const code = remarkFileError(error);
    if (!code) throw error;
    return refused(code === "rate_limited" ? 429 : code === "too_many_files" ? 422 : uploadErrorStatus[code], code);
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}

function refused(status: number, code: string): Response {
  return json(status, { status, code });
}
