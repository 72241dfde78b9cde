import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature } from "@/lib/webhooks/sign";

const secret = "whsec_dGVzdC1zZWNyZXQtZm9yLXRoZS12ZWN0b3ItMDAwMDA";
const body =
  '{"id":"0b5c3f3e-8f1e-4c55-9a57-2f5d1f0c9e11","type":"checkin.submitted","createdAt":"2026-01-01T00:00:00.000Z","data":{"externalId":"A-1001","name":"Inès"}}';
const t = 1767225600;
const at = (seconds: number) => new Date(seconds * 1000);
const v1Of = (header: string) => header.slice(header.indexOf(",") + 1);

describe("webhook signatures", () => {
  it("matches an independently computed test vector (UTF-8 body, the whole secret as key)", () => {
    // Computed outside this code base, in a UTF-8 shell:
    //   printf '%s' '1767225600.{"id":"0b5c3f3e-8f1e-4c55-9a57-2f5d1f0c9e11","type":"checkin.submitted","createdAt":"2026-01-01T00:00:00.000Z","data":{"externalId":"A-1001","name":"Inès"}}' \
    //     | openssl dgst -sha256 -hmac 'whsec_dGVzdC1zZWNyZXQtZm9yLXRoZS12ZWN0b3ItMDAwMDA'
    expect(signWebhook(secret, body, t)).toBe("t=1767225600,v1=b9a54977f39927d85bd6920db32b4f967ec0b7c515b76669630fc5f86e09cabb");
    expect(signWebhook(secret, Buffer.from(body, "utf8"), t)).toBe(signWebhook(secret, body, t));
  });

  it("verifies its own signature within the tolerance, either side of now", () => {
    const header = signWebhook(secret, body, t);
    expect(verifyWebhookSignature(header, secret, body, { now: at(t) })).toBe(true);
    expect(verifyWebhookSignature(header, secret, Buffer.from(body), { now: at(t + 300) })).toBe(true);
    expect(verifyWebhookSignature(header, secret, body, { now: at(t - 300) })).toBe(true);
    expect(verifyWebhookSignature(header, secret, body, { now: at(t + 301) })).toBe(false);
    expect(verifyWebhookSignature(header, secret, body, { now: at(t - 301) })).toBe(false);
    expect(verifyWebhookSignature(header, secret, body, { now: at(t + 3600), toleranceSeconds: 3600 })).toBe(true);
  });

  it("rejects another body, another secret, a moved timestamp and malformed headers", () => {
    const header = signWebhook(secret, body, t);
    const now = at(t);
    expect(verifyWebhookSignature(header, secret, body.replace("Inès", "Ines"), { now })).toBe(false);
    expect(verifyWebhookSignature(header, `${secret}x`, body, { now })).toBe(false);
    expect(verifyWebhookSignature(header.replace(`t=${t}`, `t=${t + 1}`), secret, body, { now })).toBe(false);
    for (const bad of [null, undefined, "", "garbage", `t=${t}`, v1Of(header), `t=${t},v1=abc`, `t=x,${v1Of(header)}`]) {
      expect(verifyWebhookSignature(bad, secret, body, { now })).toBe(false);
    }
    expect(verifyWebhookSignature(`t=${t},t=${t},${v1Of(header)}`, secret, body, { now })).toBe(false);
  });

  it("accepts any of several v1 signatures (secret rotation) and ignores unknown schemes", () => {
    const good = v1Of(signWebhook(secret, body, t));
    const other = v1Of(signWebhook("whsec_old", body, t));
    expect(verifyWebhookSignature(`t=${t},${other},${good},v2=zzz`, secret, body, { now: at(t) })).toBe(true);
    expect(verifyWebhookSignature(`t=${t}, ${good.toUpperCase()}`, secret, body, { now: at(t) })).toBe(false);
    expect(verifyWebhookSignature(`t=${t}, v1=${good.slice(3).toUpperCase()}`, secret, body, { now: at(t) })).toBe(true);
  });
});
