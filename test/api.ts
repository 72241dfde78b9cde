// Helpers for the DMS API tests: route handlers are called directly with a real `Request` — the code
// path of a deployed request minus the HTTP socket.
import { expect } from "vitest";
import { createApiKey } from "@/lib/api/api-keys";
import { db } from "@/lib/db";
import { makeDealer } from "@/test/fixtures";
import * as appointmentRoute from "@/app/api/v1/appointments/[externalId]/route";
import * as cancelRoute from "@/app/api/v1/appointments/[externalId]/cancel/route";
import * as checkinSendRoute from "@/app/api/v1/appointments/[externalId]/checkin/send/route";
import * as reportRoute from "@/app/api/v1/appointments/[externalId]/report/route";
import * as reportSendRoute from "@/app/api/v1/appointments/[externalId]/report/send/route";

export const routes = {
  appointment: appointmentRoute,
  cancel: cancelRoute,
  checkinSend: checkinSendRoute,
  report: reportRoute,
  reportSend: reportSendRoute,
} as const;

export type RouteName = keyof typeof routes;
export type Method = "GET" | "HEAD" | "PUT" | "POST" | "PATCH" | "DELETE" | "OPTIONS";

const suffix: Record<RouteName, string> = {
  appointment: "",
  cancel: "/cancel",
  checkinSend: "/checkin/send",
  report: "/report",
  reportSend: "/report/send",
};

type Handler = (request: Request, segment: { params: Promise<{ externalId: string }> }) => Promise<Response>;

/** A dealer with one site (Europe/Brussels unless told) and an API key. */
export async function makeApiDealer(slug: string, timeZone?: string) {
  const dealer = await makeDealer(slug, timeZone);
  const { id, key } = await createApiKey(db(), { dealerId: dealer.id, name: "DMS", actor: { type: "SYSTEM" } });
  return { ...dealer, apiKeyId: id, key };
}

export type CallOptions = {
  key?: string | null;
  /** Serialised as JSON unless a string, bytes or a stream are given (sent as they are). */
  body?: unknown;
  headers?: Record<string, string>;
  contentType?: string | null;
};

export type ApiAnswer = { status: number; headers: Headers; text: string; json: unknown };

export async function call(route: RouteName, method: Method, externalId: string, options: CallOptions = {}): Promise<ApiAnswer> {
  const headers = new Headers(options.headers);
  if (options.key !== null && options.key !== undefined) headers.set("authorization", `Bearer ${options.key}`);
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    const raw = typeof options.body === "string" || options.body instanceof Uint8Array || options.body instanceof ReadableStream;
    body = raw ? (options.body as BodyInit) : JSON.stringify(options.body);
    if (options.contentType !== null) headers.set("content-type", options.contentType ?? "application/json");
  }
  // `duplex` is required by Node for a streamed body and is not in the DOM typings.
  const init: RequestInit & { duplex?: "half" } = { method, headers, body, duplex: "half" };
  const request = new Request(`http://localhost/api/v1/appointments/${encodeURIComponent(externalId)}${suffix[route]}`, init);
  const handler = (routes[route] as Record<string, unknown>)[method] as Handler | undefined;
  if (!handler) throw new Error(`${route} exports no ${method}`);
  const response = await handler(request, { params: Promise.resolve({ externalId }) });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** The api-v1.md example body, with overrides merged on top. */
export function appointmentBody(overrides: Record<string, unknown> = {}) {
  return {
    site: "main",
    status: "scheduled",
    serviceType: "maintenance",
    startsAt: "2026-12-01T08:30:00+01:00",
    dropOffAt: "2026-12-01T08:00:00+01:00",
    pickUpAt: "2026-12-01T17:00:00+01:00",
    currency: "EUR",
    workOrderRef: "WO-8812",
    vehicle: { vin: "YV1UZA8VCL1234567", registration: "1-ABC-123", make: "Volvo", model: "XC60", modelYear: 2021, mileageKm: 45210 },
    contacts: [{ role: "driver", firstName: "Inès", lastName: "Dupont", email: "ines@example.com", phone: "+32470123456", language: "fr" }],
    plannedWork: [
      { code: "SRV-A", title: "Annual service", remarks: "Oil + filters", quantity: "1", unitPrice: "100.00", vatRate: "21" },
      { code: "WIP", title: "Wiper blades", quantity: "1", unitPrice: "35.50", vatRate: "21" },
      { code: "CHK", title: "Safety check", quantity: "1", unitPrice: "19.99", vatRate: "21" },
    ],
    ...overrides,
  };
}

/** The api-v1.md report example. */
export function reportBody() {
  return {
    items: [
      {
        key: "brakes-front",
        category: "necessary",
        title: "Front brake pads worn (2 mm)",
        description: "Close to the metal.",
        visible: true,
        lines: [
          { title: "Brake pads", quantity: "1", unitPrice: "89.90", vatRate: "21" },
          { title: "Labour", quantity: "0.8", unitPrice: "95.00", vatRate: "21" },
        ],
      },
      {
        key: "wipers",
        category: "recommended",
        title: "Wiper blades streaking",
        visible: true,
        lines: [{ title: "Wiper blades", quantity: "1", unitPrice: "35.50", vatRate: "21" }],
      },
      { key: "tyres", category: "ok", title: "Tyres 6 mm", visible: true, lines: [] },
      {
        key: "warranty",
        category: "recommended",
        title: "Internal: warranty claim",
        visible: false,
        lines: [{ title: "Claim", quantity: "1", unitPrice: "10.00", vatRate: "21" }],
      },
    ],
  };
}

/** Every error answer: a 4xx problem+json with an RFC 9457 body, never a store-able response. */
export function expectProblem(answer: ApiAnswer, status?: number): void {
  if (status !== undefined) expect(answer.status, answer.text).toBe(status);
  expect(answer.status, answer.text).toBeGreaterThanOrEqual(400);
  expect(answer.status, answer.text).toBeLessThan(500);
  expect(answer.headers.get("content-type")).toBe("application/problem+json");
  expect(answer.headers.get("cache-control")).toBe("no-store");
  const problem = answer.json as Record<string, unknown>;
  expect(problem).toMatchObject({ type: expect.any(String), title: expect.any(String), status: answer.status });
  if (problem.errors !== undefined) {
    expect(Array.isArray(problem.errors)).toBe(true);
    for (const error of problem.errors as unknown[]) expect(error).toMatchObject({ path: expect.any(String), message: expect.any(String) });
  }
}
