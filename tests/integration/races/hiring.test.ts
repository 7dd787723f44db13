// Setting up hiring under concurrency (docs/decisions/014): an opening moved to a new template
// version twice at once, stage changes at once, the standard loop twice at once, one candidate
// e-mail added twice at once, an interview cancelled while its scorecard is submitted.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cancelInterview } from "@/lib/data/loops";
import { createStandardLoop } from "@/lib/data/standard-loop";
import { migrateOpening } from "@/lib/data/opening-migration";
import { addCandidate, setCandidateStage, updateOpening } from "@/lib/data/openings";
import { saveRoleTemplates } from "@/lib/data/role-template-save";
import { submitScorecard } from "@/lib/data/scorecards";
import { StaleScorecardError } from "@/lib/errors";
import { CANDIDATE_STAGES } from "@/lib/domain/vocabulary";
import { ConflictError, ValidationError } from "@/lib/errors";
import { createCandidate, createInterview } from "@/seed/factories";
import { loadBlueprintRoles } from "@/seed/roles";
import { createPanel } from "../../support/panel";
import { fulfilled, race, rejected } from "../../support/race";

const N = 8;
let p: Awaited<ReturnType<typeof createPanel>>;
let openingId: string;
const recruiter = () => ({ id: p.users.recruiter.id, roles: ["recruiter" as const] });

beforeAll(async () => {
  p = await createPanel(db);
  openingId = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId;
  await submitScorecard(p.users.a.id, p.interviews.a.id, {
    baseVersion: 0,
    values: p.completeValues(0),
    submissionKey: randomUUID(),
  });
});

describe("hiring writes at once", () => {
  it("two (N) moves of an opening to the new version: one moves it, the others are told it is done; focus and ratings follow", async () => {
    const role = loadBlueprintRoles().find((r) => r.slug === "lead-ai-platform-engineer")!;
    const [v2] = await saveRoleTemplates(
      [{ ...role, redFlags: [...role.redFlags, "Blames others for every incident"] }],
      { actorId: null },
    );
    const focusBefore = await db.interviewFocus.count({ where: { interview: { candidate: { openingId } } } });
    const ratingsBefore = await db.dimensionRating.count({ where: { scorecard: { candidate: { openingId } } } });
    const results = await race(N, () => migrateOpening(recruiter(), openingId, v2.versionId));
    expect(fulfilled(results)).toHaveLength(1);
    for (const e of rejected(results)) expect(e).toBeInstanceOf(ConflictError);
    expect(await db.auditLog.count({ where: { action: "opening.template-version-moved", entityId: openingId } })).toBe(
      1,
    );
    const newDims = (await db.dimension.findMany({ where: { versionId: v2.versionId }, select: { id: true } })).map(
      (d) => d.id,
    );
    expect(
      await db.interviewFocus.count({
        where: { interview: { candidate: { openingId } }, dimensionId: { in: newDims } },
      }),
    ).toBe(focusBefore);
    expect(
      await db.dimensionRating.count({
        where: { scorecard: { candidate: { openingId } }, dimensionId: { in: newDims } },
      }),
    ).toBe(ratingsBefore);
  });

  it("N stage changes at once: each audit entry's 'before' is what the one before it left", async () => {
    const cand = p.candidates.cand2.id;
    const start = (await db.candidate.findUniqueOrThrow({ where: { id: cand } })).stage;
    const targets = Array.from(
      { length: N },
      (_, i) => CANDIDATE_STAGES.filter((s) => s !== start)[i % (CANDIDATE_STAGES.length - 1)],
    );
    const results = await race(N, (i) => setCandidateStage(recruiter(), cand, { stage: targets[i] }));
    expect(fulfilled(results)).toHaveLength(N);
    const entries = await db.auditLog.findMany({
      where: { action: "candidate.stage-changed", entityId: cand },
      select: { before: true, after: true },
    });
    expect(entries).toHaveLength(N);
    const final = (await db.candidate.findUniqueOrThrow({ where: { id: cand } })).stage;
    const befores = entries.map((e) => JSON.parse(e.before!).stage as string).sort();
    const afters = entries.map((e) => JSON.parse(e.after!).stage as string);
    // a chain from start to final: the befores are the start and every after but the last
    afters.splice(afters.indexOf(final), 1);
    expect(befores).toEqual([start, ...afters].sort());
  });

  it("N changes of an opening at once: each audit entry's 'before' is what the one before it left", async () => {
    const o = await db.opening.findUniqueOrThrow({ where: { id: openingId } });
    const results = await race(N, (i) =>
      updateOpening(recruiter(), openingId, {
        title: `Opening title ${i}`,
        status: "open",
        hiringManagerId: o.hiringManagerId,
        recruiterId: o.recruiterId,
      }),
    );
    expect(fulfilled(results)).toHaveLength(N);
    const entries = await db.auditLog.findMany({
      where: { action: { in: ["opening.updated", "opening.closed"] }, entityId: openingId },
      select: { before: true, after: true },
    });
    expect(entries).toHaveLength(N);
    const final = (await db.opening.findUniqueOrThrow({ where: { id: openingId } })).title;
    const befores = entries.map((e) => JSON.parse(e.before!).title as string).sort();
    const afters = entries.map((e) => JSON.parse(e.after!).title as string);
    afters.splice(afters.indexOf(final), 1);
    expect(befores).toEqual([o.title, ...afters].sort());
  });

  it("the standard loop asked for twice (N times) at once is planned once", async () => {
    const cand = await createCandidate(db, {
      openingId,
      name: "Loop Candidate",
      email: "loop@example.com",
      stage: "interviewing",
    });
    const startAt = new Date(Date.now() + 86_400_000).toISOString();
    const results = await race(N, () => createStandardLoop(recruiter(), cand.id, { startAt }));
    const ok = fulfilled(results);
    expect(ok).toHaveLength(1);
    for (const e of rejected(results)) expect(e).toBeInstanceOf(ConflictError);
    const exercises = await db.exercise.count({ where: { version: { openings: { some: { id: openingId } } } } });
    expect(await db.interview.count({ where: { candidateId: cand.id } })).toBe(exercises);
    expect(ok[0].created).toHaveLength(exercises);
    // and asked for again later: refused, the loop exists
    await expect(createStandardLoop(recruiter(), cand.id, { startAt })).rejects.toBeInstanceOf(ConflictError);
    expect(await db.interview.count({ where: { candidateId: cand.id } })).toBe(exercises);
  });

  it("one person added N times at once to an opening is one candidate", async () => {
    const results = await race(N, (i) =>
      addCandidate(recruiter(), openingId, {
        name: `Dana Same ${i}`,
        email: "dana.same@example.com",
        source: "referral",
        notes: "",
      }),
    );
    expect(fulfilled(results)).toHaveLength(1);
    for (const e of rejected(results)) expect(e).toBeInstanceOf(ValidationError);
    expect(await db.candidate.count({ where: { openingId, email: "dana.same@example.com" } })).toBe(1);
  });

  it("an interview cancelled while its scorecard is submitted: never a submitted scorecard on a cancelled interview", async () => {
    const ex = await db.exercise.findFirstOrThrow({
      where: { version: { openings: { some: { id: openingId } } } },
      orderBy: { position: "asc" },
      select: { id: true, dimensions: { select: { dimensionId: true } } },
    });
    const dims = await db.dimension.findMany({
      where: { version: { openings: { some: { id: openingId } } } },
      orderBy: { position: "asc" },
      select: { id: true },
    });
    const redFlags = await db.redFlag.findMany({
      where: { version: { openings: { some: { id: openingId } } } },
      select: { id: true },
    });
    for (let round = 0; round < 4; round++) {
      const iv = await createInterview(db, {
        candidateId: p.candidates.cand2.id,
        interviewerId: p.users.c.id,
        exerciseId: ex.id,
        scheduledAt: new Date(Date.now() - 3_600_000),
        focusDimensionIds: ex.dimensions.map((d) => d.dimensionId),
      });
      const values = {
        ratings: Object.fromEntries(
          dims.map((d) => [
            d.id,
            ex.dimensions.some((x) => x.dimensionId === d.id)
              ? { score: "4", evidence: "Evidence enough." }
              : { score: "", evidence: "" },
          ]),
        ),
        redFlags: Object.fromEntries(redFlags.map((f) => [f.id, { observed: false, note: "" }])),
        keyTakeaways: "Solid.",
        recommendation: "yes",
      };
      const results = await race<unknown>(N, (i) =>
        i % 2
          ? cancelInterview(recruiter(), iv.id)
          : submitScorecard(p.users.c.id, iv.id, { baseVersion: 0, values, submissionKey: randomUUID() }),
      );
      for (const e of rejected(results))
        expect(
          [ConflictError, StaleScorecardError].some((k) => e instanceof k) || (e as Error).name === "NotFoundError",
          String(e),
        ).toBe(true);
      const after = await db.interview.findUniqueOrThrow({
        where: { id: iv.id },
        select: { status: true, scorecard: { select: { status: true } } },
      });
      expect(after.status === "cancelled" && after.scorecard?.status === "submitted", `round ${round}`).toBe(false);
    }
  });
});
