// How it ended (docs/decisions/077-how-it-ended.md) on a real database: once a decision is recorded,
// each interviewer who submitted on the candidate sees the outcome beside their own recommendation
// (page data and GET /api/v1/me/outcomes), only their own, never before submitting; a revision
// replaces the outcome; the calibration page counts agreement with final decisions, with n and
// a 95% interval, recomputed when a decision is recorded.
import { beforeAll, describe, expect, it } from "vitest";
import { getCalibration } from "@/lib/data/calibration";
import { recordDecision } from "@/lib/data/decisions";
import { myOutcomes } from "@/lib/data/decision-feedback";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/data/api-tokens";
import { createInterview, createScorecard, createUser } from "@/seed/factories";
import { api } from "../support/api-client";
import { createPanel } from "../support/panel";

let p: Awaited<ReturnType<typeof createPanel>>;
const manager = () => ({ id: p.users.manager.id, roles: ["hiring-manager" as const] });
const as = (id: string) => ({ id, roles: ["interviewer" as const] });
let tokenA = "";

beforeAll(async () => {
  p = await createPanel(db);
  const dims = p.version.dimensions.map((d) => d.id);
  const rate = (interview: { id: string; candidateId: string; interviewerId: string }, rec: "yes" | "no") =>
    createScorecard(db, {
      interview,
      ratings: dims.map((dimensionId) => ({
        dimensionId,
        rating: rec === "yes" ? 4 : 2,
        evidence: "Seen in the exercise.",
      })),
      recommendation: rec,
    });
  // candidate one: A says yes, B says no; candidate two: C says yes
  await rate(p.interviews.a, "yes");
  await rate(p.interviews.b, "no");
  await rate(p.interviews.c, "yes");
  const admin = await createUser(db, { email: "outcomes-admin@test.local", name: "Admin", roles: ["admin"] });
  tokenA = (await createApiToken({ id: admin.id, roles: ["admin"] }, { userId: p.users.a.id, name: "A's scripts" }))
    .token;
});

const decide = (candidateId: string, outcome: "hire" | "no-hire" | "hold", previousDecisionId: string | null = null) =>
  recordDecision(manager(), candidateId, {
    outcome,
    rationale: "Debrief held; the panel's evidence was discussed in full.",
    overrideReason: "The debrief weighed the exercise more than the numbers do.",
    previousDecisionId,
  });

describe("how it ended", () => {
  it("nothing before a decision; then each interviewer sees the outcome and their own recommendation only", async () => {
    expect((await myOutcomes(as(p.users.a.id))).total).toBe(0);
    const first = await decide(p.candidates.cand1.id, "hire");
    const a = await myOutcomes(as(p.users.a.id));
    expect(a.outcomes).toEqual([
      expect.objectContaining({
        interviewId: p.interviews.a.id,
        candidateName: "Candidate One",
        outcome: "hire",
        yourRecommendation: "yes",
        agreement: "agreed",
      }),
    ]);
    const b = await myOutcomes(as(p.users.b.id));
    expect(b.outcomes.map((o) => [o.yourRecommendation, o.agreement])).toEqual([["no", "differed"]]);
    // C interviewed only candidate two, undecided
    expect((await myOutcomes(as(p.users.c.id))).total).toBe(0);
    // nothing of anyone else's in A's answer
    expect(JSON.stringify(a)).not.toMatch(/"no"|Interviewer B/);

    // a revision replaces the outcome; Hold does not count
    await decide(p.candidates.cand1.id, "hold", first.id);
    const held = await myOutcomes(as(p.users.a.id));
    expect(held.outcomes[0]).toMatchObject({ outcome: "hold", agreement: null });
    expect(held.agreement).toMatchObject({ n: 0, rate: null });
  });

  it("never for an interview whose scorecard is not submitted", async () => {
    const later = await createInterview(db, {
      candidateId: p.candidates.cand1.id,
      interviewerId: p.users.c.id,
      scheduledAt: new Date(Date.now() - 3_600_000),
      focusDimensionIds: [p.version.dimensions[0].id],
    });
    expect((await myOutcomes(as(p.users.c.id))).outcomes.map((o) => o.interviewId)).not.toContain(later.id);
  });

  it("GET /api/v1/me/outcomes answers the token's user's own", async () => {
    const res = await api("GET", "/api/v1/me/outcomes", { token: tokenA });
    expect(res.status).toBe(200);
    expect(res.body.outcomes.map((o: { interviewId: string }) => o.interviewId)).toEqual([p.interviews.a.id]);
    expect((await api("GET", "/api/v1/me/outcomes", { token: null })).status).toBe(401);
  });

  it("the calibration page: agreement with final decisions per interviewer, n and interval, fresh after a decision", async () => {
    const admin = { id: p.users.manager.id, roles: ["admin" as const] };
    const before = await getCalibration(admin);
    const row = (c: typeof before, id: string) => c.interviewers.find((i) => i.id === id)!;
    // candidate one is on Hold: nothing counts yet
    expect(row(before, p.users.a.id).decisions).toMatchObject({ agreed: 0, n: 0 });
    const held = await db.decision.findFirstOrThrow({
      where: { candidateId: p.candidates.cand1.id },
      orderBy: { createdAt: "desc" },
    });
    await decide(p.candidates.cand1.id, "no-hire", held.id);
    await decide(p.candidates.cand2.id, "no-hire");
    const after = await getCalibration(admin);
    // A said yes to one (no-hire: differed); B said no (agreed); C said yes to two (differed)
    expect(row(after, p.users.a.id).decisions).toMatchObject({ agreed: 0, n: 1, rate: 0 });
    const b = row(after, p.users.b.id).decisions;
    expect(b).toMatchObject({ agreed: 1, n: 1, rate: 1 });
    // Wilson at 1 of 1: 0.2065 to 1
    expect(b.low).toBeCloseTo(0.2065, 3);
    expect(b.high).toBe(1);
    expect(row(after, p.users.c.id).decisions).toMatchObject({ agreed: 0, n: 1 });
  });
});
