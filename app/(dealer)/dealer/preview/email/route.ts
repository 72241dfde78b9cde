import { BRAND_EDITORS } from "@/lib/auth/require-staff";
import { currentStaff } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { previewMessage } from "@/lib/notify/render/preview-message";
import { previewSiteId } from "@/lib/preview/preview-brand";
import { previewQuerySchema } from "@/lib/preview/preview-page";

/**
 * GET /dealer/preview/email — the HTML e-mail of one message kind, language and site with sample data,
 * for the preview page's frame. E-mail HTML is styled inline, so proxy.ts gives this address a policy of
 * its own: inline styles, the app's images, and no scripts at all.
 */
export async function GET(request: Request): Promise<Response> {
  const staff = await currentStaff();
  if (!staff || !BRAND_EDITORS.includes(staff.role))
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  const query = previewQuerySchema("en").parse(Object.fromEntries(new URL(request.url).searchParams));
  const siteId = await previewSiteId(staff.dealerId, query.site);
  const preview =
    siteId && (await previewMessage({ dealerId: staff.dealerId, siteId, kind: query.message, locale: query.locale, now: now() }));
  if (!preview) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  return new Response(preview.email.html, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow" },
  });
}
