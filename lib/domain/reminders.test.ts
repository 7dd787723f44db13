import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkInKey,
  currentReminder,
  digestDueKey,
  inviteKey,
  latestDueIndex,
  parseReminderKey,
  reminderRetryDelayMs,
  reminderSchedule,
  reminderWindowMs,
  safeTimeZone,
  scorecardReminderKey,
  wallClock,
} from "./reminders";

// Every instant below was worked out by hand from the zones' published offsets for 2026:
// New York EST −05:00 (EDT −04:00 from 8 March), Berlin CET +01:00 (CEST +02:00 from 29 March to
// 25 October), Tokyo +09:00, Kolkata +05:30, Auckland NZDT +13:00 in December. 4 December 2026 is
// a Friday.
const iso = (ds: Date[]) => ds.map((d) => d.toISOString());
const at = (s: string) => new Date(s);

describe("reminderSchedule", () => {
  it("Friday-afternoon interview in New York: +1 h, then Mon, Tue, Wed 09:00 EST (14:00Z)", () => {
    const s = reminderSchedule({ endsAt: at("2026-12-04T20:00:00Z"), timeZone: "America/New_York", followUpDays: 3 });
    expect(iso(s)).toEqual([
      "2026-12-04T21:00:00.000Z",
      "2026-12-07T14:00:00.000Z",
      "2026-12-08T14:00:00.000Z",
      "2026-12-09T14:00:00.000Z",
    ]);
  });

  it("an interview ending late on Sunday in Tokyo: the first lands on Monday (local), so follow-ups start Tuesday", () => {
    // ends Sun 6 Dec 23:30 JST (14:30Z); +1 h is Mon 00:30 JST
    const s = reminderSchedule({ endsAt: at("2026-12-06T14:30:00Z"), timeZone: "Asia/Tokyo", followUpDays: 3 });
    expect(iso(s)).toEqual([
      "2026-12-06T15:30:00.000Z",
      "2026-12-08T00:00:00.000Z",
      "2026-12-09T00:00:00.000Z",
      "2026-12-10T00:00:00.000Z",
    ]);
    // ends Sun 20:00 JST: the first is still on Sunday, so Monday 09:00 JST (Sunday 24:00Z) follows
    const sunday = reminderSchedule({ endsAt: at("2026-12-06T11:00:00Z"), timeZone: "Asia/Tokyo", followUpDays: 2 });
    expect(iso(sunday)).toEqual(["2026-12-06T12:00:00.000Z", "2026-12-07T00:00:00.000Z", "2026-12-08T00:00:00.000Z"]);
  });

  it("the same instant gives different days in different zones", () => {
    // Friday 4 Dec 23:30Z is Friday evening in New York but Saturday morning in Auckland and Tokyo
    const end = at("2026-12-04T22:30:00Z");
    expect(iso(reminderSchedule({ endsAt: end, timeZone: "America/New_York", followUpDays: 1 }))).toEqual([
      "2026-12-04T23:30:00.000Z",
      "2026-12-07T14:00:00.000Z",
    ]);
    expect(iso(reminderSchedule({ endsAt: end, timeZone: "Pacific/Auckland", followUpDays: 1 }))).toEqual([
      "2026-12-04T23:30:00.000Z",
      "2026-12-06T20:00:00.000Z",
    ]);
    expect(iso(reminderSchedule({ endsAt: end, timeZone: "UTC", followUpDays: 1 }))).toEqual([
      "2026-12-04T23:30:00.000Z",
      "2026-12-07T09:00:00.000Z",
    ]);
  });

  it("Berlin across the end of summer time: 09:00 is 07:00Z before 25 October and 08:00Z after", () => {
    // ends Thu 22 Oct 16:00 CEST (14:00Z)
    const s = reminderSchedule({ endsAt: at("2026-10-22T14:00:00Z"), timeZone: "Europe/Berlin", followUpDays: 3 });
    expect(iso(s)).toEqual([
      "2026-10-22T15:00:00.000Z",
      "2026-10-23T07:00:00.000Z",
      "2026-10-26T08:00:00.000Z",
      "2026-10-27T08:00:00.000Z",
    ]);
  });

  it("Berlin across the start of summer time: 08:00Z on Friday, 07:00Z from Monday", () => {
    // ends Thu 26 Mar 16:00 CET (15:00Z)
    const s = reminderSchedule({ endsAt: at("2026-03-26T15:00:00Z"), timeZone: "Europe/Berlin", followUpDays: 3 });
    expect(iso(s)).toEqual([
      "2026-03-26T16:00:00.000Z",
      "2026-03-27T08:00:00.000Z",
      "2026-03-30T07:00:00.000Z",
      "2026-03-31T07:00:00.000Z",
    ]);
  });

  it("half-hour offsets: Kolkata (+05:30) skips the weekend; Auckland's Monday is Sunday in UTC", () => {
    // Kolkata: ends Wed 2 Dec 18:00 IST (12:30Z)
    const k = reminderSchedule({ endsAt: at("2026-12-02T12:30:00Z"), timeZone: "Asia/Kolkata", followUpDays: 3 });
    expect(iso(k)).toEqual([
      "2026-12-02T13:30:00.000Z",
      "2026-12-03T03:30:00.000Z",
      "2026-12-04T03:30:00.000Z",
      "2026-12-07T03:30:00.000Z",
    ]);
    // Auckland: ends Fri 4 Dec 16:00 NZDT (03:00Z)
    const a = reminderSchedule({ endsAt: at("2026-12-04T03:00:00Z"), timeZone: "Pacific/Auckland", followUpDays: 3 });
    expect(iso(a)).toEqual([
      "2026-12-04T04:00:00.000Z",
      "2026-12-06T20:00:00.000Z",
      "2026-12-07T20:00:00.000Z",
      "2026-12-08T20:00:00.000Z",
    ]);
  });

  it("followUpDays = 0 gives only the first reminder", () => {
    expect(
      iso(reminderSchedule({ endsAt: at("2026-12-04T20:00:00Z"), timeZone: "America/New_York", followUpDays: 0 })),
    ).toEqual(["2026-12-04T21:00:00.000Z"]);
  });

  it("never before the interview ended: every instant is later than the end, increasing; follow-ups at 09:00 local on weekdays", () => {
    const zones = [
      "UTC",
      "America/New_York",
      "America/Los_Angeles",
      "Europe/Berlin",
      "Asia/Tokyo",
      "Asia/Kolkata",
      "Pacific/Auckland",
      "Pacific/Kiritimati",
      "Pacific/Pago_Pago",
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 20 }),
        (t, zone, n) => {
          const endsAt = new Date(t);
          const s = reminderSchedule({ endsAt, timeZone: zone, followUpDays: n });
          expect(s).toHaveLength(n + 1);
          expect(s[0].getTime()).toBe(t + 3600_000);
          for (let i = 1; i < s.length; i++) {
            expect(s[i].getTime()).toBeGreaterThan(s[i - 1].getTime());
            const w = wallClock(s[i], zone);
            expect([w.hour, w.minute]).toEqual([9, 0]);
            expect([1, 2, 3, 4, 5]).toContain(new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay());
          }
          expect(s.every((d) => d.getTime() > t)).toBe(true);
        },
      ),
    );
  });
});

describe("which reminder is due", () => {
  const input = { endsAt: at("2026-12-04T20:00:00Z"), timeZone: "America/New_York", followUpDays: 3 };
  const s = reminderSchedule(input);

  it("latestDueIndex: none before the first, then the latest whose time has come", () => {
    expect(latestDueIndex(s, at("2026-12-04T20:59:59Z"))).toBeNull();
    expect(latestDueIndex(s, at("2026-12-04T21:00:00Z"))).toBe(0);
    expect(latestDueIndex(s, at("2026-12-07T13:59:59Z"))).toBe(0);
    expect(latestDueIndex(s, at("2026-12-07T14:00:00Z"))).toBe(1);
    expect(latestDueIndex(s, at("2027-01-01T00:00:00Z"))).toBe(3);
  });

  it("currentReminder: nothing before end + 1 h; a worker down for days gets only the current one; nothing after the schedule", () => {
    expect(currentReminder(input, at("2026-12-04T20:30:00Z"))).toBeNull();
    expect(currentReminder(input, at("2026-12-04T21:00:00Z"))).toEqual({ index: 0, dueAt: s[0] });
    expect(currentReminder(input, at("2026-12-05T12:00:00Z"))).toEqual({ index: 0, dueAt: s[0] }); // Saturday
    expect(currentReminder(input, at("2026-12-09T15:00:00Z"))).toEqual({ index: 3, dueAt: s[3] });
    // the last stays current until the slot a fourth follow-up would have had (Thu 09:00 EST)
    expect(currentReminder(input, at("2026-12-10T13:59:59Z"))).toEqual({ index: 3, dueAt: s[3] });
    expect(currentReminder(input, at("2026-12-10T14:00:00Z"))).toBeNull();
    expect(currentReminder({ ...input, followUpDays: 0 }, at("2026-12-07T14:00:00Z"))).toBeNull();
  });

  it("reminderWindowMs bounds how long after the end a reminder can be current", () => {
    const zones = [
      "UTC",
      "America/New_York",
      "Europe/Berlin",
      "Asia/Tokyo",
      "Pacific/Auckland",
      "Pacific/Kiritimati",
      "Pacific/Pago_Pago",
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 20 }),
        (t, zone, n) => {
          const endsAt = new Date(t);
          const end = reminderSchedule({ endsAt, timeZone: zone, followUpDays: n + 1 }).at(-1)!;
          expect(end.getTime() - t).toBeLessThanOrEqual(reminderWindowMs(n));
          expect(
            currentReminder({ endsAt, timeZone: zone, followUpDays: n }, new Date(t + reminderWindowMs(n))),
          ).toBeNull();
        },
      ),
    );
  });
});

describe("digestDueKey", () => {
  it("is the local date from 09:00 on a business day, null before and at weekends", () => {
    expect(digestDueKey(at("2026-12-07T13:59:59Z"), "America/New_York")).toBeNull(); // Mon 08:59:59 EST
    expect(digestDueKey(at("2026-12-07T14:00:00Z"), "America/New_York")).toBe("2026-12-07");
    expect(digestDueKey(at("2026-12-08T03:00:00Z"), "America/New_York")).toBe("2026-12-07"); // Mon 22:00 EST
    expect(digestDueKey(at("2026-12-05T15:00:00Z"), "America/New_York")).toBeNull(); // Saturday
    // Auckland: Monday 09:00 NZDT is Sunday 20:00Z; Friday 22:00Z is Saturday there
    expect(digestDueKey(at("2026-12-06T20:00:00Z"), "Pacific/Auckland")).toBe("2026-12-07");
    expect(digestDueKey(at("2026-12-04T22:00:00Z"), "Pacific/Auckland")).toBeNull();
    expect(digestDueKey(at("2026-12-04T22:00:00Z"), "UTC")).toBe("2026-12-04");
    // Kolkata: 09:00 IST is 03:30Z
    expect(digestDueKey(at("2026-12-07T03:29:00Z"), "Asia/Kolkata")).toBeNull();
    expect(digestDueKey(at("2026-12-07T03:30:00Z"), "Asia/Kolkata")).toBe("2026-12-07");
  });
});

describe("keys, zones and retries", () => {
  it("parses the keys it makes and refuses others", () => {
    expect(parseReminderKey(scorecardReminderKey("cabc123", 2))).toEqual({
      kind: "scorecard",
      interviewId: "cabc123",
      n: 2,
    });
    expect(parseReminderKey("digest:u1:2026-12-07")).toEqual({ kind: "digest", userId: "u1", date: "2026-12-07" });
    expect(parseReminderKey("scorecard:x")).toBeNull();
    expect(parseReminderKey(inviteKey("cint1", 3, "cuser1"))).toEqual({
      kind: "invite",
      interviewId: "cint1",
      sequence: 3,
      userId: "cuser1",
    });
    expect(parseReminderKey("invite:cint1:x:cuser1")).toBeNull();
    expect(parseReminderKey(checkInKey("ccand1", 90))).toEqual({ kind: "checkin", candidateId: "ccand1", days: 90 });
    expect(parseReminderKey("checkin:ccand1:ninety")).toBeNull();
  });
  it("an unknown zone falls back to UTC", () => {
    expect(safeTimeZone("Mars/Olympus_Mons")).toBe("UTC");
    expect(safeTimeZone("")).toBe("UTC");
    expect(safeTimeZone("Asia/Tokyo")).toBe("Asia/Tokyo");
  });
  it("waits 1 then 5 minutes between attempts", () => {
    expect([reminderRetryDelayMs(1), reminderRetryDelayMs(2)]).toEqual([60_000, 300_000]);
  });
});
