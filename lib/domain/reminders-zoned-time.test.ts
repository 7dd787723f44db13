import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localDateOf, wallClock, zonedTime } from "./reminders";

// Local times in a zone as UTC instants, which the reminder schedule (reminders.test.ts) is built
// on. Instants worked out by hand from the zones' published offsets for 2026: New York EST −05:00
// (EDT −04:00 from 8 March), Berlin CET +01:00 (CEST +02:00 from 29 March to 25 October), Kolkata
// +05:30, Auckland NZDT +13:00 in December.
/** zonedTime of that local date and time in `zone`, as an ISO instant. */
const utc = (year: number, month: number, day: number, hour: number, minute: number, zone: string) =>
  zonedTime({ year, month, day }, hour, minute, zone).toISOString();

describe("zonedTime: a local date and time in a zone as a UTC instant", () => {
  it("uses the offset in force on that date, on both sides of a DST change", () => {
    expect(utc(2026, 3, 6, 9, 0, "America/New_York")).toBe("2026-03-06T14:00:00.000Z");
    expect(utc(2026, 3, 9, 9, 0, "America/New_York")).toBe("2026-03-09T13:00:00.000Z");
    expect(utc(2026, 3, 27, 9, 0, "Europe/Berlin")).toBe("2026-03-27T08:00:00.000Z");
    expect(utc(2026, 3, 30, 9, 0, "Europe/Berlin")).toBe("2026-03-30T07:00:00.000Z");
    expect(utc(2026, 12, 7, 9, 0, "Asia/Kolkata")).toBe("2026-12-07T03:30:00.000Z");
    expect(utc(2026, 12, 7, 9, 0, "Pacific/Auckland")).toBe("2026-12-06T20:00:00.000Z");
    expect(utc(2026, 12, 7, 9, 0, "UTC")).toBe("2026-12-07T09:00:00.000Z");
  });

  it("on the change's own night: a skipped time lands after the gap, a repeated time is the first", () => {
    // Berlin, 29 March 2026: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist
    expect(utc(2026, 3, 29, 2, 30, "Europe/Berlin")).toBe("2026-03-29T01:30:00.000Z");
    expect(utc(2026, 3, 29, 3, 30, "Europe/Berlin")).toBe("2026-03-29T01:30:00.000Z");
    expect(utc(2026, 3, 29, 1, 30, "Europe/Berlin")).toBe("2026-03-29T00:30:00.000Z");
    // Berlin, 25 October 2026: 03:00 CEST goes back to 02:00 CET, so 02:30 happens twice
    expect(utc(2026, 10, 25, 2, 30, "Europe/Berlin")).toBe("2026-10-25T00:30:00.000Z");
    expect(utc(2026, 10, 25, 9, 0, "Europe/Berlin")).toBe("2026-10-25T08:00:00.000Z");
  });

  it("reads back as the wall time asked for, for any date and zone", () => {
    const zones = [
      "America/New_York",
      "Europe/Berlin",
      "Asia/Tokyo",
      "Asia/Kolkata",
      "Pacific/Auckland",
      "Australia/Lord_Howe",
      "America/Sao_Paulo",
      "Asia/Kathmandu",
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 * 366 }),
        fc.constantFrom(...zones),
        fc.integer({ min: 5, max: 23 }),
        (offset, zone, hour) => {
          const d = localDateOf(new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000), "UTC");
          const w = wallClock(zonedTime(d, hour, 0, zone), zone);
          expect({ ...w, second: 0 }).toEqual({ ...d, hour, minute: 0, second: 0 });
        },
      ),
    );
  });
});
