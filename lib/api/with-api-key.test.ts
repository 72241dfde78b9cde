import { describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeDealer } from "@/test/fixtures";
import { createApiKey, revokeApiKey } from "@/lib/api/api-keys";
import { withApiKey } from "@/lib/api/with-api-key";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

withMigratedDatabase();

const echo = withApiKey<{ id: string }>(async ({ dealerId, params }) => Response.json({ dealerId, id: params.id }));
const call = (authorization?: string) =>
  echo(new Request("http://localhost/api/v1/x", { headers: authorization ? { authorization } : {} }), {
    params: Promise.resolve({ id: "A-1" }),
  });

describe("withApiKey", () => {
  it("passes the key's own dealer to the handler and records last use; only the hash is stored", async () => {
    const dealer = await makeDealer("api-a");
    const { id, key } = await createApiKey(db(), { dealerId: dealer.id, name: "DMS", actor: { type: "SYSTEM" } });
    expect(key).toMatch(/^glk_[A-Za-z0-9_-]{32}$/);
    const response = await call(`Bearer ${key}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ dealerId: dealer.id, id: "A-1" });
    const row = await db().apiKey.findUniqueOrThrow({ where: { id } });
    expect(row.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(row)).not.toContain(key);
  });

  it("answers 401 problem+json with WWW-Authenticate for a missing, malformed, unknown or revoked key", async () => {
    const dealer = await makeDealer("api-b");
    const { id, key } = await createApiKey(db(), { dealerId: dealer.id, name: "DMS", actor: { type: "SYSTEM" } });
    await revokeApiKey(db(), { dealerId: dealer.id, id, actor: { type: "SYSTEM" } });
    for (const header of [undefined, "Basic abc", "Bearer", "Bearer glk_short", `Bearer glk_${"A".repeat(32)}`, `Bearer ${key}`]) {
      const response = await call(header);
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(response.headers.get("www-authenticate")).toBe("Bearer");
      expect(await response.json()).toMatchObject({ status: 401, title: "Unauthorized" });
    }
  });

  it("turns AppErrors into their status and hides unexpected errors behind a request id", async () => {
    const dealer = await makeDealer("api-c");
    const { key } = await createApiKey(db(), { dealerId: dealer.id, name: "DMS", actor: { type: "SYSTEM" } });
    const request = () => new Request("http://localhost/x", { headers: { authorization: `Bearer ${key}` } });
    const conflict = await withApiKey(async () => {
      throw new AppError("conflict", "Version 3 is stale");
    })(request(), { params: Promise.resolve({}) });
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toMatchObject({ status: 409, detail: "Version 3 is stale" });

    const original = console.error;
    console.error = () => undefined;
    const crash = await withApiKey(async () => {
      throw new Error("secret internals");
    })(request(), { params: Promise.resolve({}) });
    console.error = original;
    expect(crash.status).toBe(500);
    const body = await crash.text();
    expect(body).not.toContain("secret internals");
    expect(JSON.parse(body).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
