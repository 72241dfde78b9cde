import { getPublicAsset } from "@/lib/uploads/brand-assets";

/** Public brand material (logos, optional-service images), cacheable; customer uploads never come from here. */
export async function GET(_request: Request, { params }: { params: Promise<{ assetId: string }> }) {
  const asset = await getPublicAsset((await params).assetId);
  if (!asset) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  return new Response(new Uint8Array(asset.bytes), {
    headers: { "Content-Type": asset.contentType, "Cache-Control": "public, max-age=86400, immutable" },
  });
}
