import { describe, expect, it } from "vitest";
import {
  addMonthsLocal,
  checkinClosesAt,
  checkinSendInstant,
  isSameLocalDay,
  isValidTimeZone,
  localCalendarDate,
  localDayStart,
  parseSendTime,
  wallClockToInstant,
} from "./time";

// All expectations are exact UTC instants, worked out by hand from the zone's rules.
const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

const BRUSSELS = "Europe/Brussels";
const STOCKHOLM = "Europe/Stockholm";
const AUCKLAND = "Pacific/Auckland";
const LOS_ANGELES = "America/Los_Angeles";

const send = (startsAt: string, timeZone: string, windowDays: number, sendTime: string) =>
  iso(checkinSendInstant({ startsAt: at(startsAt), timeZone, windowDays, sendTime }));
const closes = (startsAt: string, timeZone: string) => iso(checkinClosesAt({ startsAt: at(startsAt), timeZone }));

describe("checkinSendInstant", () => {
  it("matches the documented example (Tue 2 Dec 08:30 Brussels, 3 days, 19:00)", () => {
    // 08:30 CET = 07:30Z; Sat 29 Nov 19:00 CET = 18:00Z.
    expect(send("2025-12-02T07:30:00Z", BRUSSELS, 3, "19:00")).toBe("2025-11-29T18:00:00.000Z");
  });

  describe("Europe/Brussels spring change (Sun 2027-03-28, 02:00 CET → 03:00 CEST)", () => {
    // Appointment Tue 2027-03-30 08:30 CEST = 06:30Z.
    const startsAt = "2027-03-30T06:30:00Z";

    it("send day before the change is in CET", () => {
      expect(send(startsAt, BRUSSELS, 3, "19:00")).toBe("2027-03-27T18:00:00.000Z"); // Sat 19:00 CET
    });

    it("send day on the change day is in CEST", () => {
      expect(send(startsAt, BRUSSELS, 2, "19:00")).toBe("2027-03-28T17:00:00.000Z"); // Sun 19:00 CEST
    });

    it("window 1 lands after the change", () => {
      expect(send(startsAt, BRUSSELS, 1, "19:00")).toBe("2027-03-29T17:00:00.000Z"); // Mon 19:00 CEST
    });

    it("window 14 reaches back across the change into CET", () => {
      expect(send(startsAt, BRUSSELS, 14, "19:00")).toBe("2027-03-16T18:00:00.000Z"); // Tue 16 Mar CET
    });

    it("a send time inside the gap resolves to the end of the gap", () => {
      // Appointment Mon 2027-03-29 08:00 CEST; 02:30 on Sun 28 does not exist → 03:00 CEST = 01:00Z.
      const monday = "2027-03-29T06:00:00Z";
      expect(send(monday, BRUSSELS, 1, "02:30")).toBe("2027-03-28T01:00:00.000Z");
      expect(send(monday, BRUSSELS, 1, "02:00")).toBe("2027-03-28T01:00:00.000Z");
      expect(send(monday, BRUSSELS, 1, "02:59")).toBe("2027-03-28T01:00:00.000Z");
      // Either side of the gap is ordinary.
      expect(send(monday, BRUSSELS, 1, "01:59")).toBe("2027-03-28T00:59:00.000Z"); // CET
      expect(send(monday, BRUSSELS, 1, "03:00")).toBe("2027-03-28T01:00:00.000Z"); // CEST
      expect(send(monday, BRUSSELS, 1, "03:01")).toBe("2027-03-28T01:01:00.000Z");
    });
  });

  describe("Europe/Brussels autumn change (Sun 2026-10-25, 03:00 CEST → 02:00 CET)", () => {
    // Appointment Tue 2026-10-27 08:30 CET = 07:30Z.
    const startsAt = "2026-10-27T07:30:00Z";

    it("send day before the change is in CEST", () => {
      expect(send(startsAt, BRUSSELS, 3, "19:00")).toBe("2026-10-24T17:00:00.000Z"); // Sat 19:00 CEST
    });

    it("send day on the change day is in CET", () => {
      expect(send(startsAt, BRUSSELS, 2, "19:00")).toBe("2026-10-25T18:00:00.000Z"); // Sun 19:00 CET
    });

    it("window 1 is an ordinary CET day", () => {
      expect(send(startsAt, BRUSSELS, 1, "19:00")).toBe("2026-10-26T18:00:00.000Z");
    });

    it("window 14 reaches back into CEST", () => {
      expect(send(startsAt, BRUSSELS, 14, "19:00")).toBe("2026-10-13T17:00:00.000Z");
    });

    it("an ambiguous send time takes the earlier instant", () => {
      // Appointment Mon 2026-10-26 09:00 CET; 02:30 on Sun 25 happens twice → 02:30 CEST = 00:30Z.
      const monday = "2026-10-26T08:00:00Z";
      expect(send(monday, BRUSSELS, 1, "02:30")).toBe("2026-10-25T00:30:00.000Z");
      expect(send(monday, BRUSSELS, 1, "02:00")).toBe("2026-10-25T00:00:00.000Z");
      expect(send(monday, BRUSSELS, 1, "01:59")).toBe("2026-10-24T23:59:00.000Z"); // CEST, unique
      expect(send(monday, BRUSSELS, 1, "03:00")).toBe("2026-10-25T02:00:00.000Z"); // CET, unique
    });
  });

  describe("Pacific/Auckland (+13 in summer): local day differs from the UTC day", () => {
    it("counts days from the local day, not the UTC day", () => {
      // Mon 2026-01-05 08:00 NZDT = Sun 2026-01-04T19:00Z. Fri 2 Jan 19:00 NZDT = 06:00Z.
      expect(send("2026-01-04T19:00:00Z", AUCKLAND, 3, "19:00")).toBe("2026-01-02T06:00:00.000Z");
      expect(send("2026-01-04T19:00:00Z", AUCKLAND, 1, "19:00")).toBe("2026-01-04T06:00:00.000Z");
      expect(send("2026-01-04T19:00:00Z", AUCKLAND, 14, "19:00")).toBe("2025-12-22T06:00:00.000Z");
    });

    it("crosses Auckland's spring change (Sun 2026-09-27, 02:00 NZST → 03:00 NZDT)", () => {
      // Tue 2026-09-29 08:00 NZDT = 2026-09-28T19:00Z; Sat 26 Sep 19:00 NZST (+12) = 07:00Z.
      expect(send("2026-09-28T19:00:00Z", AUCKLAND, 3, "19:00")).toBe("2026-09-26T07:00:00.000Z");
      // Sun 27 Sep 02:30 does not exist → 03:00 NZDT = 2026-09-26T14:00Z.
      expect(send("2026-09-28T19:00:00Z", AUCKLAND, 2, "02:30")).toBe("2026-09-26T14:00:00.000Z");
    });
  });

  describe("America/Los_Angeles: local day differs from the UTC day", () => {
    it("counts days from the local day, not the UTC day", () => {
      // Mon 2026-12-07 17:30 PST = Tue 2026-12-08T01:30Z. Sun 6 Dec 19:00 PST = 2026-12-07T03:00Z.
      expect(send("2026-12-08T01:30:00Z", LOS_ANGELES, 1, "19:00")).toBe("2026-12-07T03:00:00.000Z");
      expect(send("2026-12-08T01:30:00Z", LOS_ANGELES, 14, "19:00")).toBe("2026-11-24T03:00:00.000Z");
    });

    it("window 14 across the US autumn change (Sun 2026-11-01)", () => {
      // Mon 2026-11-09 08:00 PST = 16:00Z; Mon 26 Oct 19:00 PDT (−7) = 2026-10-27T02:00Z.
      expect(send("2026-11-09T16:00:00Z", LOS_ANGELES, 14, "19:00")).toBe("2026-10-27T02:00:00.000Z");
    });
  });

  describe("Europe/Stockholm", () => {
    it("uses Stockholm's own day", () => {
      // Fri 2026-06-12 09:00 CEST = 07:00Z; Fri 29 May 18:00 CEST = 16:00Z.
      expect(send("2026-06-12T07:00:00Z", STOCKHOLM, 14, "18:00")).toBe("2026-05-29T16:00:00.000Z");
      expect(send("2026-06-12T07:00:00Z", STOCKHOLM, 1, "18:00")).toBe("2026-06-11T16:00:00.000Z");
    });

    it("window 14 across the spring change (2027-03-28)", () => {
      // Mon 2027-04-05 09:00 CEST = 07:00Z; Mon 22 Mar 19:00 CET = 18:00Z.
      expect(send("2027-04-05T07:00:00Z", STOCKHOLM, 14, "19:00")).toBe("2027-03-22T18:00:00.000Z");
    });
  });

  describe("appointment at 00:30 local time", () => {
    it("uses the local day even though the UTC day is the previous one (summer)", () => {
      // Wed 2026-06-17 00:30 CEST = Tue 2026-06-16T22:30Z → send Tue 16 Jun 19:00 CEST = 17:00Z.
      expect(send("2026-06-16T22:30:00Z", BRUSSELS, 1, "19:00")).toBe("2026-06-16T17:00:00.000Z");
    });

    it("uses the local day even though the UTC day is the previous one (winter)", () => {
      // Wed 2026-12-02 00:30 CET = Tue 2026-12-01T23:30Z → send Sun 29 Nov 19:00 CET = 18:00Z.
      expect(send("2026-12-01T23:30:00Z", BRUSSELS, 3, "19:00")).toBe("2026-11-29T18:00:00.000Z");
    });
  });

  it("does not depend on the appointment's time of day", () => {
    // 00:00, 12:00 and 23:59 local on Tue 2026-12-01 in Brussels all give Sat 28 Nov 19:00 CET.
    for (const startsAt of ["2026-11-30T23:00:00Z", "2026-12-01T11:00:00Z", "2026-12-01T22:59:00Z"]) {
      expect(send(startsAt, BRUSSELS, 3, "19:00")).toBe("2026-11-28T18:00:00.000Z");
    }
  });

  it("handles window 0 and month/year boundaries", () => {
    expect(send("2026-06-12T07:00:00Z", BRUSSELS, 0, "07:00")).toBe("2026-06-12T05:00:00.000Z");
    expect(send("2027-01-01T09:00:00Z", BRUSSELS, 1, "19:00")).toBe("2026-12-31T18:00:00.000Z");
    expect(send("2028-03-01T09:00:00Z", BRUSSELS, 1, "19:00")).toBe("2028-02-29T18:00:00.000Z"); // leap year
  });

  it("rejects invalid input", () => {
    const base = { startsAt: at("2026-06-12T07:00:00Z"), timeZone: BRUSSELS, windowDays: 3, sendTime: "19:00" };
    expect(() => checkinSendInstant({ ...base, windowDays: -1 })).toThrow(RangeError);
    expect(() => checkinSendInstant({ ...base, windowDays: 1.5 })).toThrow(RangeError);
    expect(() => checkinSendInstant({ ...base, sendTime: "24:00" })).toThrow(RangeError);
    expect(() => checkinSendInstant({ ...base, timeZone: "Mars/Olympus_Mons" })).toThrow(RangeError);
    expect(() => checkinSendInstant({ ...base, startsAt: new Date(Number.NaN) })).toThrow(RangeError);
  });
});

describe("checkinClosesAt", () => {
  it("is 00:00 of the appointment's local day", () => {
    expect(closes("2025-12-02T07:30:00Z", BRUSSELS)).toBe("2025-12-01T23:00:00.000Z");
  });

  it("Brussels spring change day and the day after", () => {
    // Sun 2027-03-28 10:00 CEST: the day starts at 00:00 CET.
    expect(closes("2027-03-28T08:00:00Z", BRUSSELS)).toBe("2027-03-27T23:00:00.000Z");
    // Mon 2027-03-29: 00:00 CEST.
    expect(closes("2027-03-29T06:00:00Z", BRUSSELS)).toBe("2027-03-28T22:00:00.000Z");
  });

  it("Brussels autumn change day and the day after", () => {
    // Sun 2026-10-25 10:00 CET: the day starts at 00:00 CEST.
    expect(closes("2026-10-25T09:00:00Z", BRUSSELS)).toBe("2026-10-24T22:00:00.000Z");
    // Mon 2026-10-26: 00:00 CET.
    expect(closes("2026-10-26T08:00:00Z", BRUSSELS)).toBe("2026-10-25T23:00:00.000Z");
  });

  it("appointment at 00:30 local closes half an hour earlier, on the previous UTC day", () => {
    expect(closes("2026-06-16T22:30:00Z", BRUSSELS)).toBe("2026-06-16T22:00:00.000Z");
    expect(closes("2026-12-01T23:30:00Z", BRUSSELS)).toBe("2026-12-01T23:00:00.000Z");
  });

  it("Pacific/Auckland and America/Los_Angeles", () => {
    // Mon 2026-01-05 08:00 NZDT = 2026-01-04T19:00Z → closes Mon 00:00 NZDT = 2026-01-04T11:00Z.
    expect(closes("2026-01-04T19:00:00Z", AUCKLAND)).toBe("2026-01-04T11:00:00.000Z");
    // Mon 2026-12-07 17:30 PST = 2026-12-08T01:30Z → closes Mon 00:00 PST = 2026-12-07T08:00Z.
    expect(closes("2026-12-08T01:30:00Z", LOS_ANGELES)).toBe("2026-12-07T08:00:00.000Z");
  });

  it("Europe/Stockholm", () => {
    expect(closes("2026-06-12T07:00:00Z", STOCKHOLM)).toBe("2026-06-11T22:00:00.000Z");
  });
});

describe("localDayStart / localCalendarDate / isSameLocalDay", () => {
  it("day start is the end of the gap when midnight does not exist", () => {
    // America/Santiago springs forward at 00:00 → 01:00 on Sun 2026-09-06: the day starts at 01:00 −03.
    expect(iso(localDayStart(at("2026-09-06T15:00:00Z"), "America/Santiago"))).toBe("2026-09-06T04:00:00.000Z");
  });

  it("reads the calendar date in the zone", () => {
    expect(localCalendarDate(at("2026-01-04T19:00:00Z"), AUCKLAND)).toEqual({ year: 2026, month: 1, day: 5 });
    expect(localCalendarDate(at("2026-12-08T01:30:00Z"), LOS_ANGELES)).toEqual({ year: 2026, month: 12, day: 7 });
    expect(localCalendarDate(at("2026-06-16T22:30:00Z"), BRUSSELS)).toEqual({ year: 2026, month: 6, day: 17 });
  });

  it("compares local days", () => {
    const sundayUtcEvening = at("2026-01-04T19:00:00Z"); // Mon 08:00 in Auckland
    const mondayUtcMorning = at("2026-01-05T10:00:00Z"); // Mon 23:00 in Auckland
    expect(isSameLocalDay(sundayUtcEvening, mondayUtcMorning, AUCKLAND)).toBe(true);
    expect(isSameLocalDay(sundayUtcEvening, mondayUtcMorning, "UTC")).toBe(false);
    expect(isSameLocalDay(at("2026-06-16T22:30:00Z"), at("2026-06-16T21:59:00Z"), BRUSSELS)).toBe(false);
  });
});

describe("wallClockToInstant", () => {
  it("resolves ordinary, gap and overlap times", () => {
    const w = (year: number, month: number, day: number, hours: number, minutes: number) =>
      iso(wallClockToInstant({ year, month, day, hours, minutes }, BRUSSELS));
    expect(w(2026, 7, 1, 12, 0)).toBe("2026-07-01T10:00:00.000Z");
    expect(w(2027, 3, 28, 2, 30)).toBe("2027-03-28T01:00:00.000Z"); // gap → end of gap
    expect(w(2026, 10, 25, 2, 30)).toBe("2026-10-25T00:30:00.000Z"); // overlap → earlier
  });

  it("handles Los Angeles gap and overlap", () => {
    const w = (month: number, day: number, hours: number, minutes: number, year = 2026) =>
      iso(wallClockToInstant({ year, month, day, hours, minutes }, LOS_ANGELES));
    expect(w(3, 8, 2, 30)).toBe("2026-03-08T10:00:00.000Z"); // 02:30 missing → 03:00 PDT
    expect(w(11, 1, 1, 30)).toBe("2026-11-01T08:30:00.000Z"); // 01:30 twice → 01:30 PDT
  });

  it("handles half-hour DST (Australia/Lord_Howe, +10:30 ⇄ +11)", () => {
    // Sun 2026-10-04 02:00 → 02:30: 02:15 is missing → 02:30 +11 = 2026-10-03T15:30Z.
    expect(iso(wallClockToInstant({ year: 2026, month: 10, day: 4, hours: 2, minutes: 15 }, "Australia/Lord_Howe"))).toBe(
      "2026-10-03T15:30:00.000Z",
    );
    // Sun 2026-04-05 02:00 → 01:30: 01:45 happens twice → earlier, 01:45 +11 = 2026-04-04T14:45Z.
    expect(iso(wallClockToInstant({ year: 2026, month: 4, day: 5, hours: 1, minutes: 45 }, "Australia/Lord_Howe"))).toBe(
      "2026-04-04T14:45:00.000Z",
    );
  });
});

describe("addMonthsLocal", () => {
  it("keeps the local wall-clock time across DST", () => {
    // 15 Mar 10:00 CET (09:00Z) + 1 month → 15 Apr 10:00 CEST (08:00Z).
    expect(iso(addMonthsLocal(at("2026-03-15T09:00:00Z"), 1, BRUSSELS))).toBe("2026-04-15T08:00:00.000Z");
    // 10 Jan 09:00 CET + 6 → 10 Jul 09:00 CEST.
    expect(iso(addMonthsLocal(at("2026-01-10T08:00:00Z"), 6, BRUSSELS))).toBe("2026-07-10T07:00:00.000Z");
    // 10 Jan 09:00 CET + 3 → 10 Apr 09:00 CEST.
    expect(iso(addMonthsLocal(at("2026-01-10T08:00:00Z"), 3, BRUSSELS))).toBe("2026-04-10T07:00:00.000Z");
  });

  it("clamps to the end of shorter months", () => {
    expect(iso(addMonthsLocal(at("2026-01-31T09:00:00Z"), 1, BRUSSELS))).toBe("2026-02-28T09:00:00.000Z");
    expect(iso(addMonthsLocal(at("2027-11-30T09:00:00Z"), 3, BRUSSELS))).toBe("2028-02-29T09:00:00.000Z");
  });

  it("uses the local date, not the UTC date", () => {
    // Sat 31 Jan 2026 08:00 NZDT = 30 Jan 19:00Z → 28 Feb 08:00 NZDT = 27 Feb 19:00Z.
    expect(iso(addMonthsLocal(at("2026-01-30T19:00:00Z"), 1, AUCKLAND))).toBe("2026-02-27T19:00:00.000Z");
    // Mon 5 Jan 08:00 NZDT + 6 → Sun 5 Jul 08:00 NZST (+12) = 4 Jul 20:00Z.
    expect(iso(addMonthsLocal(at("2026-01-04T19:00:00Z"), 6, AUCKLAND))).toBe("2026-07-04T20:00:00.000Z");
  });

  it("keeps seconds, supports negative months, rejects fractions", () => {
    expect(iso(addMonthsLocal(at("2026-07-10T07:00:42.123Z"), -6, BRUSSELS))).toBe("2026-01-10T08:00:42.123Z");
    expect(() => addMonthsLocal(at("2026-07-10T07:00:00Z"), 1.5, BRUSSELS)).toThrow(RangeError);
  });
});

describe("parseSendTime", () => {
  it.each([
    ["19:00", 19, 0],
    ["00:00", 0, 0],
    ["07:05", 7, 5],
    ["23:59", 23, 59],
  ])("parses %s", (value, hours, minutes) => {
    expect(parseSendTime(value)).toEqual({ hours, minutes });
  });

  it.each(["24:00", "7pm", "7:00", "19:60", "19:00:00", "1900", " 19:00", "19:00 ", "", "ab:cd", "１９:００"])("rejects %j", (value) => {
    expect(() => parseSendTime(value)).toThrow(RangeError);
  });
});

describe("isValidTimeZone", () => {
  it("accepts IANA zones and rejects junk", () => {
    for (const zone of [BRUSSELS, STOCKHOLM, AUCKLAND, LOS_ANGELES, "UTC"]) expect(isValidTimeZone(zone)).toBe(true);
    for (const zone of ["", "Mars/Olympus_Mons", "Europe/Brussel", "GMT+25"]) expect(isValidTimeZone(zone)).toBe(false);
  });
});
