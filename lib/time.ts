import "server-only";

import { TZDate, tzOffset } from "@date-fns/tz";
import { addDays, addMonths } from "date-fns";

// Every day boundary of a site is computed in the site's IANA time zone, never in UTC or the
// server's zone. Offsets always come from the runtime's tz database (via @date-fns/tz); nothing
// here knows that Brussels is +01:00.
//
// Local wall-clock times are resolved to instants by `wallClockToInstant` rather than by the
// TZDate constructor: TZDate picks a different instant for an ambiguous (fall-back) wall time
// depending on the *host* time zone, and it moves gap times forward by the gap length (02:30 →
// 03:30) instead of to the end of the gap. Our policy is explicit and host-independent:
// - nonexistent time (spring-forward gap): the first instant after the gap, i.e. the moment the
//   clocks jump (02:30 on a 02:00 → 03:00 day resolves to 03:00 new time). That is the earliest
//   moment the wall clock has passed the requested time, so a "send at 02:30" goes out at the
//   first real instant at/after 02:30, and a day start never lands inside the previous day;
// - ambiguous time (fall-back overlap): the earlier of the two instants.

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** A calendar date in some zone; month is 1-based. */
export type CalendarDate = { year: number; month: number; day: number };

/** Wall-clock date and time in some zone; month is 1-based. */
export type WallClock = CalendarDate & {
  hours: number;
  minutes: number;
  seconds?: number;
  milliseconds?: number;
};

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

/** True for a time zone the runtime's Intl knows (IANA names like "Europe/Brussels"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone === "") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${JSON.stringify(timeZone)}`);
}

function assertInstant(instant: Date, what: string): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`${what} must be a valid Date`);
  }
}

const SEND_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "19:00" → { hours: 19, minutes: 0 }. Strict 24-hour "HH:MM"; rejects "24:00", "7:00", "7pm". */
export function parseSendTime(value: string): { hours: number; minutes: number } {
  const match = SEND_TIME.exec(value);
  if (!match) throw new RangeError(`Send time must be "HH:MM" between 00:00 and 23:59, got ${JSON.stringify(value)}`);
  return { hours: Number(match[1]), minutes: Number(match[2]) };
}

// ---------------------------------------------------------------------------------------------
// Instant ⇄ local wall clock
// ---------------------------------------------------------------------------------------------

/** UTC offset in ms of `timeZone` at `epochMs` (positive east of Greenwich). */
function offsetMs(timeZone: string, epochMs: number): number {
  return Math.round(tzOffset(timeZone, new Date(epochMs)) * MINUTE_MS);
}

/** The wall clock shown in `timeZone` at `instant`. */
export function localWallClock(instant: Date, timeZone: string): Required<WallClock> {
  assertInstant(instant, "Instant");
  assertTimeZone(timeZone);
  // Constructing from a timestamp is unambiguous; the getters read fields in `timeZone`.
  const local = new TZDate(instant.getTime(), timeZone);
  return {
    year: local.getFullYear(),
    month: local.getMonth() + 1,
    day: local.getDate(),
    hours: local.getHours(),
    minutes: local.getMinutes(),
    seconds: local.getSeconds(),
    milliseconds: local.getMilliseconds(),
  };
}

/** The calendar date in `timeZone` at `instant`. */
export function localCalendarDate(instant: Date, timeZone: string): CalendarDate {
  const { year, month, day } = localWallClock(instant, timeZone);
  return { year, month, day };
}

/**
 * Pure calendar arithmetic on a date (no zone involved): done on a UTC-anchored TZDate so that no
 * DST rule can shift the day.
 */
function shiftCalendarDate(date: CalendarDate, shift: { days?: number; months?: number }): CalendarDate {
  let anchor = new TZDate(date.year, date.month - 1, date.day, "UTC");
  if (shift.months) anchor = addMonths(anchor, shift.months); // clamps 31 Jan + 1 → 28/29 Feb
  if (shift.days) anchor = addDays(anchor, shift.days);
  return { year: anchor.getFullYear(), month: anchor.getMonth() + 1, day: anchor.getDate() };
}

/**
 * The instant at which `timeZone` shows the wall clock `wall`. Gap → first instant after the gap;
 * overlap → earlier instant (see the policy at the top of this file).
 */
export function wallClockToInstant(wall: WallClock, timeZone: string): Date {
  assertTimeZone(timeZone);
  // The wall clock's fields read as if they were UTC; subtracting the zone offset gives the instant.
  const fields = new Date(0);
  fields.setUTCFullYear(wall.year, wall.month - 1, wall.day); // unlike Date.UTC, no 0–99 → 19xx
  fields.setUTCHours(wall.hours, wall.minutes, wall.seconds ?? 0, wall.milliseconds ?? 0);
  const wallMs = fields.getTime();
  if (Number.isNaN(wallMs)) throw new RangeError("Wall clock is out of range");

  // Any offset that applies near this wall time is in effect a day before or a day after it.
  const offsetBefore = offsetMs(timeZone, wallMs - DAY_MS);
  const offsetAfter = offsetMs(timeZone, wallMs + DAY_MS);
  const candidates = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => wallMs - offset)
    .filter((epochMs) => offsetMs(timeZone, epochMs) + epochMs === wallMs)
    .sort((a, b) => a - b);

  const earliest = candidates[0];
  if (earliest !== undefined) return new Date(earliest);
  return new Date(gapEnd(timeZone, wallMs - offsetAfter, wallMs - offsetBefore));
}

/**
 * First instant in (lo, hi] whose offset differs from the offset at `lo`, by bisection. Used only
 * for gaps, where the transition is known to lie between those two bounds.
 */
function gapEnd(timeZone: string, lo: number, hi: number): number {
  const offsetAtLo = offsetMs(timeZone, lo);
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (offsetMs(timeZone, mid) === offsetAtLo) lo = mid;
    else hi = mid;
  }
  return hi;
}

// ---------------------------------------------------------------------------------------------
// Local days
// ---------------------------------------------------------------------------------------------

/** 00:00 of the local calendar day containing `instant` (or the first instant of that day). */
export function localDayStart(instant: Date, timeZone: string): Date {
  return wallClockToInstant({ ...localCalendarDate(instant, timeZone), hours: 0, minutes: 0 }, timeZone);
}

/** Whether both instants fall on the same calendar day in `timeZone`. */
export function isSameLocalDay(a: Date, b: Date, timeZone: string): boolean {
  const da = localCalendarDate(a, timeZone);
  const db = localCalendarDate(b, timeZone);
  return da.year === db.year && da.month === db.month && da.day === db.day;
}

/**
 * The same local wall-clock time `months` calendar months later (negative: earlier), for
 * "remind me in 1/3/6 months". The day clamps to the month's end (31 Jan + 1 → 28/29 Feb), and
 * the UTC hour may differ when DST differs between the two dates.
 */
export function addMonthsLocal(instant: Date, months: number, timeZone: string): Date {
  if (!Number.isSafeInteger(months)) throw new RangeError(`Months must be an integer, got ${String(months)}`);
  const wall = localWallClock(instant, timeZone);
  return wallClockToInstant({ ...wall, ...shiftCalendarDate(wall, { months }) }, timeZone);
}

// ---------------------------------------------------------------------------------------------
// Check-in schedule
// ---------------------------------------------------------------------------------------------

export type CheckinSchedule = {
  /** The appointment's instant. */
  startsAt: Date;
  /** The site's IANA time zone. */
  timeZone: string;
};

export type CheckinSendSchedule = CheckinSchedule & {
  /** Calendar days before the appointment's local day on which the invitation goes out. */
  windowDays: number;
  /** Local wall-clock "HH:MM" at which it goes out. */
  sendTime: string;
};

/**
 * When the check-in invitation is sent: `sendTime` on the local calendar day that is `windowDays`
 * days before the appointment's local calendar day, both in the site's zone. Counting calendar
 * days (not 24-hour periods) keeps the send time stable across DST changes.
 *
 * Example: appointment Tue 2 Dec 08:30 Europe/Brussels, 3 days, "19:00" → Sat 29 Nov 19:00
 * Brussels = 18:00Z.
 */
export function checkinSendInstant({ startsAt, timeZone, windowDays, sendTime }: CheckinSendSchedule): Date {
  if (!Number.isSafeInteger(windowDays) || windowDays < 0) {
    throw new RangeError(`Window days must be a non-negative integer, got ${String(windowDays)}`);
  }
  const { hours, minutes } = parseSendTime(sendTime);
  const appointmentDay = localCalendarDate(startsAt, timeZone);
  const sendDay = shiftCalendarDate(appointmentDay, { days: -windowDays });
  return wallClockToInstant({ ...sendDay, hours, minutes }, timeZone);
}

/** Check-in closes at 00:00 of the appointment's local calendar day in the site's zone. */
export function checkinClosesAt({ startsAt, timeZone }: CheckinSchedule): Date {
  return localDayStart(startsAt, timeZone);
}
