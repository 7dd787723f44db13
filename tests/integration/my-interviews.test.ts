// My interviews reads each group's first rows and every group's count, so a long
// history costs no more than a short one; the groups and their order are unchanged. Real database.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { listMyInterviews } from "@/lib/data/interviews";
import { submitScorecard } from "@/lib/data/scorecards";
import { db } from "@/lib/db";
import { createInterview } from "@/seed/factories";
import { createPanel } from "../support/panel";

let p: Awaited<ReturnType<typeof createPanel>>;
const now = new Date();
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);

beforeAll(async () => {
  p = await createPanel(db);
  const mine = { candidateId: p.candidates.cand1.id, interviewerId: p.users.a.id, focusDimensionIds: [] };
  for (let i = 1; i <= 25; i++) await createInterview(db, { ...mine, scheduledAt: hours(-i * 5) });
  for (let i = 1; i <= 23; i++) await createInterview(db, { ...mine, scheduledAt: hours(i * 5) });
  const cancelled = await createInterview(db, { ...mine, scheduledAt: hours(-1) });
  await db.interview.update({ where: { id: cancelled.id }, data: { status: "cancelled" } });
  await submitScorecard(p.users.a.id, p.interviews.a.id, {
    baseVersion: 0,
    values: p.completeValues(0, "4"),
    submissionKey: randomUUID(),
  });
});

describe("listMyInterviews", () => {
  it("returns the first rows of each group with full counts, in the same order as the whole lists", async () => {
    const whole = await listMyInterviews(p.users.a.id, now);
    expect(whole.counts).toEqual({ toFill: 25, upcoming: 23, submitted: 1 });
    expect([whole.toFill.length, whole.upcoming.length, whole.submitted.length]).toEqual([25, 23, 1]);

    const first = await listMyInterviews(p.users.a.id, now, { first: 20 });
    expect(first.counts).toEqual(whole.counts);
    expect(first.toFill.map((r) => r.id)).toEqual(whole.toFill.slice(0, 20).map((r) => r.id));
    expect(first.upcoming.map((r) => r.id)).toEqual(whole.upcoming.slice(0, 20).map((r) => r.id));
    expect(first.submitted.map((r) => r.id)).toEqual([p.interviews.a.id]);
    // oldest owed first, marked overdue; soonest upcoming first
    expect(first.toFill[0].scheduledAt.getTime()).toBe(hours(-125).getTime());
    expect(first.toFill.every((r) => r.overdue)).toBe(true);
    expect(first.upcoming[0].scheduledAt.getTime()).toBe(hours(5).getTime());
  });

  it("gives a whole group when asked, and nothing of anyone else's", async () => {
    const r = await listMyInterviews(p.users.a.id, now, { first: 20, whole: ["toFill"] });
    expect(r.toFill).toHaveLength(25);
    expect(r.upcoming).toHaveLength(20);
    const other = await listMyInterviews(p.users.c.id, now, { first: 20 });
    expect(other.counts).toEqual({ toFill: 1, upcoming: 0, submitted: 0 });
    expect(other.toFill.map((i) => i.id)).toEqual([p.interviews.c.id]);
  });
});
