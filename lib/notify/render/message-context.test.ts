import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { makeAppointmentWithContacts, makeThemedDealer } from "@/test/fixtures";
import { db } from "@/lib/db";
import { loadMessageContext } from "@/lib/notify/render/message-context";
import { seal } from "@/lib/notify/seal";
import { DeliveryError, type OutboxMessage } from "@/lib/notify/types";

withMigratedDatabase();

const LINK = "http://localhost:3000/r/AbCdEfGhIjKlMnOpQrStUv";
const logoAssetId = randomUUID();
let dealer: { id: string; siteId: string };
let other: { id: string; siteId: string };
let appointmentId: string;

beforeAll(async () => {
  dealer = await makeThemedDealer("ctx-main", { defaultLocale: "de", primaryColor: "#0a7d3b", logoAssetId, timeZone: "Europe/Stockholm" });
  other = await makeThemedDealer("ctx-other");
  const appointment = await makeAppointmentWithContacts(dealer, {
    externalId: "ctx-1",
    startsAt: new Date("2026-12-01T07:30:00Z"),
    contacts: [
      { role: "OWNER", firstName: "Olle", email: "family@example.com", phone: "+46701234567", locale: "sv" },
      { role: "DRIVER", firstName: " Dina ", email: "Family@Example.com", phone: null, locale: "nl" },
    ],
  });
  appointmentId = appointment.id;
});

function message(overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    id: randomUUID(),
    dealerId: dealer.id,
    appointmentId,
    kind: "REPORT",
    channel: "EMAIL",
    recipient: "family@example.com",
    locale: null,
    payload: { sealedLink: seal(LINK), note: "  Brake pads at 3 mm.  " },
    webhookEndpointId: null,
    attempts: 1,
    ...overrides,
  };
}

async function permanentError(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DeliveryError) || !error.permanent) throw new Error(`expected a permanent DeliveryError, got ${String(error)}`);
  return error.message;
}

describe("loadMessageContext", () => {
  it("loads the dealer's brand, the site's zone, the recipient and the link in clear", async () => {
    const context = await loadMessageContext(message());
    expect(context).toEqual({
      kind: "REPORT",
      // Driver and owner share the address: the driver greets, in the driver's language.
      locale: "nl",
      firstName: "Dina",
      link: LINK,
      note: "Brake pads at 3 mm.",
      startsAt: new Date("2026-12-01T07:30:00Z"),
      brand: {
        dealerName: "Dealer ctx-main",
        primaryColor: "#0a7d3b",
        logoUrl: `http://localhost:3000/brand/${logoAssetId}`,
        site: expect.objectContaining({ name: "ctx-main main site", timeZone: "Europe/Stockholm", phone: "+32 2 000 00 00" }),
      },
      template: null,
    });
  });

  it("brings the dealer's own wording in the recipient's language only, and never another dealer's", async () => {
    const row = (dealerId: string, locale: string, subject: string) => ({
      dealerId,
      kind: "REPORT" as const,
      locale,
      subject,
      emailText: "",
      smsText: "Klaar: {{link}}",
    });
    await db().messageTemplate.createMany({
      data: [row(dealer.id, "de", "Dealer's German"), row(other.id, "nl", "Other dealer's Dutch")],
    });
    // Dina reads Dutch: the dealer's German wording is not hers, the other dealer's Dutch is not this dealer's.
    expect((await loadMessageContext(message())).template).toBeNull();
    await db().messageTemplate.create({ data: row(dealer.id, "nl", "Uw rapport") });
    expect((await loadMessageContext(message())).template).toEqual({
      subject: "Uw rapport",
      emailText: null,
      smsText: "Klaar: {{link}}",
    });
    // The test message is never worded by a dealer.
    expect((await loadMessageContext(message({ kind: "TEST", locale: "nl" }))).template).toBeNull();
    await db().messageTemplate.deleteMany({ where: { kind: "REPORT" } });
  });

  it("finds an SMS recipient by number however it is written, and prefers the row's language", async () => {
    const context = await loadMessageContext(message({ channel: "SMS", recipient: "+46 70 123 45 67", locale: "fr" }));
    expect(context).toMatchObject({ firstName: "Olle", locale: "fr" });
  });

  it("falls back to the dealer's language for an unknown recipient and an unsupported one", async () => {
    const context = await loadMessageContext(message({ recipient: "stranger@example.com", locale: "pt-BR" }));
    expect(context).toMatchObject({ firstName: null, locale: "de" });
  });

  it("sends a test message without an appointment for the dealer's first site", async () => {
    const context = await loadMessageContext(message({ kind: "TEST", appointmentId: null, payload: {} }));
    expect(context).toMatchObject({ kind: "TEST", link: null, note: null, startsAt: null, locale: "de" });
    expect(context.brand.site.name).toBe("ctx-main main site");
  });

  it("never reads another dealer's appointment", async () => {
    expect(await permanentError(loadMessageContext(message({ dealerId: other.id })))).toMatch(/appointment/);
  });

  it("gives up on what retrying cannot mend", async () => {
    await permanentError(loadMessageContext(message({ payload: {} })));
    await permanentError(loadMessageContext(message({ kind: "CHECKIN_INVITATION", payload: null })));
    await permanentError(loadMessageContext(message({ payload: { sealedLink: "not.a.sealed-value" } })));
    await permanentError(loadMessageContext(message({ payload: { sealedLink: seal("javascript:alert(1)") } })));
    await permanentError(loadMessageContext(message({ payload: { sealedLink: 42 } })));
    await permanentError(loadMessageContext(message({ kind: "WEBHOOK" })));
    await permanentError(loadMessageContext(message({ appointmentId: randomUUID() })));
  });

  it("lets confirmations and reminders go without a link", async () => {
    const context = await loadMessageContext(message({ kind: "APPOINTMENT_REMINDER", payload: {} }));
    expect(context.link).toBeNull();
  });
});
