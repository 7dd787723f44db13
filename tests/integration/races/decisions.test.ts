// Decisions under concurrency (docs/decisions/014): N revisions sent at once from one page (the
// same previousDecisionId) record one decision, one audit entry and one webhook delivery; the
// others are refused as stale. Round after round, on SQLite and PostgreSQL.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordDecision } from "@/lib/data/decisions";
import { submitScorecard } from "@/lib/data/scorecards";
import { ConflictError } from "@/lib/errors";
import { createPanel } from "../../support/panel";
import { fulfilled, race, rejected } from "../../support/race";

const N = 10;
let p: Awaited<ReturnType<typeof createPanel>>;
const manager = () => ({ id: p.users.manager.id, roles: ["hiring-manager" as const] });

beforeAll(async () => {
  p = await createPanel(db);
  await submitScorecard(p.users.a.id, p.interviews.a.id, {
    baseVersion: 0,
    values: p.completeValues(0, "3"),
    submissionKey: randomUUID(),
  });
  await db.webhookEndpoint.create({
    data: {
      url: "https://hooks.example.com/decisions",
      events: "decision.recorded",
      secret: "s",
      createdById: p.users.manager.id,
    },
  });
});

describe("decisions at once", () => {
  it("N revisions from one stale page: one is recorded, the others are refused, round after round", async () => {
    const cand = p.candidates.cand1.id;
    for (let round = 0; round < 4; round++) {
      const latest = await db.decision.findFirst({
        where: { candidateId: cand },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { id: true },
      });
      const results = await race(N, (i) =>
        recordDecision(manager(), cand, {
          outcome: "hold",
          rationale: `Round ${round}, tab ${i}: waiting for references.`,
          previousDecisionId: latest?.id ?? null,
        }),
      );
      expect(fulfilled(results), `round ${round}`).toHaveLength(1);
      for (const e of rejected(results)) expect(e).toBeInstanceOf(ConflictError);
      expect(await db.decision.count({ where: { candidateId: cand } })).toBe(round + 1);
      expect(
        await db.auditLog.count({
          where: { entityId: cand, action: { in: ["decision.recorded", "decision.revised"] } },
        }),
      ).toBe(round + 1);
      expect(await db.webhookDelivery.count({ where: { event: "decision.recorded" } })).toBe(round + 1);
    }
    // the history is a chain: each revision names the one before it
    const deliveries = await db.webhookDelivery.findMany({
      where: { event: "decision.recorded" },
      orderBy: { createdAt: "asc" },
      select: { payload: true },
    });
    const chain = deliveries.map(
      (d) => JSON.parse(d.payload).data as { decisionId: string; revisesDecisionId: string | null },
    );
    expect(new Set(chain.map((c) => c.revisesDecisionId)).size).toBe(chain.length);
  });
});
