// Submission keys are scoped to the scorecard (docs/decisions/014): a key someone else used is
// just a key; the same key again from the same interviewer, one after another or N at once, is
// one submission with one audit entry and one webhook delivery, and the repeats say `repeated`.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { submitScorecard } from "@/lib/data/scorecards";
import { createPanel } from "../../support/panel";
import { fulfilled, race } from "../../support/race";

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

const deliveriesFor = (scorecardId: string) =>
  db.webhookDelivery.count({ where: { event: "scorecard.submitted", payload: { contains: scorecardId } } });

describe("submission keys", () => {
  it("two interviewers submitting with one key both submit; the same interviewer's repeat is the first submission", async () => {
    const key = "shared-key-0001";
    const a = await submitScorecard(p.users.a.id, p.interviews.a.id, {
      baseVersion: 0,
      values: p.completeValues(0),
      submissionKey: key,
    });
    const b = await submitScorecard(p.users.b.id, p.interviews.b.id, {
      baseVersion: 0,
      values: p.completeValues(1),
      submissionKey: key,
    });
    expect(a).toMatchObject({ status: "submitted", repeated: false });
    expect(b).toMatchObject({ status: "submitted", repeated: false });
    expect(await db.scorecard.count({ where: { submissionKey: key, status: "submitted" } })).toBe(2);

    const again = await submitScorecard(p.users.a.id, p.interviews.a.id, {
      baseVersion: 0,
      values: p.completeValues(0),
      submissionKey: key,
    });
    expect(again).toEqual({ ...a, repeated: true });
    const sc = await db.scorecard.findUniqueOrThrow({ where: { interviewId: p.interviews.a.id } });
    expect(await db.auditLog.count({ where: { action: "scorecard.submitted", entityId: sc.id } })).toBe(1);
    expect(await deliveriesFor(sc.id)).toBe(1);
  });

  it("N submits at once with one key: one submission, one audit entry, one delivery; the others repeat it", async () => {
    const iv = p.interviews.c.id;
    const key = "one-key-at-once-0001";
    const results = await race(N, () =>
      submitScorecard(p.users.c.id, iv, { baseVersion: 0, values: p.completeValues(2), submissionKey: key }),
    );
    const ok = fulfilled(results);
    expect(ok).toHaveLength(N);
    expect(ok.filter((r) => !r.repeated)).toHaveLength(1);
    const sc = await db.scorecard.findUniqueOrThrow({ where: { interviewId: iv } });
    for (const r of ok) expect(r).toMatchObject({ status: "submitted", version: sc.version });
    expect(await db.auditLog.count({ where: { action: "scorecard.submitted", entityId: sc.id } })).toBe(1);
    expect(await deliveriesFor(sc.id)).toBe(1);
  });
});
