// The openings list (docs/decisions/053-lists-that-apply-as-you-choose.md): open before closed,
// and per opening the scorecards overdue and the candidates awaiting a decision, counted in SQL
// for all the viewer's openings at once, on SQLite and PostgreSQL.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listOpenings } from "@/lib/data/candidate-list";
import { recordDecision } from "@/lib/data/decisions";
import { submitScorecard } from "@/lib/data/scorecards";
import { createCandidate, createInterview, createOpening } from "@/seed/factories";
import { createPanel } from "../support/panel";

let p: Awaited<ReturnType<typeof createPanel>>;
let closedId = "";
const recruiter = () => ({ id: p.users.recruiter.id, roles: ["recruiter"] as const });

beforeAll(async () => {
  p = await createPanel(db);
  // candidate 1: A's and B's scorecards in, so the loop is complete; candidate 2: C's owed for days
  for (const [i, who] of (["a", "b"] as const).entries())
    await submitScorecard(p.users[who].id, p.interviews[who].id, {
      baseVersion: 0,
      values: p.completeValues(i, "4"),
      submissionKey: randomUUID(),
    });
  await db.interview.update({
    where: { id: p.interviews.c.id },
    data: { scheduledAt: new Date(Date.now() - 5 * 86_400_000) },
  });
  // an older, closed opening created after the panel's: newest-first alone would list it first
  const closed = await createOpening(db, {
    title: "Closed round",
    templateVersionId: p.version.id,
    hiringManagerId: p.users.manager.id,
    recruiterId: p.users.recruiter.id,
  });
  closedId = closed.id;
  await db.opening.update({ where: { id: closed.id }, data: { status: "closed" } });
  const past = await createCandidate(db, { openingId: closed.id, name: "Past", email: "past@example.com" });
  await createInterview(db, {
    candidateId: past.id,
    interviewerId: p.users.c.id,
    scheduledAt: new Date(Date.now() - 9 * 86_400_000),
    focusDimensionIds: p.kitFor(0).focusDimensionIds,
  });
});

describe("the openings list", () => {
  it("lists open openings before closed ones, with overdue scorecards and candidates awaiting a decision", async () => {
    const list = await listOpenings(recruiter());
    expect(list.map((o) => o.status)).toEqual(["open", "closed"]);
    const [open, closed] = list;
    expect(closed.id).toBe(closedId);
    expect(open).toMatchObject({ overdue: 1, awaiting: [{ id: p.candidates.cand1.id, name: "Candidate One" }] });
    expect(closed).toMatchObject({ overdue: 1, awaiting: [] });
  });

  it("a decision takes the candidate off the awaiting list", async () => {
    await recordDecision({ id: p.users.manager.id, roles: ["hiring-manager"] }, p.candidates.cand1.id, {
      outcome: "hold",
      rationale: "Waiting for the second team's view on this one.",
    });
    const [open] = await listOpenings(recruiter());
    expect(open.awaiting).toEqual([]);
  });
});
