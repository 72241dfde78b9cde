import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { appointmentBody, call, expectProblem, makeApiDealer, reportBody, type Method, type RouteName } from "@/test/api";
import * as catchAll from "@/app/api/v1/[...path]/route";
import { revokeApiKey } from "@/lib/api/api-keys";
import { MAX_BODY_BYTES } from "@/lib/api/json-body";
import { setNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { consume, reset } from "@/lib/rate-limit";

withMigratedDatabase();

let a: Awaited<ReturnType<typeof makeApiDealer>>;
let b: Awaited<ReturnType<typeof makeApiDealer>>;
beforeAll(async () => {
  setNow(new Date("2026-11-20T10:00:00Z"));
  a = await makeApiDealer("errors-a");
  b = await makeApiDealer("errors-b");
  const created = await call("appointment", "PUT", "A-1", { key: a.key, body: appointmentBody() });
  expect(created.status).toBe(201);
  await call("report", "PUT", "A-1", { key: a.key, body: reportBody() });
  await call("reportSend", "POST", "A-1", { key: a.key, body: { channel: "email" } });
});
afterEach(() => setNow(new Date("2026-11-20T10:00:00Z")));

/** Every endpoint with a body that would succeed for its owner. */
const endpoints: { route: RouteName; method: Method; body?: unknown }[] = [
  { route: "appointment", method: "GET" },
  { route: "cancel", method: "POST" },
  { route: "checkinSend", method: "POST", body: { channel: "email" } },
  { route: "report", method: "GET" },
  { route: "report", method: "PUT", body: reportBody() },
  { route: "reportSend", method: "POST", body: { channel: "email" } },
];

describe("401", () => {
  it("every endpoint answers 401 with WWW-Authenticate: Bearer without a valid key", async () => {
    const revoked = await makeApiDealer("errors-revoked");
    await revokeApiKey(db(), { dealerId: revoked.id, id: revoked.apiKeyId, actor: { type: "SYSTEM" } });
    for (const endpoint of [...endpoints, { route: "appointment" as const, method: "PUT" as const, body: appointmentBody() }]) {
      for (const key of [null, "glk_short", `glk_${"A".repeat(32)}`, revoked.key]) {
        const answer = await call(endpoint.route, endpoint.method, "A-1", { key, body: endpoint.body });
        expectProblem(answer, 401);
        expect(answer.headers.get("www-authenticate")).toBe("Bearer");
      }
    }
  });
});

describe("404 and tenancy", () => {
  it("another dealer's key gets 404 on every endpoint for dealer A's externalId, and changes nothing", async () => {
    for (const endpoint of endpoints) {
      expectProblem(await call(endpoint.route, endpoint.method, "A-1", { key: b.key, body: endpoint.body }), 404);
    }
    const own = await call("appointment", "GET", "A-1", { key: a.key });
    expect(own.json).toMatchObject({ status: "scheduled", version: 1, report: { state: "sent" } });
  });

  it("a PUT with another dealer's key creates that dealer's own appointment, leaving A's untouched", async () => {
    const before = await call("appointment", "GET", "A-1", { key: a.key });
    const theirs = await call("appointment", "PUT", "A-1", { key: b.key, body: appointmentBody({ workOrderRef: "B-WO" }) });
    expect(theirs.status).toBe(201);
    expect((theirs.json as { id: string }).id).not.toBe((before.json as { id: string }).id);
    expect((await call("appointment", "GET", "A-1", { key: a.key })).json).toEqual(before.json);
  });

  it("unknown externalIds and unknown API paths answer 404 problem+json", async () => {
    for (const endpoint of endpoints) {
      expectProblem(await call(endpoint.route, endpoint.method, "UNKNOWN-1", { key: a.key, body: endpoint.body }), 404);
    }
    const response = await catchAll.GET();
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });
});

describe("405", () => {
  const allowed: Record<RouteName, { allow: string; others: Method[] }> = {
    appointment: { allow: "GET, PUT, HEAD, OPTIONS", others: ["POST", "PATCH", "DELETE"] },
    cancel: { allow: "POST, OPTIONS", others: ["GET", "HEAD", "PUT", "PATCH", "DELETE"] },
    checkinSend: { allow: "POST, OPTIONS", others: ["GET", "HEAD", "PUT", "PATCH", "DELETE"] },
    report: { allow: "GET, PUT, HEAD, OPTIONS", others: ["POST", "PATCH", "DELETE"] },
    reportSend: { allow: "POST, OPTIONS", others: ["GET", "HEAD", "PUT", "PATCH", "DELETE"] },
  };
  it("every other method answers 405 problem+json with Allow; OPTIONS answers 204 with Allow", async () => {
    for (const [route, { allow, others }] of Object.entries(allowed) as [RouteName, (typeof allowed)[RouteName]][]) {
      for (const method of others) {
        const answer = await call(route, method, "A-1", { key: a.key });
        expectProblem(answer, 405);
        expect(answer.headers.get("allow")).toBe(allow);
      }
      const options = await call(route, "OPTIONS", "A-1");
      expect(options.status).toBe(204);
      expect(options.headers.get("allow")).toBe(allow);
    }
  });
});

describe("400, 413, 415", () => {
  it("400 for a body that is not JSON or not UTF-8, and for a malformed If-Match", async () => {
    expectProblem(await call("appointment", "PUT", "A-2", { key: a.key, body: '{"site": "main",' }), 400);
    expectProblem(await call("appointment", "PUT", "A-2", { key: a.key, body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }), 400);
    expectProblem(
      await call("appointment", "PUT", "A-2", { key: a.key, body: appointmentBody(), headers: { "if-match": "version 1" } }),
      400,
    );
  });

  it("415 for another media type, none, or a charset other than UTF-8; application/json; charset=utf-8 is fine", async () => {
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1", "text/json"]) {
      expectProblem(await call("checkinSend", "POST", "A-1", { key: a.key, body: JSON.stringify({ channel: "email" }), contentType }), 415);
    }
    expectProblem(
      await call("checkinSend", "POST", "A-1", { key: a.key, body: JSON.stringify({ channel: "email" }), contentType: null }),
      415,
    );
    const ok = await call("appointment", "PUT", "A-CHARSET", {
      key: a.key,
      body: appointmentBody(),
      contentType: "Application/JSON; Charset=UTF-8",
    });
    expect(ok.status).toBe(201);
  });

  it("413 over 1 MB, whether Content-Length says so or the bytes only show it while streaming; 1 MB exactly is fine", async () => {
    const declared = await call("appointment", "PUT", "A-3", {
      key: a.key,
      body: "{}",
      headers: { "content-length": String(MAX_BODY_BYTES + 1) },
    });
    expectProblem(declared, 413);
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 2 MB of whitespace, chunked, without a Content-Length.
        if (sent >= 2 * MAX_BODY_BYTES) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    expectProblem(await call("appointment", "PUT", "A-3", { key: a.key, body: stream }), 413);
    expect(sent).toBeLessThan(2 * MAX_BODY_BYTES);

    const json = JSON.stringify(appointmentBody());
    const exact = json + " ".repeat(MAX_BODY_BYTES - Buffer.byteLength(json));
    expect((await call("appointment", "PUT", "A-EXACT", { key: a.key, body: exact })).status).toBe(201);
    expectProblem(await call("appointment", "PUT", "A-EXACT", { key: a.key, body: `${exact} ` }), 413);
  });
});

describe("409, 422", () => {
  it("409 for a stale If-Match and a state conflict; 422 lists field errors", async () => {
    expectProblem(await call("appointment", "PUT", "A-1", { key: a.key, body: appointmentBody(), headers: { "if-match": '"7"' } }), 409);
    const invalid = await call("appointment", "PUT", "A-4", { key: a.key, body: { contacts: [] } });
    expectProblem(invalid, 422);
    expect((invalid.json as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(["startsAt", "contacts"]),
    );
  });
});

describe("429", () => {
  it("answers 429 with Retry-After once the key's budget is spent, and again after a reset", async () => {
    const limited = await makeApiDealer("errors-limited");
    for (let spent = 0; spent < 1000; spent++) {
      try {
        await consume("api", limited.apiKeyId);
      } catch {
        break;
      }
    }
    const answer = await call("appointment", "GET", "A-1", { key: limited.key });
    expectProblem(answer, 429);
    expect(Number(answer.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    await reset("api", limited.apiKeyId);
    expectProblem(await call("appointment", "GET", "A-1", { key: limited.key }), 404);
  });
});
