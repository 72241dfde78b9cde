import "server-only";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createApiKey } from "@/lib/api/api-keys";
import { createStaff } from "@/lib/auth/create-staff";
import { planCheckin } from "@/lib/checkin/plan-checkin";
import { createDealer } from "@/lib/dealers/create-dealer";
import { demoServices, demoTerms, demoWelcomeText } from "@/lib/dealers/demo-content";
import { db, type Tx } from "@/lib/db";
import type { CheckInState, Prisma, ReportState } from "@/lib/db/generated/client";
import { locales } from "@/lib/i18n/locales";
import { localCalendarDate, wallClockToInstant } from "@/lib/time";
import { issueToken } from "@/lib/tokens";
import { storeBrandImage } from "@/lib/uploads/brand-assets";
import { processUpload } from "@/lib/uploads/process-upload";
import sharp from "sharp";

/**
 * The demo dealer "Demo Motors": two sites in different time zones, a theme, services, terms, one staff
 * member per role, an API key, and appointments in every state the product knows. Idempotent: a second
 * run creates nothing new; it moves the demo appointments so they stay relative to today (tomorrow's
 * demo still has a check-in "in two days"). Link tokens and the API key exist in clear only at creation,
 * so they are kept in a local credentials file to be printed at every start.
 */
export const DEMO_SLUG = "demo-motors";
export const DEMO_PASSWORD = "greenlight-demo";
const DEMO_ROLES = [
  { role: "ADMIN", email: "admin@demo-motors.test", name: "Alex Admin" },
  { role: "ADVISOR", email: "advisor@demo-motors.test", name: "Sam Advisor" },
  { role: "MECHANIC", email: "mechanic@demo-motors.test", name: "Max Mechanic" },
  { role: "MARKETING", email: "marketing@demo-motors.test", name: "Mia Marketing" },
] as const;

export type DemoCredentials = {
  dealerId: string;
  apiKey: string;
  links: Record<string, string>;
};

type DemoAppointment = {
  externalId: string;
  site: "ghent" | "goteborg";
  dayOffset: number;
  time: string;
  status: "SCHEDULED" | "CANCELLED";
  checkin: CheckInState | "AUTO";
  /** The invitation e-mail bounced: what the advisor sees when a delivery fails. */
  bouncedInvitation?: boolean;
  report?: ReportState;
  link?: { name: string; purpose: "CHECKIN" | "REPORT" };
  contact: { firstName: string; lastName: string; email: string; phone: string; locale: string };
  vehicle: { make: string; model: string; modelYear: number; registration: string; vin: string; mileageKm: number };
  planned: { code: string; title: string; remarks?: string; quantityMilli: number; unitPriceMinor: number }[];
};

const service = { code: "SRV-A", title: "Annual service", remarks: "Oil + filters", quantityMilli: 1000, unitPriceMinor: 10000 };
const wipers = { code: "WIP", title: "Wiper blades", quantityMilli: 1000, unitPriceMinor: 3550 };
const check = { code: "CHK", title: "Safety check", quantityMilli: 1000, unitPriceMinor: 1999 };

export const demoAppointments: DemoAppointment[] = [
  {
    externalId: "A-1001",
    site: "ghent",
    dayOffset: 6,
    time: "08:30",
    status: "SCHEDULED",
    checkin: "AUTO",
    contact: { firstName: "Inès", lastName: "Dupont", email: "ines@example.com", phone: "+32470123456", locale: "fr" },
    vehicle: { make: "Volvo", model: "XC60", modelYear: 2021, registration: "1-ABC-123", vin: "YV1UZA8VCL1234567", mileageKm: 45210 },
    planned: [service, wipers, check],
  },
  {
    externalId: "A-1002",
    site: "ghent",
    dayOffset: 2,
    time: "09:00",
    status: "SCHEDULED",
    checkin: "SENT",
    link: { name: "checkin", purpose: "CHECKIN" },
    contact: { firstName: "Pieter", lastName: "Janssens", email: "pieter@example.com", phone: "+32470111222", locale: "nl" },
    vehicle: { make: "Volvo", model: "V60", modelYear: 2020, registration: "2-DEF-456", vin: "YV1ZWA8UDL1234568", mileageKm: 61200 },
    planned: [service, wipers, check],
  },
  {
    externalId: "A-1003",
    site: "goteborg",
    dayOffset: 3,
    time: "10:00",
    status: "SCHEDULED",
    checkin: "OPENED",
    link: { name: "checkinSwedish", purpose: "CHECKIN" },
    contact: { firstName: "Astrid", lastName: "Lindqvist", email: "astrid@example.com", phone: "+46701234567", locale: "sv" },
    vehicle: { make: "Volvo", model: "XC40", modelYear: 2022, registration: "ABC 123", vin: "YV1XZACVFN1234569", mileageKm: 30150 },
    planned: [service],
  },
  {
    externalId: "A-1004",
    site: "ghent",
    dayOffset: 2,
    time: "14:00",
    status: "SCHEDULED",
    checkin: "SUBMITTED",
    link: { name: "checkinSubmitted", purpose: "CHECKIN" },
    contact: { firstName: "Emma", lastName: "Wouters", email: "emma@example.com", phone: "+32470333444", locale: "en" },
    vehicle: { make: "Polestar", model: "2", modelYear: 2023, registration: "1-GHI-789", vin: "LPSVSEDEEPL123457", mileageKm: 18400 },
    planned: [check],
  },
  {
    externalId: "A-1005",
    site: "ghent",
    dayOffset: 4,
    time: "11:00",
    status: "CANCELLED",
    checkin: "CLOSED",
    link: { name: "closed", purpose: "CHECKIN" },
    contact: { firstName: "Lukas", lastName: "Becker", email: "lukas@example.com", phone: "+32470555666", locale: "de" },
    vehicle: { make: "Volvo", model: "S90", modelYear: 2019, registration: "1-JKL-012", vin: "YV1PWA8BDK1234560", mileageKm: 88020 },
    planned: [service],
  },
  {
    externalId: "A-1006",
    site: "ghent",
    dayOffset: 0,
    time: "08:00",
    status: "SCHEDULED",
    checkin: "CLOSED",
    report: "SENT",
    link: { name: "report", purpose: "REPORT" },
    contact: { firstName: "Marie", lastName: "Leclercq", email: "marie@example.com", phone: "+32470777888", locale: "fr" },
    vehicle: { make: "Volvo", model: "XC90", modelYear: 2018, registration: "1-MNO-345", vin: "YV1LFA2BCJ1234561", mileageKm: 120400 },
    planned: [service],
  },
  {
    externalId: "A-1007",
    site: "ghent",
    dayOffset: 0,
    time: "09:30",
    status: "SCHEDULED",
    checkin: "NOT_APPLICABLE",
    report: "DRAFT",
    contact: { firstName: "Tom", lastName: "Peeters", email: "tom@example.com", phone: "+32470999000", locale: "nl" },
    vehicle: { make: "Volvo", model: "V90", modelYear: 2021, registration: "1-PQR-678", vin: "YV1PZA8BDM1234562", mileageKm: 52300 },
    planned: [service],
  },
  {
    externalId: "A-1008",
    site: "goteborg",
    dayOffset: 0,
    time: "07:45",
    status: "SCHEDULED",
    checkin: "SUBMITTED",
    report: "RESPONDED",
    contact: { firstName: "Erik", lastName: "Johansson", email: "erik@example.com", phone: "+46707654321", locale: "sv" },
    vehicle: { make: "Volvo", model: "XC60", modelYear: 2017, registration: "XYZ 789", vin: "YV1UZA8VCH1234563", mileageKm: 140200 },
    planned: [service, wipers],
  },
  {
    externalId: "A-1009",
    site: "ghent",
    dayOffset: 2,
    time: "15:30",
    status: "SCHEDULED",
    checkin: "NOT_APPLICABLE",
    bouncedInvitation: true,
    contact: { firstName: "Noah", lastName: "Claes", email: "noah@invalid.example", phone: "+32470246810", locale: "nl" },
    vehicle: { make: "Volvo", model: "EX30", modelYear: 2025, registration: "2-STU-901", vin: "YV1EXA8VCS1234564", mileageKm: 8100 },
    planned: [check],
  },
];

function svgTile(color: string, glyph: string, width: number, height: number): Buffer {
  const scale = Math.min(width, height) / 48;
  const x = width / 2 - 12 * scale;
  const y = height / 2 - 12 * scale;
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${color}"/>` +
      `<g transform="translate(${x} ${y}) scale(${scale})"><path d="${glyph}" fill="none" stroke="#ffffff" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/></g></svg>`,
  );
}

const LOGO_SVG = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="128"><rect width="480" height="128" rx="16" fill="#ffffff"/>` +
    `<circle cx="64" cy="64" r="44" fill="#0b3d5c"/><path d="M44 40h22a24 24 0 0 1 0 48H44z" fill="#f2a900"/>` +
    `<rect x="128" y="44" width="300" height="16" rx="8" fill="#0b3d5c"/><rect x="128" y="72" width="200" height="12" rx="6" fill="#f2a900"/></svg>`,
);

async function ensureDealer(): Promise<{ dealerId: string; sites: Record<"ghent" | "goteborg", string>; created: boolean }> {
  const existing = await db().dealer.findUnique({
    where: { slug: DEMO_SLUG },
    select: { id: true, sites: { select: { id: true, slug: true } } },
  });
  if (existing) {
    const site = (slug: string) => existing.sites.find((s) => s.slug === slug)?.id ?? "";
    return { dealerId: existing.id, sites: { ghent: site("ghent"), goteborg: site("goteborg") }, created: false };
  }
  return db().$transaction(
    async (tx) => {
      const dealer = await createDealer(tx, {
        name: "Demo Motors",
        slug: DEMO_SLUG,
        defaultLocale: "en",
        primaryColor: "#0b3d5c",
        accentColor: "#b45309",
        site: {
          slug: "ghent",
          name: "Demo Motors Ghent",
          timeZone: "Europe/Brussels",
          addressLine: "Kortrijksesteenweg 100",
          postalCode: "9000",
          city: "Gent",
          country: "BE",
          phone: "+32 9 123 45 67",
          email: "ghent@demo-motors.test",
          reminderDaysBefore: 1,
        },
      });
      const goteborg = await tx.site.create({
        data: {
          dealerId: dealer.id,
          slug: "goteborg",
          name: "Demo Motors Göteborg",
          timeZone: "Europe/Stockholm",
          addressLine: "Mölndalsvägen 10",
          postalCode: "412 63",
          city: "Göteborg",
          country: "SE",
          phone: "+46 31 123 45 67",
          email: "goteborg@demo-motors.test",
          checkinChannel: "BOTH",
          reminderDaysBefore: 2,
        },
        select: { id: true },
      });
      const logoAssetId = await storeBrandImage(tx, { dealerId: dealer.id, bytes: LOGO_SVG, kind: "logo" });
      await tx.dealer.update({ where: { id: dealer.id }, data: { logoAssetId, welcomeText: demoWelcomeText } });
      for (const [position, item] of demoServices.entries()) {
        const imageAssetId = await storeBrandImage(tx, {
          dealerId: dealer.id,
          bytes: svgTile(item.color, item.glyph, 640, 400),
          kind: "service",
        });
        await tx.optionalService.create({
          data: {
            dealerId: dealer.id,
            position,
            priceMinor: item.priceMinor,
            vatRateBp: item.vatRateBp,
            linkUrl: item.linkUrl,
            imageAssetId,
            targetMakes: item.targetMakes,
            targetModels: [],
            targetSiteIds: [],
            texts: { create: locales.map((locale) => ({ locale, ...item.texts[locale] })) },
          },
        });
      }
      await tx.termsVersion.createMany({
        data: locales.map((locale) => ({ dealerId: dealer.id, locale, version: 1, ...demoTerms[locale] })),
      });
      for (const staff of DEMO_ROLES) await createStaff(tx, { dealerId: dealer.id, ...staff, password: DEMO_PASSWORD });
      return { dealerId: dealer.id, sites: { ghent: dealer.siteId, goteborg: goteborg.id }, created: true };
    },
    { timeout: 60_000 },
  );
}

const reportLinkExpiry = (now: Date) => new Date(now.getTime() + 14 * 86_400_000);

function demoStart(item: DemoAppointment, timeZone: string, now: Date): Date {
  const today = localCalendarDate(now, timeZone);
  const [hours, minutes] = item.time.split(":").map(Number) as [number, number];
  const noon = wallClockToInstant({ ...today, hours: 12, minutes: 0 }, timeZone);
  const day = localCalendarDate(new Date(noon.getTime() + item.dayOffset * 86_400_000), timeZone);
  return wallClockToInstant({ ...day, hours, minutes }, timeZone);
}

async function upsertAppointment(tx: Tx, dealerId: string, siteId: string, item: DemoAppointment, now: Date) {
  const site = await tx.site.findUniqueOrThrow({ where: { id: siteId } });
  const startsAt = demoStart(item, site.timeZone, now);
  const times = {
    startsAt,
    dropOffAt: new Date(startsAt.getTime() - 30 * 60_000),
    pickUpAt: new Date(startsAt.getTime() + 8 * 3600_000),
  };
  const existing = await tx.appointment.findUnique({
    where: { dealerId_externalId: { dealerId, externalId: item.externalId } },
    select: { id: true },
  });
  if (existing) {
    await tx.appointment.update({ where: { id: existing.id }, data: times });
    const plan = planCheckin({ startsAt, site, contacts: [{ role: "DRIVER", ...item.contact }], now: new Date(0) });
    await tx.checkIn.updateMany({ where: { appointmentId: existing.id }, data: { closesAt: plan.closesAt } });
    // Only a check-in still waiting for its invitation has a send time to follow; a "not applicable" one has none.
    await tx.checkIn.updateMany({ where: { appointmentId: existing.id, state: "SCHEDULED" }, data: { sendAt: plan.sendAt } });
    await tx.accessToken.updateMany({ where: { appointmentId: existing.id, purpose: "CHECKIN" }, data: { expiresAt: plan.closesAt } });
    // The report link printed at every start must not run out two weeks after the first seed.
    await tx.accessToken.updateMany({
      where: { appointmentId: existing.id, purpose: "REPORT", revokedAt: null },
      data: { expiresAt: reportLinkExpiry(now) },
    });
    return { id: existing.id, created: false };
  }
  const v = item.vehicle;
  const appointment = await tx.appointment.create({
    data: {
      dealerId,
      siteId,
      externalId: item.externalId,
      status: item.status,
      serviceType: "MAINTENANCE",
      currency: "EUR",
      ...times,
      workOrderRef: `WO-${item.externalId.slice(2)}`,
      vehicleMake: v.make,
      vehicleModel: v.model,
      vehicleModelYear: v.modelYear,
      vehicleRegistration: v.registration,
      vehicleVin: v.vin,
      vehicleMileageKm: v.mileageKm,
      cancelledAt: item.status === "CANCELLED" ? now : null,
      contacts: { create: [{ role: "DRIVER", ...item.contact }] },
      plannedWork: { create: item.planned.map((line, position) => ({ ...line, position, vatRateBp: 2100, source: "DMS" as const })) },
    },
    select: { id: true },
  });
  const plan = planCheckin({ startsAt, site, contacts: [{ role: "DRIVER", ...item.contact }], now });
  const state = item.checkin === "AUTO" ? plan.state : item.checkin;
  const sent = ["SENT", "OPENED", "SUBMITTED"].includes(state);
  await tx.checkIn.create({
    data: {
      dealerId,
      appointmentId: appointment.id,
      state,
      recipientRole: "DRIVER",
      channel: "EMAIL",
      sendAt: plan.sendAt,
      closesAt: plan.closesAt,
      sentAt: sent ? new Date(now.getTime() - 20 * 3600_000) : null,
      openedAt: state === "OPENED" || state === "SUBMITTED" ? new Date(now.getTime() - 3 * 3600_000) : null,
      submittedAt: state === "SUBMITTED" ? new Date(now.getTime() - 2 * 3600_000) : null,
      currentRevision: state === "SUBMITTED" ? 1 : 0,
    },
  });
  if (state === "SUBMITTED") await createSubmittedRevision(tx, dealerId, appointment.id, now);
  if (item.report) await createReport(tx, dealerId, appointment.id, item.report, now);
  if (item.bouncedInvitation) {
    await tx.notification.create({
      data: {
        dealerId,
        appointmentId: appointment.id,
        kind: "CHECKIN_INVITATION",
        channel: "EMAIL",
        status: "FAILED",
        recipient: item.contact.email,
        recipientRole: "DRIVER",
        locale: item.contact.locale,
        dueAt: new Date(now.getTime() - 3600_000),
        attempts: 1,
        failedAt: new Date(now.getTime() - 3600_000),
        lastError: "SMTP EENVELOPE: 550 5.1.1 <noah@invalid.example>: mailbox unavailable",
        bodyText: "",
      },
    });
  }
  return { id: appointment.id, created: true };
}

async function createSubmittedRevision(tx: Tx, dealerId: string, appointmentId: string, now: Date) {
  const checkIn = await tx.checkIn.findUniqueOrThrow({ where: { appointmentId }, select: { id: true } });
  const services = await tx.optionalService.findMany({
    where: { dealerId },
    orderBy: { position: "asc" },
    take: 2,
    include: { texts: { where: { locale: "en" } } },
  });
  const terms = await tx.termsVersion.findFirst({ where: { dealerId, locale: "en" }, orderBy: { version: "desc" }, select: { id: true } });
  const revision = await tx.checkInRevision.create({
    data: {
      checkInId: checkIn.id,
      number: 1,
      submittedAt: new Date(now.getTime() - 2 * 3600_000),
      termsVersionId: terms?.id,
      termsAcceptedAt: new Date(now.getTime() - 2 * 3600_000),
      ip: "203.0.113.10",
      userAgent: "demo",
      selections: {
        create: services.map((s) => ({
          optionalServiceId: s.id,
          title: s.texts[0]?.title ?? "",
          unitPriceMinor: s.priceMinor,
          vatRateBp: s.vatRateBp,
        })),
      },
      comments: {
        create: [
          { position: 0, title: "Squeaking brakes", description: "A squeak when braking at low speed, mostly in the morning." },
          { position: 1, title: "Spare key", description: "The spare key is in the glovebox; please leave it there." },
        ],
      },
    },
    select: { comments: { where: { position: 0 }, select: { id: true } } },
  });
  // A photo with the first remark, stored as a customer upload is (re-encoded, private, with a thumbnail),
  // so the advisor's thumbnails and the "visible to mechanics" toggle have something to show.
  const squeak = revision.comments[0];
  if (squeak) {
    const png = await sharp(svgTile("#5b6770", BRAKE_GLYPH, 1200, 900))
      .png()
      .toBuffer();
    const upload = await processUpload({ dealerId, bytes: png }, tx);
    await tx.commentAttachment.create({ data: { commentId: squeak.id, assetId: upload.assetId, position: 0 } });
  }
}

const BRAKE_GLYPH = "M12 4a8 8 0 1 0 0 16 8 8 0 0 0 0-16z M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6z M4 12H2 M22 12h-2";

async function createReport(tx: Tx, dealerId: string, appointmentId: string, state: ReportState, now: Date) {
  const published = state !== "DRAFT";
  const report = await tx.report.create({
    data: {
      dealerId,
      appointmentId,
      state,
      draftVersion: published ? 2 : 1,
      publishedVersion: published ? 1 : null,
      advisorName: "Sam Advisor",
      sentAt: published ? new Date(now.getTime() - 3600_000) : null,
      openedAt: state === "RESPONDED" ? new Date(now.getTime() - 1800_000) : null,
      respondedAt: state === "RESPONDED" ? new Date(now.getTime() - 900_000) : null,
      finalComment: state === "RESPONDED" ? "Please call me before 15:00." : null,
    },
    select: { id: true },
  });
  const items: Prisma.ReportItemCreateWithoutReportVersionInput[] = [
    {
      key: "service",
      category: "PLANNED",
      title: "Annual service",
      position: 0,
      lines: { create: [{ position: 0, title: "Annual service", quantityMilli: 1000, unitPriceMinor: 10000, vatRateBp: 2100 }] },
    },
    {
      key: "brakes-front",
      category: "NECESSARY",
      title: "Front brake pads worn (2 mm)",
      description: "The pads are close to the metal; braking distance gets longer.",
      position: 1,
      lines: {
        create: [
          { position: 0, title: "Brake pads", quantityMilli: 1000, unitPriceMinor: 8990, vatRateBp: 2100 },
          { position: 1, title: "Labour", quantityMilli: 800, unitPriceMinor: 9500, vatRateBp: 2100 },
        ],
      },
    },
    {
      key: "wipers",
      category: "RECOMMENDED",
      title: "Wiper blades streaking",
      position: 2,
      lines: { create: [{ position: 0, title: "Wiper blades", quantityMilli: 1000, unitPriceMinor: 3550, vatRateBp: 2100 }] },
    },
    // Hidden from the customer (the eye toggle off): must never reach the page or its totals.
    { key: "warranty", category: "RECOMMENDED", title: "Internal: check warranty claim", visible: false, position: 5 },
    { key: "tyres", category: "OK", title: "Tyres 6 mm", position: 3 },
    { key: "lights", category: "OK", title: "Lights and indicators", position: 4 },
  ];
  await tx.reportVersion.create({
    data: {
      reportId: report.id,
      number: 1,
      note: "We found two things worth a look.",
      publishedAt: published ? new Date(now.getTime() - 3600_000) : null,
      items: { create: items },
    },
  });
  if (state === "RESPONDED") {
    await tx.reportDecision.createMany({
      data: [
        { reportId: report.id, itemKey: "brakes-front", decision: "APPROVED", decidedAt: now, decidedOnVersion: 1 },
        {
          reportId: report.id,
          itemKey: "wipers",
          decision: "DECLINED",
          decidedAt: now,
          decidedOnVersion: 1,
          reason: "Next time",
          remindAt: new Date(now.getTime() + 90 * 86_400_000),
        },
      ],
    });
    // What the advisor's side shows after an answer (seed 004): a question in the item's log, and the
    // send and the answer in the communication history, with the IP the answer came from.
    await tx.reportItemMessage.create({
      data: { reportId: report.id, itemKey: "brakes-front", author: "CUSTOMER", body: "Can you also check the rear brakes?" },
    });
    const contact = await tx.appointmentContact.findFirstOrThrow({ where: { appointmentId }, select: { email: true, locale: true } });
    const advisor = await tx.staffUser.findFirst({ where: { dealerId, role: "ADVISOR" }, select: { id: true } });
    const sent = await tx.notification.create({
      select: { id: true },
      data: {
        dealerId,
        appointmentId,
        kind: "REPORT",
        channel: "EMAIL",
        status: "SENT",
        recipient: contact.email ?? "",
        recipientRole: "DRIVER",
        locale: contact.locale,
        dueAt: new Date(now.getTime() - 3600_000),
        sentAt: new Date(now.getTime() - 3600_000),
        createdAt: new Date(now.getTime() - 3600_000),
        attempts: 1,
        bodyText: "",
      },
    });
    const customer = { dealerId, appointmentId, actorType: "CUSTOMER" as const, ip: "203.0.113.24", userAgent: "demo" };
    await tx.auditEvent.createMany({
      data: [
        {
          dealerId,
          appointmentId,
          actorType: "STAFF",
          actorId: advisor?.id ?? null,
          type: "report.sent",
          data: { version: 1, channel: "EMAIL", notificationId: sent.id },
          createdAt: new Date(now.getTime() - 3600_000),
        },
        { ...customer, type: "report.opened", data: {}, createdAt: new Date(now.getTime() - 1800_000) },
        { ...customer, type: "report.responded", data: { version: 1 }, createdAt: new Date(now.getTime() - 900_000) },
      ],
    });
  }
}

function credentialsFile(dealerId: string): string {
  const dir = path.resolve(process.env.GREENLIGHT_DEMO_DIR ?? ".data");
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `demo-credentials-${dealerId}.json`);
}

/** Seeds (or refreshes) the demo and returns its credentials. */
export async function seedDemo(now = new Date()): Promise<DemoCredentials> {
  const { dealerId, sites } = await ensureDealer();
  const file = credentialsFile(dealerId);
  const saved: DemoCredentials | null = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as DemoCredentials) : null;
  const credentials: DemoCredentials = { dealerId, apiKey: saved?.apiKey ?? "", links: { ...saved?.links } };

  await db().$transaction(
    async (tx) => {
      for (const item of demoAppointments) {
        const appointment = await upsertAppointment(tx, dealerId, sites[item.site], item, now);
        if (item.link && (appointment.created || !credentials.links[item.link.name])) {
          const startsAt = demoStart(item, item.site === "ghent" ? "Europe/Brussels" : "Europe/Stockholm", now);
          const checkIn = await tx.checkIn.findUnique({ where: { appointmentId: appointment.id }, select: { closesAt: true } });
          const expiresAt = item.link.purpose === "CHECKIN" ? (checkIn?.closesAt ?? startsAt) : reportLinkExpiry(now);
          const token = await issueToken(tx, {
            dealerId,
            appointmentId: appointment.id,
            purpose: item.link.purpose,
            recipientRole: "DRIVER",
            expiresAt,
          });
          if (item.status === "CANCELLED")
            await tx.accessToken.updateMany({ where: { appointmentId: appointment.id }, data: { revokedAt: now } });
          credentials.links[item.link.name] = `/${item.link.purpose === "CHECKIN" ? "c" : "r"}/${token}`;
        }
      }
      if (!credentials.apiKey) credentials.apiKey = (await createApiKey(tx, { dealerId, name: "Demo DMS", actor: { type: "SYSTEM" } })).key;
    },
    { timeout: 60_000 },
  );
  writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return credentials;
}

export function describeDemo(credentials: DemoCredentials, appUrl: string): string {
  const url = (p: string | undefined) => (p ? new URL(p, appUrl).toString() : "(none)");
  return [
    "",
    "  Greenlight demo — Demo Motors",
    `  App:                 ${appUrl}`,
    `  Check-in link:       ${url(credentials.links.checkin)}`,
    `  Check-in (Swedish):  ${url(credentials.links.checkinSwedish)}`,
    `  Check-in, answered:  ${url(credentials.links.checkinSubmitted)}`,
    `  Closed link:         ${url(credentials.links.closed)}`,
    `  Report link:         ${url(credentials.links.report)}`,
    `  Back-office:         ${url("/dealer")}`,
    ...DEMO_ROLES.map((r) => `    ${r.role.toLowerCase().padEnd(10)} ${r.email} / ${DEMO_PASSWORD}`),
    `  API key (DMS):       ${credentials.apiKey}`,
    "",
  ].join("\n");
}
