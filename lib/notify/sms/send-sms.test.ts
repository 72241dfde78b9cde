import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeAppointmentWithContacts, makeThemedDealer } from "@/test/fixtures";
import { env } from "@/lib/env";
import { seal } from "@/lib/notify/seal";
import { smsProvider, resetSmsProvider } from "@/lib/notify/sms/provider";
import { sendSms } from "@/lib/notify/sms/send-sms";
import { twilioSmsProvider } from "@/lib/notify/sms/twilio-provider";
import { DeliveryError, type OutboxMessage } from "@/lib/notify/types";
import { generateToken } from "@/lib/tokens";

withMigratedDatabase();

const SID = "AC0123456789abcdef0123456789abcdef";
const TOKEN = "auth-token-for-tests";
/** Twilio's own magic test number for "invalid To" (error 21211). */
const INVALID_NUMBER = "+15005550001";

type Seen = { method?: string; path?: string; authorization?: string; contentType?: string; form: URLSearchParams };
type Mode = "twilio" | "unavailable" | "rate-limited" | "hang" | "accepted-without-sid";

/** A local stand-in for Twilio's Messages API: checks auth and fields and answers as Twilio does. */
async function startTwilio() {
  const seen: Seen[] = [];
  const state: { mode: Mode } = { mode: "twilio" };
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(Buffer.from(chunk));
    const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
    seen.push({
      method: request.method,
      path: request.url,
      authorization: request.headers.authorization,
      contentType: request.headers["content-type"],
      form,
    });
    const answer = (status: number, body: object) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (state.mode === "hang") return;
    if (state.mode === "unavailable") return answer(503, { code: 20500, message: "Service unavailable" });
    if (state.mode === "rate-limited") return answer(429, { code: 20429, message: "Too Many Requests" });
    if (request.headers.authorization !== `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString("base64")}`) {
      return answer(401, { code: 20003, message: "Authenticate", status: 401 });
    }
    if (request.method !== "POST" || request.url !== `/2010-04-01/Accounts/${SID}/Messages.json`) {
      return answer(404, { code: 20404, message: "The requested resource was not found", status: 404 });
    }
    const to = form.get("To") ?? "";
    if (!form.get("Body")) return answer(400, { code: 21602, message: "Message body is required.", status: 400 });
    if (!form.get("From") && !form.get("MessagingServiceSid")) {
      return answer(400, { code: 21603, message: "A 'From' phone number is required.", status: 400 });
    }
    if (!/^\+[1-9]\d{6,14}$/.test(to) || to === INVALID_NUMBER) {
      return answer(400, { code: 21211, message: `The 'To' number ${to} is not a valid phone number.`, status: 400 });
    }
    if (state.mode === "accepted-without-sid") return answer(201, { status: "queued" });
    answer(201, { sid: `SM${randomUUID().replace(/-/g, "")}`, status: "queued", to, body: form.get("Body") });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { seen, state, url: `http://127.0.0.1:${portOf(server)}`, close: () => closeServer(server) };
}

function portOf(server: Server): number {
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("server is not listening on TCP");
  return address.port;
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

let twilio: Awaited<ReturnType<typeof startTwilio>>;
beforeAll(async () => {
  twilio = await startTwilio();
  return () => twilio.close();
});
afterEach(() => {
  twilio.seen.length = 0;
  twilio.state.mode = "twilio";
});

async function deliveryErrorOf(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DeliveryError)) throw new Error(`expected a DeliveryError, got ${String(error)}`);
  return error;
}

describe("the Twilio-compatible provider", () => {
  const config = { provider: "twilio" as const, accountSid: SID, authToken: TOKEN, from: "+32460200300" };

  it("posts To/From/Body with Basic auth and returns the message sid", async () => {
    const provider = twilioSmsProvider({ ...config, apiUrl: `${twilio.url}/` });
    const result = await provider.send({ to: "+32470123456", body: "Demo: ça coûte 10 € 🚗", id: "row-1" });
    expect(result.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    const [request] = twilio.seen;
    expect(request).toMatchObject({ method: "POST", path: `/2010-04-01/Accounts/${SID}/Messages.json` });
    expect(request?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(request?.form ?? [])).toEqual({ To: "+32470123456", From: "+32460200300", Body: "Demo: ça coûte 10 € 🚗" });
  });

  it("sends through a Messaging Service when SMS_FROM is one", async () => {
    const service = "MG0123456789abcdef0123456789abcdef";
    await twilioSmsProvider({ ...config, apiUrl: twilio.url, from: service }).send({ to: "+32470123456", body: "Hi", id: "row-2" });
    expect(twilio.seen[0]?.form.get("MessagingServiceSid")).toBe(service);
    expect(twilio.seen[0]?.form.has("From")).toBe(false);
  });

  it("gives up on an invalid number (21211) without repeating the number", async () => {
    const error = await deliveryErrorOf(
      twilioSmsProvider({ ...config, apiUrl: twilio.url }).send({ to: INVALID_NUMBER, body: "Hi", id: "row-3" }),
    );
    expect(error.permanent).toBe(true);
    expect(error.message).toContain("HTTP 400: 21211");
    expect(error.message).not.toContain("5550001");
  });

  it("retries when the provider is down, busy, slow, unreachable, or refuses our credentials", async () => {
    const provider = twilioSmsProvider({ ...config, apiUrl: twilio.url }, { timeoutMs: 300 });
    const send = () => deliveryErrorOf(provider.send({ to: "+32470123456", body: "Hi", id: "row-4" }));
    twilio.state.mode = "unavailable";
    expect(await send()).toMatchObject({ permanent: false, message: expect.stringContaining("HTTP 503") });
    twilio.state.mode = "rate-limited";
    expect(await send()).toMatchObject({ permanent: false, message: expect.stringContaining("HTTP 429") });
    twilio.state.mode = "hang";
    expect(await send()).toMatchObject({ permanent: false, message: expect.stringContaining("TimeoutError") });
    twilio.state.mode = "twilio";
    const wrongToken = twilioSmsProvider({ ...config, apiUrl: twilio.url, authToken: "wrong" });
    expect(await deliveryErrorOf(wrongToken.send({ to: "+32470123456", body: "Hi", id: "row-5" }))).toMatchObject({
      permanent: false,
      message: expect.stringContaining("HTTP 401"),
    });
    const down = await startTwilio();
    await down.close();
    const unreachable = twilioSmsProvider({ ...config, apiUrl: down.url });
    expect((await deliveryErrorOf(unreachable.send({ to: "+32470123456", body: "Hi", id: "row-6" }))).permanent).toBe(false);
  });

  it("counts an accepted message without a sid as sent", async () => {
    twilio.state.mode = "accepted-without-sid";
    const result = await twilioSmsProvider({ ...config, apiUrl: twilio.url }).send({ to: "+32470123456", body: "Hi", id: "row-7" });
    expect(result).toEqual({ providerMessageId: null });
  });
});

describe("sendSms", () => {
  const smsVariables = ["SMS_PROVIDER", "SMS_API_URL", "SMS_ACCOUNT_SID", "SMS_AUTH_TOKEN", "SMS_FROM"] as const;
  const original = Object.fromEntries(smsVariables.map((name) => [name, process.env[name]]));
  function useSmsEnv(values: Partial<Record<(typeof smsVariables)[number], string>>): void {
    for (const name of smsVariables) {
      const value = values[name];
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetSmsProvider();
  }
  afterEach(() => {
    useSmsEnv(Object.fromEntries(Object.entries(original).filter((entry): entry is [string, string] => entry[1] !== undefined)));
  });
  const twilioEnv = () => ({
    SMS_PROVIDER: "twilio",
    SMS_API_URL: twilio.url,
    SMS_ACCOUNT_SID: SID,
    SMS_AUTH_TOKEN: TOKEN,
    SMS_FROM: "DemoMotors",
  });

  let dealer: { id: string; siteId: string };
  let appointmentId: string;
  beforeAll(async () => {
    dealer = await makeThemedDealer("sms-nl", { name: "Demo Motors" });
    const appointment = await makeAppointmentWithContacts(dealer, {
      externalId: "sms-nl-1",
      startsAt: new Date("2026-12-01T07:30:00Z"),
      contacts: [{ firstName: "Daan", phone: "+32470123456", locale: "nl" }],
    });
    appointmentId = appointment.id;
  });

  function invitation(recipient: string): { message: OutboxMessage; link: string } {
    const link = new URL(`/c/${generateToken()}`, env().APP_URL).toString();
    return {
      link,
      message: {
        id: randomUUID(),
        dealerId: dealer.id,
        appointmentId,
        kind: "CHECKIN_INVITATION",
        channel: "SMS",
        recipient,
        locale: null,
        payload: { sealedLink: seal(link) },
        webhookEndpointId: null,
        attempts: 1,
      },
    };
  }

  it("sends the recipient's language to the E.164 number and returns what was sent", async () => {
    useSmsEnv(twilioEnv());
    const { message, link } = invitation("+32 470 12 34 56");
    const delivered = await sendSms(message);
    const expected = `Demo Motors: Check online in voor uw afspraak op di 1 dec, 08:30: ${link}`;
    expect(delivered).toEqual({ providerMessageId: expect.stringMatching(/^SM/), bodyText: expected });
    expect(twilio.seen).toHaveLength(1);
    expect(Object.fromEntries(twilio.seen[0]?.form ?? [])).toEqual({ To: "+32470123456", From: "DemoMotors", Body: expected });
  });

  it("refuses an invalid number for good without calling the provider", async () => {
    useSmsEnv(twilioEnv());
    const error = await deliveryErrorOf(sendSms(invitation("12345").message));
    expect(error.permanent).toBe(true);
    expect(twilio.seen).toHaveLength(0);
  });

  it("gives up on what the provider says is not a number", async () => {
    useSmsEnv(twilioEnv());
    expect((await deliveryErrorOf(sendSms(invitation("+1 500 555 0001").message))).permanent).toBe(true);
  });

  it("in the demo (no SMS_PROVIDER) sends nothing and says so", async () => {
    useSmsEnv({});
    const { message, link } = invitation("+32470123456");
    const delivered = await sendSms(message);
    expect(delivered.providerMessageId).toBe(`logged:${message.id}`);
    expect(delivered.bodyText).toContain(link);
    expect(twilio.seen).toHaveLength(0);
  });

  it("keeps messages waiting (retryable) while the SMS configuration is incomplete", async () => {
    useSmsEnv({ SMS_PROVIDER: "twilio", SMS_AUTH_TOKEN: "secret-value" });
    const error = await sendSms(invitation("+32470123456").message).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(DeliveryError);
    expect(String(error)).toMatch(/SMS_ACCOUNT_SID/);
    expect(String(error)).not.toContain("secret-value");
    expect(() => smsProvider()).toThrow(/Invalid SMS configuration/);
  });
});
