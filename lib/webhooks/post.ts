import "server-only";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { BlockedAddressError, ipLiteral, isPrivateAddress, publicOnlyLookup } from "@/lib/webhooks/address-policy";

/**
 * One POST, the way a webhook delivery needs it: node:http rather than fetch so the SSRF guard can sit
 * in the connection's own DNS lookup (fetch offers no hook for it without the undici package); it never
 * follows redirects, has one deadline for the whole exchange, and reads at most a little of the answer
 * (receivers are asked for a status, not a body). Rejects on network errors and on the deadline.
 */
export type PostOptions = { timeoutMs: number; allowPrivate: boolean };

export type PostResponse = { status: number; location: string | null };

const MAX_RESPONSE_BYTES = 64 * 1024;

export function postJson(url: URL, body: string, headers: Record<string, string>, options: PostOptions): Promise<PostResponse> {
  const literal = ipLiteral(url);
  // Names are checked at connect time by the lookup; literals never reach a lookup, so here.
  if (!options.allowPrivate && literal && isPrivateAddress(literal)) return Promise.reject(new BlockedAddressError(url.hostname));
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<PostResponse>((resolve, reject) => {
    const req = request(url, {
      method: "POST",
      headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
      // A fresh connection per delivery: no pooled socket outlives the deadline or skips the lookup.
      agent: false,
      signal: AbortSignal.timeout(options.timeoutMs),
      ...(options.allowPrivate ? {} : { lookup: publicOnlyLookup }),
    });
    req.on("error", reject);
    req.on("response", (res: IncomingMessage) => {
      resolve({ status: res.statusCode ?? 0, location: typeof res.headers.location === "string" ? res.headers.location : null });
      let received = 0;
      res.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received > MAX_RESPONSE_BYTES) res.destroy();
      });
      res.on("error", () => undefined);
    });
    req.end(body);
  });
}
