import "server-only";
import { db } from "@/lib/db";
import type { ActorType } from "@/lib/db/generated/client";

export type HistoryEntry = { version: number; createdAt: Date; actorType: ActorType; actorName: string | null };

/**
 * The appointment's versions (seed 001: "the page as it was at the chosen time"), and the one asked for.
 * Scoped to the dealer: another dealer's appointment has no history here.
 */
export async function getAppointmentHistory({ id, dealerId, version }: { id: string; dealerId: string; version?: number }) {
  const appointment = await db().appointment.findFirst({
    where: { id, dealerId },
    select: { id: true, externalId: true, version: true, site: { select: { timeZone: true } } },
  });
  if (!appointment) return null;
  const snapshots = await db().appointmentSnapshot.findMany({
    where: { appointmentId: id },
    orderBy: { version: "desc" },
    select: { version: true, createdAt: true, actorType: true, actorId: true, data: true },
  });
  const staffIds = [...new Set(snapshots.map((s) => s.actorId).filter((x): x is string => Boolean(x)))];
  const staff = await db().staffUser.findMany({ where: { id: { in: staffIds }, dealerId }, select: { id: true, name: true } });
  const names = new Map(staff.map((s) => [s.id, s.name]));
  const selected = snapshots.find((s) => s.version === (version ?? appointment.version)) ?? snapshots[0] ?? null;
  return {
    externalId: appointment.externalId,
    timeZone: appointment.site.timeZone,
    current: appointment.version,
    entries: snapshots.map<HistoryEntry>((s) => ({
      version: s.version,
      createdAt: s.createdAt,
      actorType: s.actorType,
      actorName: s.actorId ? (names.get(s.actorId) ?? null) : null,
    })),
    selected: selected && { version: selected.version, createdAt: selected.createdAt, data: snapshotView(selected.data) },
  };
}

/** The stored snapshot JSON, read defensively (older versions may lack newer fields). */
export type SnapshotView = {
  status: string | null;
  startsAt: string | null;
  workOrderRef: string | null;
  vehicle: Record<string, string | number | null>;
  contacts: { role: string; firstName: string; lastName: string; email: string | null; phone: string | null }[];
  plannedWork: { title: string; unitPriceMinor: number; source: string }[];
  intake: Record<string, unknown> | null;
};

function snapshotView(data: unknown): SnapshotView {
  const d = (data && typeof data === "object" ? data : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  const list = (v: unknown) => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
  return {
    status: str(d.status),
    startsAt: str(d.startsAt),
    workOrderRef: str(d.workOrderRef),
    vehicle: (d.vehicle && typeof d.vehicle === "object" ? d.vehicle : {}) as Record<string, string | number | null>,
    contacts: list(d.contacts).map((c) => ({
      role: String(c.role ?? ""),
      firstName: String(c.firstName ?? ""),
      lastName: String(c.lastName ?? ""),
      email: str(c.email),
      phone: str(c.phone),
    })),
    plannedWork: list(d.plannedWork).map((l) => ({
      title: String(l.title ?? ""),
      unitPriceMinor: Number(l.unitPriceMinor ?? 0),
      source: String(l.source ?? ""),
    })),
    intake: d.intake && typeof d.intake === "object" ? (d.intake as Record<string, unknown>) : null,
  };
}
