import "server-only";
import { AppError, problemResponse } from "@/lib/errors";

/** API answers are per-key and change with every write: no cache (shared or private) may keep one. */
export const NO_STORE = "no-store";

export function apiJson(body: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json");
  headers.set("Cache-Control", NO_STORE);
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers });
}

/** Strong entity tag of an appointment version, as api-v1.md shows it: `"3"`. */
export function etag(version: number): string {
  return `"${version}"`;
}

export type HttpMethod = "GET" | "PUT" | "POST" | "PATCH" | "DELETE";

function allowHeader(allowed: readonly HttpMethod[]): string {
  const methods: string[] = [...allowed];
  if (allowed.includes("GET")) methods.push("HEAD");
  methods.push("OPTIONS");
  return methods.join(", ");
}

/**
 * Handlers for the methods a route does not implement. Next.js would answer them 405 with an empty body;
 * the contract wants problem+json and an `Allow` header. Exported by each route file for every other method.
 */
export function otherMethods(allowed: readonly HttpMethod[]) {
  const allow = allowHeader(allowed);
  const notAllowed = async (): Promise<Response> =>
    problemResponse(new AppError("method_not_allowed", `Use ${allowed.join(" or ")} on this resource.`), undefined, {
      Allow: allow,
      "Cache-Control": NO_STORE,
    });
  // Answered here rather than by Next.js, whose automatic OPTIONS would list the 405 stubs as allowed.
  const options = async (): Promise<Response> => new Response(null, { status: 204, headers: { Allow: allow, "Cache-Control": NO_STORE } });
  return { notAllowed, options };
}
