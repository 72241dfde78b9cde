import "server-only";
import { z } from "zod";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { parseRange } from "@/lib/uploads/byte-range";
import { verifyAssetSignature } from "@/lib/uploads/signed-url";
import { openObject } from "@/lib/uploads/storage";
import { isUuid } from "@/lib/ids";

const querySchema = z.object({
  v: z.enum(["full", "thumb"]),
  exp: z
    .string()
    .regex(/^\d{1,12}$/)
    .transform(Number),
  sig: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});

/**
 * Headers for a customer's file. The bytes are the customer's (a video is stored as sent), so the
 * browser is told not to guess another type, to treat the response as a sandboxed document if it is ever
 * opened directly, and not to let another site embed it.
 */
function fileHeaders(contentType: string, maxAge: number): Headers {
  return new Headers({
    "Content-Type": contentType,
    "Cache-Control": `private, max-age=${maxAge}`,
    "Accept-Ranges": "bytes",
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": "inline",
    "Content-Security-Policy": "default-src 'none'; media-src 'self'; img-src 'self'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
  });
}

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * GET /files/<assetId>?v=&exp=&sig=: one stored file, if the URL was signed here and has not expired.
 * A bad, expired or foreign signature and an unknown id all look the same: 404.
 */
export async function serveAsset(request: Request, assetId: string): Promise<Response> {
  try {
    const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!isUuid(assetId) || !query.success) return notFound();
    const { v: variant, exp, sig } = query.data;
    const at = now();
    if (!verifyAssetSignature({ assetId, variant, exp, sig, at })) return notFound();

    const asset = await db().asset.findUnique({
      where: { id: assetId },
      select: { storageKey: true, thumbnailKey: true, contentType: true },
    });
    const key = variant === "full" ? asset?.storageKey : asset?.thumbnailKey;
    if (!asset || !key) return notFound();
    const object = await openObject(key);
    if (!object) return notFound();

    const headers = fileHeaders(variant === "full" ? asset.contentType : "image/webp", exp - Math.floor(at.getTime() / 1000));
    const range = parseRange(request.headers.get("range"), object.size);
    if (range === "unsatisfiable") {
      headers.set("Content-Range", `bytes */${object.size}`);
      return new Response(null, { status: 416, headers });
    }
    if (range) {
      headers.set("Content-Range", `bytes ${range.start}-${range.end}/${object.size}`);
      headers.set("Content-Length", String(range.end - range.start + 1));
      return new Response(object.stream(range), { status: 206, headers });
    }
    headers.set("Content-Length", String(object.size));
    return new Response(object.stream(), { status: 200, headers });
  } catch (error) {
    // Storage or database trouble, not the request's fault: no stack to the client, a retryable status.
    console.error("[files] serving a file failed", error);
    return new Response("Temporarily unavailable", {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "5" },
    });
  }
}
