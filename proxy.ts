import { NextResponse, type NextRequest } from "next/server";
import { newCspNonce } from "@/lib/http/csp-nonce";
import { isSameOriginPost } from "@/lib/http/same-origin";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";

/** The marketing preview's e-mail frame (app/(dealer)/dealer/preview/email): e-mail HTML is styled inline. */
const EMAIL_PREVIEW = "/dealer/preview/email";
const EMAIL_PREVIEW_POLICY = [
  "default-src 'none'",
  "img-src 'self' data:",
  "style-src 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join("; ");

/**
 * Per-request CSP nonce (Next.js applies it to its own scripts), and the language switcher: `?lang=xx`
 * on a page stores the choice in a cookie and redirects to the clean URL, so it works without JavaScript
 * and the choice follows the visitor through the flow.
 */
export function proxy(request: NextRequest) {
  if (request.method === "POST" && !isSameOriginPost(request.headers)) {
    return new NextResponse("Cross-site form posts are not accepted.", { status: 403, headers: { "Content-Type": "text/plain" } });
  }
  const lang = request.nextUrl.searchParams.get("lang");
  if (lang !== null && request.method === "GET") {
    const clean = request.nextUrl.clone();
    clean.searchParams.delete("lang");
    const response = NextResponse.redirect(clean, 303);
    if (isLocale(lang)) {
      response.cookies.set(LOCALE_COOKIE, lang, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
    }
    response.headers.set("Referrer-Policy", "no-referrer");
    return response;
  }

  if (request.nextUrl.pathname === EMAIL_PREVIEW) {
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", EMAIL_PREVIEW_POLICY);
    return response;
  }

  const nonce = newCspNonce();
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

/**
 * Not for: the API (its own key checks), static assets, and `/files/` — signed file downloads, and the
 * customer's upload posts, which check their origin themselves: a proxy copies a request body (up to
 * 10 MB, truncating beyond), which a 200 MB video must not go through.
 */
export const config = {
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico|fonts/|files/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
