import { gunzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deflatePieces, gzipWithNonce } from "@/lib/page-cache/gzip-pieces";

const join = (segments: Buffer[], nonce: Buffer) => Buffer.concat(segments.flatMap((s, i) => (i ? [nonce, s] : [s])));

describe("a stored page's gzip with each response's nonce spliced in", () => {
  it("decompresses, by zlib's own gunzip (CRC and length checked), to the page with that nonce", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 3_000 }), fc.constant(""), fc.constant('<script nonce="')), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.base64String({ minLength: 4, maxLength: 64 }),
        (texts, nonceText) => {
          const segments = texts.map((text) => Buffer.from(text));
          const nonce = Buffer.from(nonceText);
          const body = join(segments, nonce);
          expect(gunzipSync(gzipWithNonce(deflatePieces(segments), nonce, body)).equals(body)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("holds for pieces beyond deflate's 64 KB stored-block and window sizes, and compresses them", () => {
    const html = Buffer.from(`<div class="card">${"Front brake pads worn, 2 mm left. ".repeat(4_000)}</div>`);
    const segments = [html.subarray(0, 90_000), html.subarray(90_000, 100_000), html.subarray(100_000)];
    const nonce = Buffer.from("ZjM0OTgzNzctNGE4Yi00NGZiLTliMmQtYTQxZDY2ZTYzMjM5");
    const body = join(segments, nonce);
    const gzip = gzipWithNonce(deflatePieces(segments), nonce, body);
    expect(gunzipSync(gzip).equals(body)).toBe(true);
    expect(gzip.length).toBeLessThan(body.length / 20);
  });
});
