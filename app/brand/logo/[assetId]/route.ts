import { getLogo } from "@/lib/uploads/logo";

/** A dealer's logo: public brand material, cacheable; other assets are never served from here. */
export async function GET(_request: Request, { params }: { params: Promise<{ assetId: string }> }) {
  const logo = await getLogo((await params).assetId);
  if (!logo) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      "Content-Type": logo.contentType,
      "Cache-Control": "public, max-age=86400",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
