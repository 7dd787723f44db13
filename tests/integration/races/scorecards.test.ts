// Scorecard writes under concurrency (docs/decisions/014): autosaves from one base version, submits
// from one base with different keys, amendments from one base: one wins, the others are told the
// scorecard moved on (StaleScorecardError), and nothing is written twice.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { amendScorecard, saveDraft, submitScorecard } from "@/lib/data/scorecards";
import { InterviewNotStartedError, StaleScorecardError } from "@/lib/errors";
import { createInterview } from "@/seed/factories";
import { createPanel } from "../../support/panel";
import { fulfilled, race, rejected } from "../../support/race";

const N = 10;
let p: Awaited<ReturnType<typeof createPanel>>;

beforeAll(async () => {
  p = await createPanel(db);
  await db.webhookEndpoint.create({
    data: {
      url: "https://hooks.example.com/cards",
      events: "scorecard.submitted",
      secret: "s",
      createdById: p.users.manager.id,
    },
  });
});

const valuesSaying = (i: number, text: string) => {
  const v = p.completeValues(i);
  v.keyTakeaways = text;
  return v;
};

describe("scorecard writes at once", () => {
  it("N first autosaves (base 0), then N autosaves from one base: one wins each time, the others are stale", async () => {
    const { a } = p.users;
    const iv = p.interviews.a.id;
    const first = await race(N, (i) =>
      saveDraft(a.id, iv, { baseVersion: 0, values: valuesSaying(0, `first tab ${i}`) }),
    );
    expect(fulfilled(first)).toHaveLength(1);
    for (const e of rejected(first)) expect(e).toBeInstanceOf(StaleScorecardError);
    expect(await db.scorecard.count({ where: { interviewId: iv } })).toBe(1);
    for (let round = 0; round < 3; round++) {
      const sc = await db.scorecard.findUniqueOrThrow({ where: { interviewId: iv } });
      const results = await race(N, (i) =>
        saveDraft(a.id, iv, { baseVersion: sc.version, values: valuesSaying(0, `round ${round} tab ${i}`) }),
      );
      const won = fulfilled(results);
      expect(won).toHaveLength(1);
      for (const e of rejected(results)) expect(e).toBeInstanceOf(StaleScorecardError);
      const after = await db.scorecard.findUniqueOrThrow({ where: { interviewId: iv } });
      expect(after.version).toBe(sc.version + 1);
      expect(won[0].version).toBe(after.version);
    }
  });

  it("N submits at once of an interview not started yet: every one refused, the draft unchanged, nothing audited or sent", async () => {
    const { a } = p.users;
    const ex = p.version.exercises[0];
    const iv = (
      await createInterview(db, {
        candidateId: p.candidates.cand2.id,
        interviewerId: a.id,
        exerciseId: ex.id,
        scheduledAt: new Date(Date.now() + 86_400_000),
        focusDimensionIds: ex.dimensions.map((d) => d.dimensionId),
      })
    ).id;
    const base = (await saveDraft(a.id, iv, { baseVersion: 0, values: valuesSaying(0, "ahead") })).version;
    const results = await race(N, (i) =>
      submitScorecard(a.id, iv, {
        baseVersion: base,
        values: valuesSaying(0, `early ${i}`),
        submissionKey: randomUUID(),
      }),
    );
    expect(fulfilled(results)).toHaveLength(0);
    for (const e of rejected(results)) expect(e).toBeInstanceOf(InterviewNotStartedError);
    const sc = await db.scorecard.findUniqueOrThrow({ where: { interviewId: iv } });
    expect(sc).toMatchObject({ status: "draft", version: base, keyTakeaways: "ahead", submittedAt: null });
    expect(await db.auditLog.count({ where: { action: "scorecard.submitted", entityId: sc.id } })).toBe(0);
    expect(await db.webhookDelivery.count({ where: { payload: { contains: sc.id } } })).toBe(0);
  });

  it("N submits from one base with different keys: one submission, one audit entry, one delivery", async () => {
    const { b } = p.users;
    const iv = p.interviews.b.id;
    const base = (await saveDraft(b.id, iv, { baseVersion: 0, values: valuesSaying(1, "draft") })).version;
    const results = await race(N, (i) =>
      submitScorecard(b.id, iv, {
        baseVersion: base,
        values: valuesSaying(1, `tab ${i}`),
        submissionKey: randomUUID(),
      }),
    );
    expect(fulfilled(results)).toHaveLength(1);
    for (const e of rejected(results)) expect(e).toBeInstanceOf(StaleScorecardError);
    const sc = await db.scorecard.findUniqueOrThrow({ where: { interviewId: iv } });
    expect(sc.status).toBe("submitted");
    expect(await db.auditLog.count({ where: { action: "scorecard.submitted", entityId: sc.id } })).toBe(1);
    expect(
      await db.webhookDelivery.count({ where: { event: "scorecard.submitted", payload: { contains: sc.id } } }),
    ).toBe(1);
  });

  it("N amendments from one base version: one amendment, the others are stale", async () => {
    const { b } = p.users;
    const iv = p.interviews.b.id;
    const sc = await db.scorecard.findUniqueOrThrow({ where: { interviewId: iv } });
    const results = await race(N, (i) =>
      amendScorecard(b.id, iv, {
        baseVersion: sc.version,
        values: valuesSaying(1, `amended in tab ${i}`),
        reason: `Correcting the take-aways, tab ${i}.`,
      }),
    );
    expect(fulfilled(results)).toHaveLength(1);
    for (const e of rejected(results)) expect(e).toBeInstanceOf(StaleScorecardError);
    expect(await db.scorecardAmendment.count({ where: { scorecardId: sc.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "scorecard.amended", entityId: sc.id } })).toBe(1);
    expect((await db.scorecard.findUniqueOrThrow({ where: { id: sc.id } })).version).toBe(sc.version + 1);
  });
});
