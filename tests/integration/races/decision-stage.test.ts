// A decision and hand-made stage moves at once (docs/decisions/014, 052): each reads the stage and
// writes the next one under the candidate's lock, so the audited stage changes form one chain from
// the first stage to the last — no two of them start from the same stale stage. On SQLite and
// PostgreSQL.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordDecision } from "@/lib/data/decisions";
import { setCandidateStage } from "@/lib/data/openings";
import { submitScorecard } from "@/lib/data/scorecards";
import { createPanel } from "../../support/panel";
import { race } from "../../support/race";

let p: Awaited<ReturnType<typeof createPanel>>;
const REASON = "Decided in the debrief after a long discussion.";

beforeAll(async () => {
  p = await createPanel(db);
  await submitScorecard(p.users.a.id, p.interviews.a.id, {
    baseVersion: 0,
    values: p.completeValues(0, "4"),
    submissionKey: randomUUID(),
  });
});

describe("decisions and stage moves at once", () => {
  it("the audited stage changes chain from the first stage to the stored one, round after round", async () => {
    const cand = p.candidates.cand1.id;
    const first = (await db.candidate.findUniqueOrThrow({ where: { id: cand } })).stage;
    const hand = ["debrief", "interviewing", "withdrawn", "hired"] as const;
    for (let round = 0; round < 4; round++) {
      const latest = await db.decision.findFirst({
        where: { candidateId: cand },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { id: true },
      });
      await race<unknown>(5, (i) =>
        i === 0
          ? recordDecision({ id: p.users.manager.id, roles: ["hiring-manager"] }, cand, {
              outcome: round % 2 ? "hold" : "hire",
              rationale: REASON,
              overrideReason: REASON,
              previousDecisionId: latest?.id ?? null,
            })
          : setCandidateStage({ id: p.users.recruiter.id, roles: ["recruiter"] }, cand, { stage: hand[i - 1] }),
      );
    }
    const edges = (await db.auditLog.findMany({ where: { entityId: cand, action: "candidate.stage-changed" } })).map(
      (a) => [JSON.parse(a.before!).stage as string, JSON.parse(a.after!).stage as string],
    );
    expect(edges.length).toBeGreaterThanOrEqual(16);
    // one chain: every stage is left as often as it is entered, except the first (left once more)
    // and the last (entered once more)
    const last = (await db.candidate.findUniqueOrThrow({ where: { id: cand } })).stage;
    const balance = new Map<string, number>();
    for (const [from, to] of edges) {
      balance.set(from, (balance.get(from) ?? 0) + 1);
      balance.set(to, (balance.get(to) ?? 0) - 1);
    }
    const expected = new Map<string, number>();
    if (first !== last) expected.set(first, 1).set(last, -1);
    for (const [stage, b] of balance) expect(b, stage).toBe(expected.get(stage) ?? 0);
    expect(await db.decision.count({ where: { candidateId: cand } })).toBe(4);
  });
});
