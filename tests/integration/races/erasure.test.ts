// Erasure racing writes (docs/decisions/014): while N people write about a candidate (autosaves,
// a submission, decisions, stage changes), the candidate is erased. Afterwards no text any
// writer sent survives — what landed before the erasure was erased with the rest, what came after
// was refused with CandidateErasedError — and the erased fields stay erased.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordDecision } from "@/lib/data/decisions";
import { setCandidateStage } from "@/lib/data/openings";
import { ERASED, eraseCandidate, eraseExpiredCandidates } from "@/lib/data/privacy";
import { saveDraft } from "@/lib/data/scorecards";
import { StaleScorecardError } from "@/lib/errors";
import { CandidateErasedError, ConflictError } from "@/lib/errors";
import { CANDIDATE_STAGES } from "@/lib/domain/vocabulary";
import { createCandidate, createInterview, createUser } from "@/seed/factories";
import { createPanel } from "../../support/panel";
import { fulfilled, race } from "../../support/race";

const N = 8;
const MARK = "writer-text";
let p: Awaited<ReturnType<typeof createPanel>>;
let writers: { userId: string; interviewId: string }[];
const recruiter = () => ({ id: p.users.recruiter.id, roles: ["recruiter" as const] });
const manager = () => ({ id: p.users.manager.id, roles: ["hiring-manager" as const] });

beforeAll(async () => {
  p = await createPanel(db);
  const cand = p.candidates.cand1.id;
  const ex = await db.exercise.findFirstOrThrow({
    where: { versionId: p.version.id },
    orderBy: { position: "asc" },
    select: { id: true, dimensions: { select: { dimensionId: true } } },
  });
  writers = [];
  for (let i = 0; i < N; i++) {
    const u = await createUser(db, { email: `writer-${i}@test.local`, name: `Writer ${i}`, roles: ["interviewer"] });
    const iv = await createInterview(db, {
      candidateId: cand,
      interviewerId: u.id,
      exerciseId: ex.id,
      scheduledAt: new Date(Date.now() - 3_600_000),
      focusDimensionIds: ex.dimensions.map((d) => d.dimensionId),
    });
    writers.push({ userId: u.id, interviewId: iv.id });
  }
});

/** Writes until refused as erased (at most `max` times); other refusals (stale, conflict) are part of the race. */
async function keepWriting(write: (n: number) => Promise<unknown>, max = 25) {
  for (let n = 0; n < max; n++) {
    try {
      await write(n);
    } catch (e) {
      if (e instanceof CandidateErasedError) return "refused as erased";
      if (!(e instanceof StaleScorecardError || e instanceof ConflictError)) throw e;
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  return "never refused";
}

async function textsAbout(candidateId: string) {
  const cards = await db.scorecard.findMany({
    where: { candidateId },
    select: {
      id: true,
      keyTakeaways: true,
      ratings: { select: { evidence: true } },
      redFlags: { select: { note: true } },
    },
  });
  const decisions = await db.decision.findMany({
    where: { candidateId },
    select: { rationale: true, overrideReason: true },
  });
  const audit = await db.auditLog.findMany({
    where: { OR: [{ entityId: candidateId }, { entityId: { in: cards.map((c) => c.id) } }] },
    select: { action: true, before: true, after: true },
  });
  return { cards, decisions, audit };
}

describe("erasure while others write", () => {
  it("no text sent by a writer survives, and the erased fields stay erased", async () => {
    const cand = p.candidates.cand1.id;
    const valuesFor = (w: number, n: number) => {
      const v = p.completeValues(0);
      for (const k of Object.keys(v.ratings))
        if (v.ratings[k].evidence) v.ratings[k].evidence = `${MARK} ${w}.${n} evidence`;
      v.keyTakeaways = `${MARK} ${w}.${n} take-away`;
      return v;
    };
    const stages = CANDIDATE_STAGES.filter((s) => s !== "applied");
    const outcomes = await race(N + 3, async (i) => {
      if (i < N) {
        const { userId, interviewId } = writers[i];
        return keepWriting(async (n) => {
          const sc = await db.scorecard.findUnique({ where: { interviewId }, select: { version: true } });
          await saveDraft(userId, interviewId, { baseVersion: sc?.version ?? 0, values: valuesFor(i, n) });
        });
      }
      if (i === N) {
        return keepWriting(async (n) => {
          const latest = await db.decision.findFirst({
            where: { candidateId: cand },
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            select: { id: true },
          });
          await recordDecision(manager(), cand, {
            outcome: "hold",
            rationale: `${MARK} decision ${n}: waiting for references.`,
            previousDecisionId: latest?.id ?? null,
          });
        });
      }
      if (i === N + 1)
        return keepWriting((n) => setCandidateStage(recruiter(), cand, { stage: stages[n % stages.length] }));
      // the erasure, once the writers are under way (some drafts and a decision stored)
      for (let t = 0; t < 500; t++) {
        const [drafts, decided] = await Promise.all([
          db.scorecard.count({ where: { candidateId: cand } }),
          db.decision.count({ where: { candidateId: cand } }),
        ]);
        if (drafts >= N / 2 && decided) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      await eraseCandidate(recruiter(), cand, {
        reason: "The candidate asked us to delete their data.",
        confirm: "ERASE",
      });
      return "erased";
    });
    expect(outcomes.map((o) => (o.status === "fulfilled" ? o.value : String(o.reason)))).toEqual([
      ...Array(N + 2).fill("refused as erased"),
      "erased",
    ]);

    const { cards, decisions, audit } = await textsAbout(cand);
    expect(JSON.stringify({ cards, decisions, audit })).not.toContain(MARK);
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) {
      expect(c.keyTakeaways).toBe(ERASED);
      for (const r of c.ratings) expect(["", ERASED]).toContain(r.evidence);
    }
    for (const d of decisions) expect(d.rationale).toBe(ERASED);
    const candidate = await db.candidate.findUniqueOrThrow({ where: { id: cand } });
    expect(candidate).toMatchObject({ name: "Erased candidate", notes: "", source: "" });
    expect(candidate.erasedAt).not.toBeNull();
    expect(audit.filter((a) => a.action === "candidate.erased")).toHaveLength(1);
  });

  it("N erasures at once: one erases, the others are told it is done", async () => {
    const cand = p.candidates.cand2.id;
    const results = await race(N, () =>
      eraseCandidate(recruiter(), cand, { reason: "The candidate asked us to delete their data.", confirm: "ERASE" }),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ConflictError);
    expect(await db.auditLog.count({ where: { action: "candidate.erased", entityId: cand } })).toBe(1);
  });

  it("retention passes at once (two instances): each due candidate erased once, and every pass completes", async () => {
    const openingId = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId;
    const due = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        createCandidate(db, { openingId, name: `Ended ${i}`, email: `ended-${i}@example.com`, stage: "rejected" }),
      ),
    );
    const later = new Date(Date.now() + 400 * 86_400_000);
    const passes = await race(N, () => eraseExpiredCandidates(30, later));
    expect(passes.map((r) => r.status)).toEqual(Array(N).fill("fulfilled"));
    // each candidate reported by the one pass that erased it
    expect(fulfilled(passes).flat().sort()).toEqual(due.map((c) => c.id).sort());
    for (const c of due)
      expect(await db.auditLog.count({ where: { action: "candidate.erased", entityId: c.id } })).toBe(1);
  });
});
