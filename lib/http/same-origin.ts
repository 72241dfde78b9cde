/**
 * CSRF guard for posts from pages. Browsers mark every request with `Sec-Fetch-Site`, which pages
 * cannot forge; a post from another site is refused. `Origin: null` (what form posts carry under
 * `Referrer-Policy: no-referrer`) is accepted only together with `Sec-Fetch-Site: same-origin`.
 * Used by the proxy for server actions and by the upload routes the proxy does not see.
 */
export function isSameOriginPost(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  const origin = headers.get("origin");
  if (site === "cross-site" || site === "same-site") return false;
  if (origin === "null") return site === "same-origin";
  return true;
}
