import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { withMigratedDatabase } from "@/test/database";
import { appointmentBody, call, expectProblem, makeApiDealer } from "@/test/api";
import { setNow } from "@/lib/clock";
import { db } from "@/lib/db";

withMigratedDatabase();

// 11 days before the example appointment (Tue 1 Dec 2026, 08:30 Brussels): outside the check-in window.
const BEFORE_WINDOW = new Date("2026-11-20T10:00:00Z");

let dealer: Awaited<ReturnType<typeof makeApiDealer>>;
beforeAll(async () => {
  dealer = await makeApiDealer("upsert-a");
});
afterEach(() => setNow(null));

const put = (externalId: string, body: unknown, headers?: Record<string, string>) =>
  call("appointment", "PUT", externalId, { key: dealer.key, body, headers });
const get = (externalId: string) => call("appointment", "GET", externalId, { key: dealer.key });

describe("PUT /api/v1/appointments/{externalId}", () => {
  it("creates (201) with ETag, Location and the GET representation, in UTC without fractions", async () => {
    setNow(BEFORE_WINDOW);
    const created = await put("A-1001", appointmentBody());
    expect(created.status).toBe(201);
    expect(created.headers.get("content-type")).toBe("application/json");
    expect(created.headers.get("cache-control")).toBe("no-store");
    expect(created.headers.get("etag")).toBe('"1"');
    expect(created.headers.get("location")).toBe("/api/v1/appointments/A-1001");
    expect(created.json).toMatchObject({
      externalId: "A-1001",
      site: "main",
      status: "scheduled",
      version: 1,
      serviceType: "maintenance",
      startsAt: "2026-12-01T07:30:00Z",
      dropOffAt: "2026-12-01T07:00:00Z",
      pickUpAt: "2026-12-01T16:00:00Z",
      currency: "EUR",
      workOrderRef: "WO-8812",
      vehicle: { vin: "YV1UZA8VCL1234567", modelYear: 2021, mileageKm: 45210 },
      contacts: [{ role: "driver", firstName: "Inès", email: "ines@example.com", phone: "+32470123456", language: "fr" }],
      report: null,
    });
    const fetched = await get("A-1001");
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get("etag")).toBe('"1"');
    expect(fetched.json).toEqual(created.json);
  });

  it("shows the planned work and the api-v1 money example: 100.00 + 35.50 + 19.99 @21", async () => {
    setNow(BEFORE_WINDOW);
    const answer = await put("MONEY-1", appointmentBody());
    expect(answer.json).toMatchObject({
      plannedWork: [
        {
          code: "SRV-A",
          title: "Annual service",
          remarks: "Oil + filters",
          quantity: "1",
          unitPrice: "100.00",
          vatRate: "21",
          source: "dms",
        },
        { unitPrice: "35.50" },
        { unitPrice: "19.99" },
      ],
      plannedWorkTotals: { net: "155.49", vat: "32.66", gross: "188.15", vatByRate: [{ rate: "21", vat: "32.66" }] },
    });
  });

  it("is idempotent: the same body again answers 200 with the same version, one appointment, no new snapshot", async () => {
    setNow(BEFORE_WINDOW);
    const first = await put("REPLAY-1", appointmentBody());
    const second = await put("REPLAY-1", appointmentBody());
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(second.json).toEqual(first.json);
    const rows = await db().appointment.findMany({
      where: { dealerId: dealer.id, externalId: "REPLAY-1" },
      select: { id: true, version: true },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.version).toBe(1);
    expect(await db().appointmentSnapshot.count({ where: { appointmentId: rows[0]?.id } })).toBe(1);
    // The replay left the queued invitation alone (no cancel-and-requeue).
    const invitations = await db().notification.findMany({ where: { appointmentId: rows[0]?.id, kind: "CHECKIN_INVITATION" } });
    expect(invitations.map((n) => n.status)).toEqual(["QUEUED"]);
  });

  it("treats contacts in another order, a sub-second fraction and an equal instant in another offset as the same body", async () => {
    setNow(BEFORE_WINDOW);
    const contacts = [
      { role: "owner", lastName: "Fleet NV", email: "fleet@example.com" },
      { role: "driver", firstName: "Inès", lastName: "Dupont", phone: "+32470123456" },
    ];
    await put("REPLAY-2", appointmentBody({ contacts }));
    const vehicle = Object.fromEntries(Object.entries(appointmentBody().vehicle).reverse());
    const again = await put(
      "REPLAY-2",
      appointmentBody({ contacts: [...contacts].reverse(), vehicle, startsAt: "2026-12-01T07:30:00.400Z" }),
    );
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ version: 1 });
  });

  it("replaces: a changed body bumps the version, writes a snapshot, replaces contacts and the DMS's lines", async () => {
    setNow(BEFORE_WINDOW);
    const created = await put("REPLACE-1", appointmentBody());
    const id = (created.json as { id: string }).id;
    // A line Greenlight added (e.g. converted from a check-in answer) is not the DMS's to replace.
    await db().plannedWorkLine.create({
      data: {
        appointmentId: id,
        position: 10,
        title: "Extra from check-in",
        quantityMilli: 1000,
        unitPriceMinor: 500,
        vatRateBp: 600,
        source: "CHECKIN",
      },
    });
    const replaced = await put(
      "REPLACE-1",
      appointmentBody({
        contacts: [{ role: "owner", firstName: "Jan", lastName: "Peeters", phone: "+32470999000", language: "nl-BE" }],
        plannedWork: [{ title: "Brake fluid", quantity: "1.5", unitPrice: "20.00", vatRate: "21" }],
      }),
    );
    expect(replaced.status).toBe(200);
    expect(replaced.headers.get("etag")).toBe('"2"');
    expect(replaced.json).toMatchObject({
      version: 2,
      contacts: [{ role: "owner", firstName: "Jan", email: null, phone: "+32470999000", language: "nl" }],
      plannedWork: [
        { title: "Brake fluid", quantity: "1.5", unitPrice: "20.00", source: "dms" },
        { title: "Extra from check-in", unitPrice: "5.00", vatRate: "6", source: "checkin" },
      ],
    });
    const snapshots = await db().appointmentSnapshot.findMany({ where: { appointmentId: id }, orderBy: { version: "asc" } });
    expect(snapshots.map((s) => [s.version, s.actorType, s.actorId])).toEqual([
      [1, "API", dealer.apiKeyId],
      [2, "API", dealer.apiKeyId],
    ]);
    // History: version 1 still shows the appointment as it was.
    expect(snapshots[0]?.data).toMatchObject({ version: 1, contacts: [{ role: "DRIVER", firstName: "Inès" }] });
    expect(snapshots[1]?.data).toMatchObject({ version: 2, contacts: [{ role: "OWNER", firstName: "Jan" }] });
    // The first snapshot is built from the request, the second read back: both in the same shape.
    expect(Object.keys(snapshots[0]?.data as object)).toEqual(Object.keys(snapshots[1]?.data as object));
    const audit = await db().auditEvent.findMany({
      where: { appointmentId: id, type: "appointment.upserted" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.data)).toEqual([
      { version: 1, created: true },
      { version: 2, created: false },
    ]);
  });

  it("If-Match: the current version proceeds, a stale one answers 409, and so does any on a new externalId", async () => {
    setNow(BEFORE_WINDOW);
    await put("IFMATCH-1", appointmentBody());
    const current = await put("IFMATCH-1", appointmentBody({ workOrderRef: "WO-2" }), { "if-match": '"1"' });
    expect(current.status).toBe(200);
    expect(current.headers.get("etag")).toBe('"2"');
    const stale = await put("IFMATCH-1", appointmentBody({ workOrderRef: "WO-3" }), { "if-match": '"1"' });
    expectProblem(stale, 409);
    // Even an unchanged body: the precondition is checked first.
    expectProblem(await put("IFMATCH-1", appointmentBody({ workOrderRef: "WO-2" }), { "if-match": '"1"' }), 409);
    expectProblem(await put("IFMATCH-NEW", appointmentBody(), { "if-match": '"1"' }), 409);
    expectProblem(await put("IFMATCH-1", appointmentBody(), { "if-match": "1" }), 400);
    expect((await get("IFMATCH-1")).json).toMatchObject({ version: 2, workOrderRef: "WO-2" });
  });

  it("schedules the check-in, visible through GET: 19:00 site time 3 days before, closing at 00:00 of the day", async () => {
    setNow(BEFORE_WINDOW);
    await put("SCHED-1", appointmentBody());
    expect((await get("SCHED-1")).json).toMatchObject({
      checkin: {
        state: "scheduled",
        sendAt: "2026-11-28T18:00:00Z",
        closesAt: "2026-11-30T23:00:00Z",
        recipient: { role: "driver", channel: "email" },
        url: null,
        sentAt: null,
        openedAt: null,
        submittedAt: null,
        response: null,
      },
    });
  });

  it("an appointment created inside the window gets no automatic invitation: not_applicable", async () => {
    setNow(new Date("2026-11-29T09:00:00Z"));
    await put("WINDOW-1", appointmentBody());
    expect((await get("WINDOW-1")).json).toMatchObject({
      checkin: { state: "not_applicable", sendAt: null, closesAt: "2026-11-30T23:00:00Z" },
    });
    // …and once the appointment day has come, a check-in that was still waiting reads "closed".
    setNow(BEFORE_WINDOW);
    await put("WINDOW-2", appointmentBody());
    setNow(new Date("2026-12-01T06:00:00Z"));
    expect((await get("WINDOW-2")).json).toMatchObject({ checkin: { state: "closed" } });
  });

  it("rescheduling moves the invitation: the queued one is cancelled and a new one is due at the new send time", async () => {
    setNow(BEFORE_WINDOW);
    const created = await put("MOVE-1", appointmentBody());
    await put("MOVE-1", appointmentBody({ startsAt: "2026-12-08T08:30:00+01:00" }));
    expect((await get("MOVE-1")).json).toMatchObject({ version: 2, checkin: { state: "scheduled", sendAt: "2026-12-05T18:00:00Z" } });
    const invitations = await db().notification.findMany({
      where: { appointmentId: (created.json as { id: string }).id, kind: "CHECKIN_INVITATION" },
      orderBy: { createdAt: "asc" },
    });
    expect(invitations.map((n) => [n.status, n.dueAt.toISOString()])).toEqual([
      ["CANCELLED", "2026-11-28T18:00:00.000Z"],
      ["QUEUED", "2026-12-05T18:00:00.000Z"],
    ]);
  });

  it("uses the dealer's only site when none is named, and falls back to the dealer's language", async () => {
    setNow(BEFORE_WINDOW);
    const body = appointmentBody({ contacts: [{ role: "driver", lastName: "Smith", email: "s@example.com", language: "pt-BR" }] });
    delete (body as { site?: string }).site;
    const answer = await put("NOSITE-1", body);
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ site: "main", contacts: [{ language: "en" }] });
  });

  it("with several sites, site is required and must be the dealer's", async () => {
    setNow(BEFORE_WINDOW);
    const multi = await makeApiDealer("upsert-multi");
    await db().site.create({
      data: {
        dealerId: multi.id,
        slug: "goteborg",
        name: "Göteborg",
        timeZone: "Europe/Stockholm",
        addressLine: "Gata 1",
        postalCode: "41101",
        city: "Göteborg",
        country: "SE",
        phone: "+46 31 000 00",
        email: "gbg@example.com",
      },
    });
    const body = appointmentBody();
    delete (body as { site?: string }).site;
    const missing = await call("appointment", "PUT", "MULTI-1", { key: multi.key, body });
    expectProblem(missing, 422);
    expect((missing.json as { errors: unknown[] }).errors).toEqual([{ path: "site", message: expect.any(String) }]);
    const unknown = await call("appointment", "PUT", "MULTI-1", { key: multi.key, body: appointmentBody({ site: "ghent" }) });
    expectProblem(unknown, 422);
    const sweden = await call("appointment", "PUT", "MULTI-1", { key: multi.key, body: appointmentBody({ site: "goteborg" }) });
    expect(sweden.status).toBe(201);
    // Day boundaries in the site's zone: Stockholm is also UTC+1 in December.
    expect(sweden.json).toMatchObject({ site: "goteborg", checkin: { closesAt: "2026-11-30T23:00:00Z" } });
  });

  it("survives two concurrent PUTs of the same new externalId: no 500, one appointment", async () => {
    setNow(BEFORE_WINDOW);
    const answers = await Promise.all([
      put("RACE-1", appointmentBody()),
      put("RACE-1", appointmentBody()),
      put("RACE-1", appointmentBody({ workOrderRef: "WO-RACE" })),
    ]);
    for (const answer of answers) expect([200, 201, 409], answer.text).toContain(answer.status);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(await db().appointment.count({ where: { dealerId: dealer.id, externalId: "RACE-1" } })).toBe(1);
  });

  it("serialises concurrent replaces: each change becomes its own version, none is lost to a 500", async () => {
    setNow(BEFORE_WINDOW);
    await put("RACE-2", appointmentBody());
    const answers = await Promise.all(["WO-A", "WO-B", "WO-C"].map((ref) => put("RACE-2", appointmentBody({ workOrderRef: ref }))));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const row = await db().appointment.findFirstOrThrow({
      where: { dealerId: dealer.id, externalId: "RACE-2" },
      select: { id: true, version: true },
    });
    expect(row.version).toBe(4);
    expect(await db().appointmentSnapshot.count({ where: { appointmentId: row.id } })).toBe(4);
  });

  it("lists every field error at once with dotted paths (422)", async () => {
    const answer = await put(
      "BAD-1",
      appointmentBody({
        startsAt: "2026-12-01T08:30:00",
        currency: "EURO",
        vehicle: { vin: 17, modelYear: "2021" },
        contacts: [
          { role: "driver", firstName: "A", email: "not-an-email" },
          { role: "driver", firstName: "B", phone: "0470 12 34 56" },
          { role: "owner", firstName: "C" },
        ],
        plannedWork: [{ title: "", quantity: "1.2345", unitPrice: "100.001", vatRate: "101" }],
      }),
    );
    expectProblem(answer, 422);
    const paths = (answer.json as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "startsAt",
        "currency",
        "vehicle.vin",
        "vehicle.modelYear",
        "contacts.0.email",
        "contacts.1.phone",
        "contacts.1.role",
        "contacts.2.email",
        "plannedWork.0.title",
        "plannedWork.0.quantity",
        "plannedWork.0.vatRate",
      ]),
    );
  });

  it("checks amounts against the currency: JPY has no decimals, KWD three", async () => {
    setNow(BEFORE_WINDOW);
    const yen = await put(
      "JPY-1",
      appointmentBody({ currency: "JPY", plannedWork: [{ title: "Oil", unitPrice: "100.50", vatRate: "10" }] }),
    );
    expectProblem(yen, 422);
    expect((yen.json as { errors: unknown[] }).errors).toEqual([
      { path: "plannedWork.0.unitPrice", message: expect.stringContaining("JPY") },
    ]);
    const dinar = await put(
      "KWD-1",
      appointmentBody({ currency: "KWD", plannedWork: [{ title: "Oil", unitPrice: "10.125", vatRate: "0" }] }),
    );
    expect(dinar.status).toBe(201);
    expect(dinar.json).toMatchObject({ plannedWork: [{ unitPrice: "10.125" }], plannedWorkTotals: { net: "10.125", vat: "0.000" } });
  });
});

describe("GET /api/v1/appointments/{externalId}", () => {
  it("answers 404 problem+json for an unknown or malformed externalId", async () => {
    expectProblem(await get("NOPE-404"), 404);
    expectProblem(await get("../etc/passwd"), 404);
  });

  it("shows a submitted check-in's answer: optional services, comments, totals by rate", async () => {
    setNow(BEFORE_WINDOW);
    const created = await put("ANSWER-1", appointmentBody());
    const appointmentId = (created.json as { id: string }).id;
    const terms = await db().termsVersion.create({ data: { dealerId: dealer.id, locale: "fr", version: 3, title: "CGV", body: "…" } });
    const asset = await db().asset.create({
      data: {
        dealerId: dealer.id,
        kind: "IMAGE",
        contentType: "image/webp",
        bytes: 12345,
        storageKey: `u/${appointmentId}.webp`,
        sha256: "0".repeat(64),
      },
    });
    const checkIn = await db().checkIn.update({
      where: { appointmentId },
      data: { state: "SUBMITTED", submittedAt: new Date("2026-11-29T08:00:00Z"), currentRevision: 1 },
    });
    await db().checkInRevision.create({
      data: {
        checkInId: checkIn.id,
        number: 1,
        submittedAt: new Date("2026-11-29T08:00:00.250Z"),
        termsVersionId: terms.id,
        termsAcceptedAt: new Date("2026-11-29T07:59:00Z"),
        selections: {
          create: [
            { optionalServiceId: "svc-1", title: "Car wash", unitPriceMinor: 1500, vatRateBp: 2100 },
            {
              optionalServiceId: "svc-2",
              title: "Wiper fluid",
              quantityMilli: 2000,
              unitPriceMinor: 499,
              vatRateBp: 600,
              handled: true,
              convertedLineId: "line-1",
            },
          ],
        },
        comments: {
          create: [
            {
              position: 0,
              title: "Squeak",
              description: "When braking",
              visibleToMechanics: true,
              attachments: { create: [{ assetId: asset.id, position: 0 }] },
            },
          ],
        },
      },
    });
    const answer = await get("ANSWER-1");
    expect(answer.json).toMatchObject({
      checkin: {
        state: "submitted",
        submittedAt: "2026-11-29T08:00:00Z",
        response: {
          submittedAt: "2026-11-29T08:00:00Z",
          revision: 1,
          termsVersion: 3,
          acceptedAt: "2026-11-29T07:59:00Z",
          optionalServices: [
            { title: "Car wash", quantity: "1", unitPrice: "15.00", vatRate: "21", handled: false, convertedToJob: false },
            { title: "Wiper fluid", quantity: "2", unitPrice: "4.99", vatRate: "6", handled: true, convertedToJob: true },
          ],
          comments: [
            {
              title: "Squeak",
              description: "When braking",
              attachments: [
                {
                  // A short-lived signed link to the file itself, absolute for the DMS, never the storage key.
                  url: expect.stringMatching(new RegExp(`^http://[^/]+/files/${asset.id}\\?v=full&exp=\\d+&sig=[A-Za-z0-9_-]{43}$`)),
                  contentType: "image/webp",
                  bytes: 12345,
                },
              ],
              visibleToMechanics: true,
              handled: false,
              convertedToJob: false,
            },
          ],
          totals: {
            net: "24.98",
            vat: "3.75",
            gross: "28.73",
            vatByRate: [
              { rate: "6", vat: "0.60" },
              { rate: "21", vat: "3.15" },
            ],
          },
        },
      },
    });
  });
});
