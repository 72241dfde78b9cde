import { serveAsset } from "@/lib/uploads/serve-asset";

/** Customer uploads (and any asset) behind a signed, expiring URL from `signedAssetUrl`. */
export async function GET(request: Request, { params }: { params: Promise<{ assetId: string }> }) {
  return serveAsset(request, (await params).assetId);
}
