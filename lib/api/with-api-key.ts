import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError, problemResponse, isAppError } from "@/lib/errors";
import { hashApiKey, API_KEY_PATTERN } from "@/lib/api/api-keys";
import { consume } from "@/lib/rate-limit";

export type ApiContext<P> = { request: Request; dealerId: string; apiKeyId: string; params: P; requestId: string };

/**
 * The only way to write a DMS API route handler: a valid, unrevoked key (→ its dealer), a rate limit per
 * key, and errors as problem+json. Unexpected errors are logged with a request id and answered 500
 * without their message.
 */
export function withApiKey<P>(handler: (ctx: ApiContext<P>) => Promise<Response>) {
  return async (request: Request, segment: { params: Promise<P> }): Promise<Response> => {
    const requestId = randomUUID();
    try {
      const header = request.headers.get("authorization") ?? "";
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const key = match?.[1];
      if (!key || !API_KEY_PATTERN.test(key)) throw new AppError("unauthorized", "A valid API key is required.");
      const apiKey = await db().apiKey.findUnique({
        where: { keyHash: hashApiKey(key) },
        select: { id: true, dealerId: true, revokedAt: true, lastUsedAt: true },
      });
      if (!apiKey || apiKey.revokedAt) throw new AppError("unauthorized", "A valid API key is required.");
      await consume("api", apiKey.id);
      // Writing lastUsedAt on every call would serialise requests on one row; once a minute is plenty.
      if (!apiKey.lastUsedAt || Date.now() - apiKey.lastUsedAt.getTime() > 60_000) {
        await db().apiKey.update({ where: { id: apiKey.id }, data: { lastUsedAt: new Date() } });
      }
      const response = await handler({ request, dealerId: apiKey.dealerId, apiKeyId: apiKey.id, params: await segment.params, requestId });
      if (!response.headers.has("cache-control")) response.headers.set("Cache-Control", "no-store");
      return response;
    } catch (error) {
      if (!isAppError(error)) console.error(`[api] request ${requestId} failed`, error);
      // Answers depend on the key and change with every write: no cache may keep one, errors included.
      return problemResponse(error, requestId, { "Cache-Control": "no-store" });
    }
  };
}
