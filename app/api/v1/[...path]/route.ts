import { NO_STORE } from "@/lib/api/responses";
import { AppError, problemResponse } from "@/lib/errors";

/** Any other path under /api/v1 answers problem+json too, not the site's HTML 404 page. */
async function notFound(): Promise<Response> {
  return problemResponse(new AppError("not_found", "No such API resource."), undefined, { "Cache-Control": NO_STORE });
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
