import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import Negotiator from "negotiator";
import { now } from "@/lib/clock";
import { newCspNonce, nonceOfPolicy } from "@/lib/http/csp-nonce";
import { LOCALE_COOKIE, spokenLocale } from "@/lib/i18n/locales";
import { deflatePieces, gzipWithNonce } from "@/lib/page-cache/gzip-pieces";
import {
  forgetPage,
  getStoredPage,
  pageStoreEnabled,
  storePage,
  MAX_STORED_PAGE_BYTES,
  type StoredPage,
} from "@/lib/page-cache/page-store";
import { readViewStamp, type ViewStamp } from "@/lib/page-cache/view-stamp";
import { hashToken } from "@/lib/tokens";

/**
 * The customer's check-in and report pages, served from memory while nothing they show has changed.
 *
 * A customer page costs 15–35 ms of CPU to render (React Server Components, then HTML) against ~1.3 ms
 * for a prerendered page (bench/README.md), and a customer opens the same link many times: the mail
 * scanner's fetch, the first look, a reload, coming back after a form post, the language switch, the
 * e-mail opened again. Each render is kept with the version of its appointment's customer view; a
 * request is served the kept page only when one indexed lookup (`readViewStamp`) says that version is
 * still current and the page is not past its validity. Every write of a row the page reads moves the
 * version — database triggers do it at commit, so no code path or instance can forget — and a change of
 * the dealer's settings drops its pages in this process (other instances: within MAX_PAGE_AGE_MS).
 *
 * Every response gets its own CSP nonce: the page is kept cut at the nonce it was rendered with, and the
 * cut is joined with a new one, in the body and in the headers, exactly as proxy.ts would have made it.
 * Only the plain document is cached: a URL with a query (a refusal shown after a no-JavaScript post, the
 * language switch), Next's client-router and server-action requests, HEAD and every other path go to
 * Next as before.
 */

const CUSTOMER_PAGE = /^\/(?:c|r)\/([A-Za-z0-9_-]{22})$/;
/** Headers the router and prefetches send: they ask for flight data or a partial render, not the document. */
const ROUTER_HEADERS = ["rsc", "next-action", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch"];
/** Headers of one response, not of the page: Node and the compression layer set them again. */
const PER_RESPONSE = new Set([
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "x-page-cache",
]);

export type PageRequest = { tokenHash: string; key: string };

/** The cache key of a cacheable customer page request, or null to let Next answer it as usual. */
export function customerPageRequest(req: IncomingMessage): PageRequest | null {
  if (req.method !== "GET" || !pageStoreEnabled()) return null;
  const match = CUSTOMER_PAGE.exec(req.url ?? "");
  if (!match) return null;
  if (ROUTER_HEADERS.some((name) => req.headers[name] !== undefined) || req.headers["purpose"] === "prefetch") return null;
  // The page's language is all it takes from the request (lib/i18n/request-locale.ts): the visitor's
  // choice and the browser's first language, each only as far as it names a language we speak.
  const chosen = spokenLocale(cookieValue(req.headers.cookie, LOCALE_COOKIE)) ?? "";
  const browser = spokenLocale(req.headers["accept-language"]?.split(",")[0]) ?? "";
  const key = `${req.url}\n${chosen}\n${browser}`;
  return { tokenHash: hashToken(match[1]!), key };
}

/**
 * Answers the request from memory when its page is current, else lets `render` (Next) answer it and
 * keeps what it rendered. Never throws: a failed lookup renders.
 */
export async function serveCustomerPage(
  req: IncomingMessage,
  res: ServerResponse,
  page: PageRequest,
  render: () => Promise<void>,
): Promise<void> {
  let stamp: ViewStamp | null;
  try {
    stamp = await readViewStamp(page.tokenHash);
  } catch {
    return render();
  }
  if (!stamp) return render();
  const stored = getStoredPage(page.key);
  if (stored && stored.version === stamp.version && now().getTime() < stored.validUntil) {
    sendStored(req, res, stored);
    return;
  }
  if (stored) forgetPage(page.key);
  keepRenderedPage(res, page.key, stamp);
  res.setHeader("X-Page-Cache", "miss");
  return render();
}

/**
 * A stored page with a nonce of its own. Compressed as gzip from its stored pieces when the client takes
 * gzip (every browser does), which the compression layer then leaves alone; otherwise sent plain, for
 * that layer to compress if it can.
 */
function sendStored(req: IncomingMessage, res: ServerResponse, page: StoredPage): void {
  const nonce = newCspNonce();
  const withNonce = (value: string) => value.replaceAll(page.nonce, nonce);
  res.statusCode = page.status;
  for (const [name, value] of page.headers) res.setHeader(name, Array.isArray(value) ? value.map(withNonce) : withNonce(value));
  const nonceBytes = Buffer.from(nonce);
  const body = Buffer.concat(page.segments.flatMap((segment, i) => (i === 0 ? [segment] : [nonceBytes, segment])));
  res.setHeader("X-Page-Cache", "hit");
  if (new Negotiator(req).encoding(["gzip", "identity"]) === "gzip") {
    const gzip = gzipWithNonce(page.gzipPieces, nonceBytes, body);
    res.setHeader("Content-Encoding", "gzip");
    const vary = String(res.getHeader("Vary") ?? "");
    if (!/(^|,)\s*accept-encoding\s*(,|$)/i.test(vary)) res.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    res.setHeader("Content-Length", gzip.length);
    res.end(gzip);
    return;
  }
  res.setHeader("Content-Length", body.length);
  res.end(body);
}

/**
 * Copies what Next writes (before compression, which wraps the response outside this layer) and keeps
 * it once the response has finished, when it is a whole 200 HTML document with a nonce and no cookie.
 * The stamp was read before the render started, so a write that lands during the render leaves a page
 * kept at the older version, which the next request re-renders.
 */
function keepRenderedPage(res: ServerResponse, pageKey: string, stamp: ViewStamp): void {
  const chunks: Buffer[] = [];
  let bytes = 0;
  let overflow = false;
  const copy = (chunk: unknown, encoding?: unknown) => {
    if (overflow || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buffer = Buffer.isBuffer(chunk)
      ? chunk
      : typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
        : Buffer.from(chunk as Uint8Array);
    bytes += buffer.length;
    if (bytes > MAX_STORED_PAGE_BYTES) overflow = true;
    else chunks.push(Buffer.from(buffer));
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((...args: unknown[]) => {
    copy(args[0], args[1]);
    return write(...args);
  }) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    copy(args[0], args[1]);
    return end(...args);
  }) as typeof res.end;

  res.once("finish", () => {
    // A listener's exception would take the process down; a page that cannot be kept is simply not kept.
    try {
      keepIfWhole();
    } catch (error) {
      console.error("[page-cache] a rendered page could not be kept:", error instanceof Error ? error.message : String(error));
    }
  });

  function keepIfWhole(): void {
    if (overflow || res.statusCode !== 200) return;
    const headers = Object.entries(res.getHeaders()).flatMap(([name, value]): [string, string | string[]][] =>
      PER_RESPONSE.has(name) || value === undefined ? [] : [[name, Array.isArray(value) ? value : String(value)]],
    );
    const header = (name: string) => headers.find(([key]) => key === name)?.[1];
    const type = header("content-type");
    const policy = header("content-security-policy");
    if (typeof type !== "string" || !type.startsWith("text/html") || header("set-cookie") !== undefined) return;
    const nonce = typeof policy === "string" ? nonceOfPolicy(policy) : null;
    if (!nonce) return;
    const segments = cutAt(Buffer.concat(chunks), Buffer.from(nonce));
    const gzipPieces = deflatePieces(segments);
    storePage(pageKey, {
      dealerId: stamp.dealerId,
      version: stamp.version,
      validUntil: stamp.validUntil,
      status: 200,
      headers,
      nonce,
      segments,
      gzipPieces,
      bytes: bytes + gzipPieces.reduce((sum, piece) => sum + piece.length, 0),
    });
  }
}

/** `body` cut at every occurrence of `mark` (the mark itself left out). */
export function cutAt(body: Buffer, mark: Buffer): Buffer[] {
  const segments: Buffer[] = [];
  let start = 0;
  for (let at = body.indexOf(mark, start); at !== -1; at = body.indexOf(mark, start)) {
    segments.push(body.subarray(start, at));
    start = at + mark.length;
  }
  segments.push(body.subarray(start));
  return segments;
}

/** A cookie's value as Next's `cookies()` reads it (URL-decoded). */
function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const at = part.indexOf("=");
    if (at === -1 || part.slice(0, at).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(at + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}
