import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import compression from "compression";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { newCspNonce } from "@/lib/http/csp-nonce";
import { customerPageRequest, serveCustomerPage } from "@/lib/page-cache/cached-pages";
import { forgetDealerPages, setPageStoreBudget } from "@/lib/page-cache/page-store";
import { generateToken, hashToken } from "@/lib/tokens";
import { withMigratedDatabase } from "@/test/database";
import { makeAppointment, makeDealer } from "@/test/fixtures";

// The page cache between a real HTTP server with compression in front (as scripts/server.ts has it)
// and a renderer standing in for Next: it renders the appointment's planned work from the database with
// a nonce of its own, as Next does with proxy.ts's. The e2e run proves the same with Next itself
// (e2e/customer-page-cache.spec.ts).
withMigratedDatabase();

type Rendered = { status?: number; setCookie?: boolean };
let renders = 0;
let nextRender: Rendered = {};
let server: Server;
let base = "";

async function render(req: IncomingMessage, res: ServerResponse): Promise<void> {
  renders += 1;
  const { status = 200, setCookie = false } = nextRender;
  const token = /^\/c\/([^/?]+)/.exec(req.url ?? "")?.[1] ?? "";
  const link = await db().accessToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { appointmentId: true } });
  const lines = link
    ? await db().plannedWorkLine.findMany({ where: { appointmentId: link.appointmentId }, orderBy: { position: "asc" } })
    : [];
  const nonce = newCspNonce();
  res.statusCode = status;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Content-Security-Policy", `script-src 'self' 'nonce-${nonce}'; style-src 'self' 'nonce-${nonce}'`);
  res.setHeader("Link", `</font.woff2>; rel=preload; nonce="${nonce}"`);
  res.setHeader("X-Robots-Tag", "noindex, nofollow");
  if (setCookie) res.setHeader("Set-Cookie", "gl_lang=fr; Path=/");
  // Streamed in pieces, a string and a buffer, as Next writes it; long enough to be worth compressing.
  res.write(`<!doctype html><html><head><style nonce="${nonce}">body{}</style></head><body>`);
  res.write(Buffer.from(`<ul>${lines.map((line) => `<li>${line.title}</li>`).join("")}</ul>${"<p>filler</p>".repeat(200)}`));
  res.end(`<script nonce="${nonce}">self.__next_f=[]</script></body></html>`);
}

beforeAll(async () => {
  const compress = compression();
  server = createServer((req, res) => {
    compress(req as never, res as never, () => {
      const page = customerPageRequest(req);
      if (page) void serveCustomerPage(req, res, page, () => render(req, res));
      else void render(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  setPageStoreBudget(16 * 2 ** 20);
  nextRender = {};
});
afterEach(() => {
  setNow(null);
  setPageStoreBudget(0);
});

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** A raw request (fetch would add and decode compression on its own). */
function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers["content-encoding"];
        const body = encoding === "gzip" ? gunzipSync(raw) : encoding === "br" ? brotliDecompressSync(raw) : raw;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: body.toString("utf8") });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

const nonceOf = (answer: Answer) => /'nonce-([^']+)'/.exec(String(answer.headers["content-security-policy"]))?.[1];

async function link(slug: string) {
  const dealer = await makeDealer(slug);
  const appointment = await makeAppointment(dealer, { externalId: `${slug}-1` });
  const token = generateToken();
  await db().accessToken.create({
    data: {
      dealerId: dealer.id,
      appointmentId: appointment.id,
      purpose: "CHECKIN",
      recipientRole: "DRIVER",
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + 10 * 86_400_000),
    },
  });
  await db().checkIn.create({
    data: { dealerId: dealer.id, appointmentId: appointment.id, closesAt: new Date(Date.now() + 3 * 86_400_000) },
  });
  return { path: `/c/${token}`, dealerId: dealer.id, appointmentId: appointment.id };
}

describe("a customer page served from memory", () => {
  it("is rendered once, then served with a new nonce in every place the render had one", async () => {
    const { path } = await link("cache-a");
    const first = await get(path);
    const second = await get(path);
    const third = await get(path);
    expect(renders).toBeGreaterThan(0);
    expect([first.headers["x-page-cache"], second.headers["x-page-cache"], third.headers["x-page-cache"]]).toEqual(["miss", "hit", "hit"]);

    const nonces = [first, second, third].map(nonceOf);
    expect(new Set(nonces).size).toBe(3);
    for (const [answer, nonce] of [second, third].map((a, i) => [a, nonces[i + 1]!] as const)) {
      expect(answer.body).toBe(first.body.replaceAll(nonces[0]!, nonce));
      expect(answer.body).not.toContain(nonces[0]!);
      expect(answer.headers["link"]).toBe(`</font.woff2>; rel=preload; nonce="${nonce}"`);
      expect(answer.headers["content-security-policy"]).toBe(`script-src 'self' 'nonce-${nonce}'; style-src 'self' 'nonce-${nonce}'`);
      expect(answer.headers["x-robots-tag"]).toBe("noindex, nofollow");
      expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
    }
    expect(first.body).toContain("<li>Annual service</li>");
  });

  it("is compressed for a client that asks: gzip from its stored pieces, anything else by the compression layer", async () => {
    const { path } = await link("cache-b");
    const browser = { "accept-encoding": "gzip, deflate, br, zstd" };
    const rendered = await get(path, browser);
    expect(rendered.headers["content-encoding"]).toBe("br");
    for (const [headers, encoding] of [
      [browser, "gzip"],
      [{ "accept-encoding": "gzip" }, "gzip"],
      [{ "accept-encoding": "br" }, "br"],
      [{ "accept-encoding": "gzip;q=0, identity" }, undefined],
    ] as const) {
      const stored = await get(path, headers);
      expect(stored.headers["x-page-cache"]).toBe("hit");
      expect(stored.headers["content-encoding"], JSON.stringify(headers)).toBe(encoding);
      expect(String(stored.headers["vary"]).toLowerCase()).toContain("accept-encoding");
      expect(stored.body).toBe(rendered.body.replaceAll(nonceOf(rendered)!, nonceOf(stored)!));
    }
  });

  it("is rendered again as soon as a row it shows changes, however it was written", async () => {
    const { path, appointmentId } = await link("cache-c");
    await get(path);
    expect((await get(path)).headers["x-page-cache"]).toBe("hit");
    await db()
      .$executeRaw`UPDATE "PlannedWorkLine" SET "title" = 'Brake fluid' WHERE "appointmentId" = ${appointmentId} AND "position" = 0`;
    const changed = await get(path);
    expect(changed.headers["x-page-cache"]).toBe("miss");
    expect(changed.body).toContain("<li>Brake fluid</li>");
    expect((await get(path)).headers["x-page-cache"]).toBe("hit");
  });

  it("is rendered again once past its validity: the check-in's closing, or its maximum age", async () => {
    const { path, appointmentId } = await link("cache-d");
    const closesAt = new Date(Date.now() + 60 * 60_000);
    await db().checkIn.update({ where: { appointmentId }, data: { closesAt } });
    await get(path);
    expect((await get(path)).headers["x-page-cache"]).toBe("hit");
    setNow(new Date(closesAt.getTime() + 1));
    expect((await get(path)).headers["x-page-cache"]).toBe("miss");
    setNow(null);
    await db().checkIn.update({ where: { appointmentId }, data: { closesAt: new Date(Date.now() + 3 * 86_400_000) } });
    await get(path);
    setNow(new Date(Date.now() + 31_000));
    expect((await get(path)).headers["x-page-cache"]).toBe("miss");
  });

  it("is forgotten when its dealer's settings change", async () => {
    const { path, dealerId } = await link("cache-e");
    await get(path);
    forgetDealerPages(dealerId);
    expect((await get(path)).headers["x-page-cache"]).toBe("miss");
  });

  it("keeps no error page and no response that sets a cookie", async () => {
    const { path } = await link("cache-f");
    nextRender = { status: 404 };
    await get(path);
    nextRender = { setCookie: true };
    expect((await get(path)).headers["x-page-cache"]).toBe("miss");
    nextRender = {};
    expect((await get(path)).headers["x-page-cache"]).toBe("miss");
    expect((await get(path)).headers["x-page-cache"]).toBe("hit");
  });

  it("keeps one page per language a request can resolve to", async () => {
    const { path } = await link("cache-g");
    await get(path, { cookie: "gl_lang=fr" });
    expect((await get(path, { cookie: "other=1; gl_lang=fr" })).headers["x-page-cache"]).toBe("hit");
    expect((await get(path, { cookie: "gl_lang=nl" })).headers["x-page-cache"]).toBe("miss");
    // An unspoken language is the same as none, for the cookie and for the browser's first language.
    await get(path);
    expect((await get(path, { cookie: "gl_lang=xx", "accept-language": "ja-JP,fr;q=0.8" })).headers["x-page-cache"]).toBe("hit");
    expect((await get(path, { "accept-language": "de-DE,de;q=0.9" })).headers["x-page-cache"]).toBe("miss");
  });

  it("leaves to the renderer what is not a plain customer document", async () => {
    const { path } = await link("cache-h");
    await get(path);
    for (const [variant, headers, method] of [
      [`${path}?remark=too_large`, {}, "GET"],
      [path, { rsc: "1" }, "GET"],
      [path, { "next-router-prefetch": "1" }, "GET"],
      [path, { purpose: "prefetch" }, "GET"],
      [path, {}, "HEAD"],
      [`${path}/done`, {}, "GET"],
      ["/c/not-a-token", {}, "GET"],
    ] as const) {
      const before = renders;
      const answer = await get(variant, headers, method);
      expect(answer.headers["x-page-cache"], `${method} ${variant} ${JSON.stringify(headers)}`).toBeUndefined();
      expect(renders).toBe(before + 1);
    }
    // An unknown token's page is never kept either.
    const unknown = `/c/${generateToken()}`;
    await get(unknown);
    expect((await get(unknown)).headers["x-page-cache"]).toBeUndefined();
  });
});
