// Hostile and malformed requests, table-driven: every one must answer a 4xx problem+json with a valid
// RFC 9457 body — never a 5xx, never a success. A second table holds odd-but-valid input that must be
// stored verbatim rather than refused or mangled.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { appointmentBody, call, expectProblem, makeApiDealer, type Method, type RouteName } from "@/test/api";
import { setNow } from "@/lib/clock";
import { db } from "@/lib/db";

withMigratedDatabase();

let key = "";
let revokedKey = "";
beforeAll(async () => {
  setNow(new Date("2026-11-20T10:00:00Z"));
  const dealer = await makeApiDealer("corpus-a");
  key = dealer.key;
  const other = await makeApiDealer("corpus-b");
  await db().apiKey.update({ where: { id: other.apiKeyId }, data: { revokedAt: new Date() } });
  revokedKey = other.key;
  expect((await call("appointment", "PUT", "CORPUS-1", { key, body: appointmentBody() })).status).toBe(201);
});
afterAll(() => setNow(null));

type Case = {
  name: string;
  route?: RouteName;
  method?: Method;
  externalId?: string;
  body?: unknown;
  contentType?: string | null;
  headers?: Record<string, string>;
  /** A literal key, or null for none; the dealer's valid key by default. */
  auth?: string | null;
};

const body = (overrides: Record<string, unknown>) => appointmentBody(overrides);
const contact = (overrides: Record<string, unknown>) => ({
  contacts: [{ role: "driver", lastName: "Dupont", email: "i@example.com", ...overrides }],
});
const line = (overrides: Record<string, unknown>) => ({
  plannedWork: [{ title: "Service", quantity: "1", unitPrice: "100.00", vatRate: "21", ...overrides }],
});
const vehicle = (overrides: Record<string, unknown>) => ({ vehicle: { make: "Volvo", ...overrides } });
const deep = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
const item = (overrides: Record<string, unknown>) => ({ items: [{ key: "k", category: "necessary", title: "Pads", ...overrides }] });

const cases: Case[] = [
  // ── authentication ────────────────────────────────────────────────────────────────────────────
  { name: "no Authorization", auth: null, body: body({}) },
  { name: "Basic auth", headers: { authorization: "Basic dXNlcjpwYXNz" }, auth: null, body: body({}) },
  { name: "Bearer without key", headers: { authorization: "Bearer" }, auth: null },
  { name: "Bearer with spaces only", headers: { authorization: "Bearer    " }, auth: null },
  { name: "short key", auth: "glk_short" },
  { name: "well-formed unknown key", auth: `glk_${"x".repeat(32)}` },
  {
    name: "revoked key",
    get auth() {
      return revokedKey;
    },
  },
  { name: "key with SQL", auth: "glk_' OR '1'='1' --aaaaaaaaaaaaaaaaa" },
  { name: "10 kB Authorization header", auth: `glk_${"A".repeat(10_000)}` },
  { name: "two keys", headers: { authorization: `Bearer glk_${"A".repeat(32)} glk_${"B".repeat(32)}` }, auth: null },
  { name: "key in unicode", auth: "glk_ÅÄÖåäöÅÄÖåäöÅÄÖåäöÅÄÖåäöÅÄÖåäöÅÄ" },

  // ── methods ───────────────────────────────────────────────────────────────────────────────────
  { name: "PATCH appointment", method: "PATCH", body: body({}) },
  { name: "DELETE appointment", method: "DELETE" },
  { name: "POST appointment", method: "POST", body: body({}) },
  { name: "GET cancel", route: "cancel", method: "GET" },
  { name: "PUT cancel", route: "cancel", method: "PUT", body: {} },
  { name: "DELETE cancel", route: "cancel", method: "DELETE" },
  { name: "GET checkin/send", route: "checkinSend", method: "GET" },
  { name: "PATCH checkin/send", route: "checkinSend", method: "PATCH", body: { channel: "email" } },
  { name: "POST report", route: "report", method: "POST", body: { items: [] } },
  { name: "DELETE report", route: "report", method: "DELETE" },
  { name: "GET report/send", route: "reportSend", method: "GET" },
  { name: "PUT report/send", route: "reportSend", method: "PUT", body: { channel: "email" } },

  // ── content types ─────────────────────────────────────────────────────────────────────────────
  { name: "text/plain", body: JSON.stringify(body({})), contentType: "text/plain" },
  { name: "no content type", body: JSON.stringify(body({})), contentType: null },
  { name: "form-urlencoded", body: "site=main&status=scheduled", contentType: "application/x-www-form-urlencoded" },
  { name: "multipart", body: "--x\r\n\r\n--x--", contentType: "multipart/form-data; boundary=x" },
  { name: "charset latin1", body: JSON.stringify(body({})), contentType: "application/json; charset=iso-8859-1" },
  { name: "json-patch", body: "[]", contentType: "application/json-patch+json" },
  { name: "xml", body: "<appointment/>", contentType: "application/xml" },
  { name: "checkin/send as text", route: "checkinSend", method: "POST", body: '{"channel":"email"}', contentType: "text/plain" },
  { name: "report as form", route: "report", method: "PUT", body: "items=1", contentType: "application/x-www-form-urlencoded" },
  { name: "report/send as xml", route: "reportSend", method: "POST", body: "<x/>", contentType: "text/xml" },

  // ── malformed JSON and bytes ──────────────────────────────────────────────────────────────────
  { name: "empty body", body: "" },
  { name: "truncated object", body: '{"site":"main"' },
  { name: "single quotes", body: "{'site':'main'}" },
  { name: "NaN literal", body: '{"vehicle":{"mileageKm":NaN}}' },
  { name: "Infinity literal", body: '{"vehicle":{"mileageKm":Infinity}}' },
  { name: "trailing comma", body: '{"contacts":[1,],}' },
  { name: "two documents", body: '{"a":1}{"b":2}' },
  { name: "bare NUL", body: "\u0000" },
  { name: "invalid UTF-8", body: new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]) },
  { name: "UTF-16 bytes", body: new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]) },
  { name: "100k-deep unclosed nesting", body: "[".repeat(100_000) },
  { name: "comment", body: '{"site":"main" /* x */}' },

  // ── size ──────────────────────────────────────────────────────────────────────────────────────
  { name: "2 MB body", body: JSON.stringify(body({ workOrderRef: "x".repeat(2 * 1024 * 1024) })) },
  { name: "2 MB of whitespace", body: " ".repeat(2 * 1024 * 1024) + "{}" },
  { name: "declared 50 MB", body: "{}", headers: { "content-length": String(50 * 1024 * 1024) } },
  { name: "2 MB report", route: "report", method: "PUT", body: JSON.stringify(item({ description: "x".repeat(2 * 1024 * 1024) })) },

  // ── wrong shape and wrong types, every field ──────────────────────────────────────────────────
  { name: "body null", body: "null" },
  { name: "body array", body: [] },
  { name: "body string", body: '"appointment"' },
  { name: "body number", body: "42" },
  { name: "deep but valid JSON", body: deep(5_000) },
  { name: "site number", body: body({ site: 5 }) },
  { name: "site unknown", body: body({ site: "ghent" }) },
  { name: "site SQL", body: body({ site: 'main\'; DROP TABLE "Appointment"; --' }) },
  { name: "status number", body: body({ status: 1 }) },
  { name: "status upper-case", body: body({ status: "SCHEDULED" }) },
  { name: "status unknown", body: body({ status: "done" }) },
  { name: "serviceType array", body: body({ serviceType: ["repair"] }) },
  { name: "startsAt missing", body: body({ startsAt: undefined }) },
  { name: "startsAt epoch number", body: body({ startsAt: 1_796_000_000 }) },
  { name: "startsAt without offset", body: body({ startsAt: "2026-12-01T08:30:00" }) },
  { name: "startsAt date only", body: body({ startsAt: "2026-12-01" }) },
  { name: "startsAt words", body: body({ startsAt: "tomorrow at nine" }) },
  { name: "startsAt 30 February", body: body({ startsAt: "2026-02-30T08:30:00+01:00" }) },
  { name: "startsAt before 1970", body: body({ startsAt: "1969-12-31T23:59:59Z" }) },
  { name: "startsAt year 9999", body: body({ startsAt: "9999-12-31T23:59:59+01:00" }) },
  { name: "startsAt offset +25:00", body: body({ startsAt: "2026-12-01T08:30:00+25:00" }) },
  { name: "startsAt huge string", body: body({ startsAt: "2026-12-01T08:30:00+01:00".repeat(1000) }) },
  { name: "dropOffAt object", body: body({ dropOffAt: {} }) },
  { name: "pickUpAt boolean", body: body({ pickUpAt: false }) },
  { name: "currency lower-case", body: body({ currency: "eur" }) },
  { name: "currency four letters", body: body({ currency: "EURO" }) },
  { name: "currency unknown code", body: body({ currency: "ZZZ" }) },
  { name: "currency numeric", body: body({ currency: 978 }) },
  { name: "workOrderRef too long", body: body({ workOrderRef: "W".repeat(65) }) },
  { name: "workOrderRef object", body: body({ workOrderRef: { $ne: null } }) },
  { name: "vehicle string", body: body({ vehicle: "Volvo XC60" }) },
  { name: "vehicle array", body: body({ vehicle: [] }) },
  { name: "vin number", body: body(vehicle({ vin: 12345678901234567 })) },
  { name: "modelYear string", body: body(vehicle({ modelYear: "2021" })) },
  { name: "modelYear fraction", body: body(vehicle({ modelYear: 2021.5 })) },
  { name: "modelYear 1e309", body: JSON.stringify(body(vehicle({}))).replace('"make":"Volvo"', '"make":"Volvo","modelYear":1e309') },
  { name: "mileage negative", body: body(vehicle({ mileageKm: -5 })) },
  { name: "mileage 1e20", body: body(vehicle({ mileageKm: 1e20 })) },
  { name: "mileage -0.5", body: body(vehicle({ mileageKm: -0.5 })) },
  { name: "make NUL byte", body: body(vehicle({ make: "Vol\u0000vo" })) },
  { name: "contacts missing", body: body({ contacts: undefined }) },
  { name: "contacts empty", body: body({ contacts: [] }) },
  { name: "contacts object", body: body({ contacts: { role: "driver" } }) },
  {
    name: "four contacts",
    body: body({ contacts: ["driver", "owner", "contractor", "driver"].map((role) => ({ role, lastName: "X", email: "x@example.com" })) }),
  },
  { name: "contact null", body: body({ contacts: [null] }) },
  { name: "contact role unknown", body: body(contact({ role: "boss" })) },
  { name: "duplicate roles", body: body({ contacts: [contact({}).contacts[0], contact({}).contacts[0]] }) },
  { name: "no email nor phone", body: body(contact({ email: undefined })) },
  { name: "email malformed", body: body(contact({ email: "not-an-email" })) },
  { name: "email 300 chars", body: body(contact({ email: `${"a".repeat(290)}@example.com` })) },
  { name: "phone national", body: body(contact({ phone: "0470 12 34 56" })) },
  { name: "phone +0", body: body(contact({ phone: "+0123456789" })) },
  { name: "phone number type", body: body(contact({ phone: 32470123456 })) },
  { name: "no name", body: body(contact({ lastName: undefined })) },
  { name: "firstName 101 chars", body: body(contact({ firstName: "F".repeat(101) })) },
  { name: "lastName NUL", body: body(contact({ lastName: "Du\u0000pont" })) },
  { name: "lastName lone surrogate", body: JSON.stringify(body(contact({}))).replace('"lastName":"Dupont"', '"lastName":"Du\\ud800pont"') },
  { name: "lastName newline", body: body(contact({ lastName: "Du\npont" })) },
  { name: "lastName escape sequence", body: body(contact({ lastName: "\u001b[31mred" })) },
  { name: "language 36 chars", body: body(contact({ language: "x".repeat(36) })) },
  { name: "language number", body: body(contact({ language: 5 })) },
  { name: "plannedWork object", body: body({ plannedWork: {} }) },
  { name: "101 lines", body: body({ plannedWork: Array.from({ length: 101 }, () => line({}).plannedWork[0]) }) },
  { name: "line title empty", body: body(line({ title: "   " })) },
  { name: "line title missing", body: body(line({ title: undefined })) },
  { name: "quantity number", body: body(line({ quantity: 1 })) },
  { name: "quantity negative", body: body(line({ quantity: "-1" })) },
  { name: "quantity exponent", body: body(line({ quantity: "1e3" })) },
  { name: "quantity 4 decimals", body: body(line({ quantity: "1.2345" })) },
  { name: "quantity NaN", body: body(line({ quantity: "NaN" })) },
  { name: "quantity Infinity", body: body(line({ quantity: "Infinity" })) },
  { name: "quantity huge", body: body(line({ quantity: "99999999999999999999" })) },
  { name: "unitPrice number", body: body(line({ unitPrice: 100 })) },
  { name: "unitPrice 3 decimals in EUR", body: body(line({ unitPrice: "100.001" })) },
  { name: "unitPrice negative", body: body(line({ unitPrice: "-5.00" })) },
  { name: "unitPrice comma", body: body(line({ unitPrice: "1,00" })) },
  { name: "unitPrice too large", body: body(line({ unitPrice: "99999999999.99" })) },
  { name: "unitPrice with currency sign", body: body(line({ unitPrice: "€100" })) },
  { name: "vatRate over 100", body: body(line({ vatRate: "101" })) },
  { name: "vatRate with percent", body: body(line({ vatRate: "21%" })) },
  { name: "vatRate number", body: body(line({ vatRate: 21 })) },
  { name: "vatRate 3 decimals", body: body(line({ vatRate: "5.555" })) },
  { name: "__proto__ body without fields", body: '{"__proto__":{"status":"scheduled","isAdmin":true}}' },
  { name: "constructor.prototype body", body: '{"constructor":{"prototype":{"isAdmin":true}}}' },
  { name: "__proto__ as contacts", body: JSON.stringify(body({})).replace('"contacts":', '"contacts":{"__proto__":[]},"x":') },

  // ── bad externalIds (PUT with a valid body: 422; GET: 404) ─────────────────────────────────────
  { name: "externalId ..%2F", externalId: "..%2F", body: body({}) },
  { name: "externalId 65 chars", externalId: "A".repeat(65), body: body({}) },
  { name: "externalId emoji", externalId: "A-😀", body: body({}) },
  { name: "externalId empty", externalId: "", body: body({}) },
  { name: "externalId with slash", externalId: "a/b", body: body({}) },
  { name: "externalId with space", externalId: "A 1", body: body({}) },
  { name: "externalId SQL", externalId: "1;DROP TABLE x", body: body({}) },
  { name: "externalId RTL override", externalId: "A\u202E1", body: body({}) },
  { name: "externalId NUL", externalId: "A\u00001", body: body({}) },
  { name: "GET externalId traversal", method: "GET", externalId: "../../etc/passwd" },
  { name: "GET externalId 65 chars", method: "GET", externalId: "B".repeat(65) },
  { name: "cancel externalId emoji", route: "cancel", method: "POST", externalId: "😀" },
  { name: "report externalId %00", route: "report", method: "GET", externalId: "%00" },

  // ── check-in send ─────────────────────────────────────────────────────────────────────────────
  { name: "checkin/send empty object", route: "checkinSend", method: "POST", externalId: "CORPUS-1", body: {} },
  { name: "checkin/send channel fax", route: "checkinSend", method: "POST", externalId: "CORPUS-1", body: { channel: "fax" } },
  { name: "checkin/send channel upper", route: "checkinSend", method: "POST", externalId: "CORPUS-1", body: { channel: "EMAIL" } },
  { name: "checkin/send note number", route: "checkinSend", method: "POST", externalId: "CORPUS-1", body: { channel: "email", note: 5 } },
  {
    name: "checkin/send note 1001",
    route: "checkinSend",
    method: "POST",
    externalId: "CORPUS-1",
    body: { channel: "email", note: "n".repeat(1001) },
  },
  {
    name: "checkin/send note NUL",
    route: "checkinSend",
    method: "POST",
    externalId: "CORPUS-1",
    body: { channel: "email", note: "a\u0000b" },
  },
  { name: "checkin/send array", route: "checkinSend", method: "POST", externalId: "CORPUS-1", body: [] },

  // ── report ────────────────────────────────────────────────────────────────────────────────────
  { name: "report empty object", route: "report", method: "PUT", externalId: "CORPUS-1", body: {} },
  { name: "report items object", route: "report", method: "PUT", externalId: "CORPUS-1", body: { items: {} } },
  {
    name: "report 201 items",
    route: "report",
    method: "PUT",
    externalId: "CORPUS-1",
    body: { items: Array.from({ length: 201 }, (_, i) => ({ ...item({}).items[0], key: `k${i}` })) },
  },
  { name: "report key with space", route: "report", method: "PUT", externalId: "CORPUS-1", body: item({ key: "brakes front" }) },
  { name: "report key 65 chars", route: "report", method: "PUT", externalId: "CORPUS-1", body: item({ key: "k".repeat(65) }) },
  {
    name: "report duplicate keys",
    route: "report",
    method: "PUT",
    externalId: "CORPUS-1",
    body: { items: [item({}).items[0], item({}).items[0]] },
  },
  { name: "report category unknown", route: "report", method: "PUT", externalId: "CORPUS-1", body: item({ category: "urgent" }) },
  { name: "report visible string", route: "report", method: "PUT", externalId: "CORPUS-1", body: item({ visible: "yes" }) },
  { name: "report lines string", route: "report", method: "PUT", externalId: "CORPUS-1", body: item({ lines: "none" }) },
  {
    name: "report price 3 decimals",
    route: "report",
    method: "PUT",
    externalId: "CORPUS-1",
    body: item({ lines: [{ title: "x", unitPrice: "1.234", vatRate: "21" }] }),
  },
  { name: "report title NUL", route: "report", method: "PUT", externalId: "CORPUS-1", body: item({ title: "\u0000" }) },
  { name: "report/send channel pigeon", route: "reportSend", method: "POST", externalId: "CORPUS-1", body: { channel: "pigeon" } },
  {
    name: "report/send contact boss",
    route: "reportSend",
    method: "POST",
    externalId: "CORPUS-1",
    body: { channel: "email", contact: "boss" },
  },
  { name: "report/send nothing to send", route: "reportSend", method: "POST", externalId: "CORPUS-1", body: { channel: "email" } },
];

describe("bad-input corpus", () => {
  it("has at least 100 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s → 4xx problem+json", async (_name, c) => {
    const answer = await call(c.route ?? "appointment", c.method ?? (c.route ? "POST" : "PUT"), c.externalId ?? "CORPUS-2", {
      key: c.auth === undefined ? key : c.auth,
      body: c.body,
      contentType: c.contentType,
      headers: c.headers,
    });
    expectProblem(answer);
    if (process.env.CORPUS_VERBOSE) console.log(`${answer.status} ${c.name}: ${JSON.stringify(answer.json).slice(0, 160)}`);
  });

  it("left no trace: no appointment was created, and Object.prototype is untouched", async () => {
    expect(await db().appointment.count()).toBe(1);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).status).toBeUndefined();
  });
});

describe("odd but valid input is stored verbatim", () => {
  // Overrides are spliced into the JSON text, so that keys like __proto__ really are sent.
  const valid: { name: string; overrides: Record<string, unknown> | string; expected: Record<string, unknown> }[] = [
    {
      name: "RTL name",
      overrides: contact({ firstName: "\u202Eevil", lastName: "محمد" }),
      expected: { contacts: [{ firstName: "\u202Eevil", lastName: "محمد" }] },
    },
    { name: "emoji and ZWJ", overrides: contact({ lastName: "👩‍🔧 Dupont" }), expected: { contacts: [{ lastName: "👩‍🔧 Dupont" }] } },
    {
      name: "SQL-ish work order",
      overrides: { workOrderRef: '\'; DROP TABLE "Appointment";--' },
      expected: { workOrderRef: '\'; DROP TABLE "Appointment";--' },
    },
    {
      name: "HTML in remarks",
      overrides: line({ remarks: "<script>alert(1)</script>\nline two" }),
      expected: { plannedWork: [{ remarks: "<script>alert(1)</script>\nline two" }] },
    },
    {
      name: "__proto__ and constructor keys ignored",
      overrides: '{"__proto__":{"isAdmin":true,"status":"cancelled"},"constructor":{"prototype":{"isAdmin":true}}}',
      expected: { status: "scheduled" },
    },
    {
      name: "zero quantity and price",
      overrides: line({ quantity: "0", unitPrice: "0", vatRate: "0" }),
      expected: { plannedWorkTotals: { net: "0.00", gross: "0.00" } },
    },
    { name: "lower-case t and z", overrides: { startsAt: "2026-12-01t07:30:00z" }, expected: { startsAt: "2026-12-01T07:30:00Z" } },
  ];

  it.each(valid.map((v) => [v.name, v] as const))("%s", async (_name, v) => {
    const externalId = `VALID-${valid.indexOf(v)}`;
    const overrides = typeof v.overrides === "string" ? v.overrides : JSON.stringify(v.overrides);
    const raw = JSON.stringify(appointmentBody()).slice(0, -1) + "," + overrides.slice(1);
    expect(raw).toContain(overrides.slice(1, -1));
    const answer = await call("appointment", "PUT", externalId, { key, body: raw });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.json).toMatchObject(v.expected);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});
