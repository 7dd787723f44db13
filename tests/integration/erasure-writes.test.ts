// Writes about an erased candidate are refused, final (410, code "candidate_erased"): evidence, a
// kept draft re-sent, a submission, an amendment, a decision's rationale, interviews, the stage
// and the standard loop. Real database, real route handlers; only the session is stood in for.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { AppRole } from "@/lib/domain/vocabulary";
import { db } from "@/lib/db";
import { recordDecision } from "@/lib/data/decisions";
import { addInterview, cancelInterview, updateInterview } from "@/lib/data/loops";
import { createStandardLoop } from "@/lib/data/standard-loop";
import { migrateOpening } from "@/lib/data/opening-migration";
import { setCandidateStage } from "@/lib/data/openings";
import { eraseCandidate } from "@/lib/data/privacy";
import { saveRoleTemplates } from "@/lib/data/role-template-save";
import { amendScorecard, saveDraft, submitScorecard } from "@/lib/data/scorecards";
import { CandidateErasedError } from "@/lib/errors";
import { loadBlueprintRoles } from "@/seed/roles";
import { createPanel } from "../support/panel";
import { session } from "@/tests/support/auth-stand-in";

vi.mock("@/lib/auth", () => import("@/tests/support/auth-stand-in"));
const routes = {
  draft: await import("@/app/api/interviews/[id]/scorecard/route"),
  submit: await import("@/app/api/interviews/[id]/scorecard/submit/route"),
  amend: await import("@/app/api/interviews/[id]/scorecard/amend/route"),
  decisions: await import("@/app/api/candidates/[id]/decisions/route"),
  stage: await import("@/app/api/candidates/[id]/stage/route"),
  interviews: await import("@/app/api/candidates/[id]/interviews/route"),
  interview: await import("@/app/api/interviews/[id]/route"),
  loop: await import("@/app/api/candidates/[id]/standard-loop/route"),
};

let p: Awaited<ReturnType<typeof createPanel>>;
const recruiter = () => ({ id: p.users.recruiter.id, roles: ["recruiter"] as AppRole[] });
const manager = () => ({ id: p.users.manager.id, roles: ["hiring-manager"] as AppRole[] });
const SECRET = "written after the erasure";
let draftVersion: number;
let submittedVersion: number;
let decisionId: string;

/** Everything stored that could hold text, as one string. */
async function everyText() {
  const [cards, ratings, flags, amendments, decisions, audit, candidates] = await Promise.all([
    db.scorecard.findMany({ select: { keyTakeaways: true } }),
    db.dimensionRating.findMany({ select: { evidence: true } }),
    db.redFlagObservation.findMany({ select: { note: true } }),
    db.scorecardAmendment.findMany({ select: { snapshot: true, reason: true } }),
    db.decision.findMany({ select: { rationale: true, overrideReason: true } }),
    db.auditLog.findMany({ select: { before: true, after: true } }),
    db.candidate.findMany({ select: { name: true, email: true, notes: true, source: true } }),
  ]);
  return JSON.stringify([cards, ratings, flags, amendments, decisions, audit, candidates]);
}

const interviewInput = () => ({
  interviewerId: p.users.c.id,
  exerciseId: null,
  focusDimensionIds: [p.version.dimensions[0].id],
  scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
  durationMinutes: 60,
});
const withSecret = (i: number) => {
  const v = p.completeValues(i);
  v.keyTakeaways = SECRET;
  return v;
};

beforeAll(async () => {
  p = await createPanel(db);
  const cand = p.candidates.cand1.id;
  draftVersion = (await saveDraft(p.users.a.id, p.interviews.a.id, { baseVersion: 0, values: p.completeValues(0) }))
    .version;
  submittedVersion = (
    await submitScorecard(p.users.b.id, p.interviews.b.id, {
      baseVersion: 0,
      values: p.completeValues(1),
      submissionKey: randomUUID(),
    })
  ).version;
  decisionId = (
    await recordDecision(manager(), cand, {
      outcome: "hold",
      rationale: "Waiting for the reference check before deciding.",
      previousDecisionId: null,
    })
  ).id;
  await eraseCandidate(recruiter(), cand, { reason: "The candidate asked us to delete their data.", confirm: "ERASE" });
});

describe("writes about an erased candidate", () => {
  it("are refused on every write path, and change nothing", async () => {
    const cand = p.candidates.cand1.id;
    const before = {
      interviews: await db.interview.findMany({ where: { candidateId: cand }, orderBy: { id: "asc" } }),
      decisions: await db.decision.count(),
      stage: (await db.candidate.findUniqueOrThrow({ where: { id: cand } })).stage,
    };
    const attempts: [string, () => Promise<unknown>][] = [
      [
        "autosave",
        () => saveDraft(p.users.a.id, p.interviews.a.id, { baseVersion: draftVersion, values: withSecret(0) }),
      ],
      [
        "a kept draft re-sent from before the first save",
        () => saveDraft(p.users.a.id, p.interviews.a.id, { baseVersion: 0, values: withSecret(0) }),
      ],
      [
        "submit",
        () =>
          submitScorecard(p.users.a.id, p.interviews.a.id, {
            baseVersion: draftVersion,
            values: withSecret(0),
            submissionKey: randomUUID(),
          }),
      ],
      [
        "amend",
        () =>
          amendScorecard(p.users.b.id, p.interviews.b.id, {
            baseVersion: submittedVersion,
            values: withSecret(1),
            reason: `Fixing a typo ${SECRET}`,
          }),
      ],
      [
        "decision",
        () =>
          recordDecision(manager(), cand, {
            outcome: "hold",
            rationale: `Still waiting, ${SECRET}.`,
            previousDecisionId: decisionId,
          }),
      ],
      ["add interview", () => addInterview(recruiter(), cand, interviewInput())],
      [
        "update interview",
        () => updateInterview(recruiter(), p.interviews.a.id, { ...interviewInput(), interviewerId: p.users.a.id }),
      ],
      ["cancel interview", () => cancelInterview(recruiter(), p.interviews.a.id)],
      ["stage", () => setCandidateStage(recruiter(), cand, { stage: "rejected" })],
      [
        "standard loop",
        () => createStandardLoop(recruiter(), cand, { startAt: new Date(Date.now() + 86_400_000).toISOString() }),
      ],
    ];
    for (const [name, attempt] of attempts) {
      const error = await attempt().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, name).toBeInstanceOf(CandidateErasedError);
    }
    expect(await everyText()).not.toContain(SECRET);
    expect(await db.interview.findMany({ where: { candidateId: cand }, orderBy: { id: "asc" } })).toEqual(
      before.interviews,
    );
    expect(await db.decision.count()).toBe(before.decisions);
    expect((await db.candidate.findUniqueOrThrow({ where: { id: cand } })).stage).toBe(before.stage);
  });

  it("get 410 candidate_erased from the routes", async () => {
    const cand = p.candidates.cand1.id;
    const call = async (route: { [m: string]: unknown }, method: string, id: string, body?: unknown) => {
      const handler = route[method] as (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
      const res = await handler(
        new Request("http://127.0.0.1:3000/api", {
          method,
          headers: { "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
        { params: Promise.resolve({ id }) },
      );
      return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
    };
    const as = (u: { id: string }, roles: AppRole[]) =>
      (session.user = { id: u.id, email: "x@test.local", name: "X", roles });
    const cases: [() => void, () => ReturnType<typeof call>][] = [
      [
        () => as(p.users.a, ["interviewer"]),
        () => call(routes.draft, "PUT", p.interviews.a.id, { baseVersion: draftVersion, values: withSecret(0) }),
      ],
      [
        () => as(p.users.a, ["interviewer"]),
        () =>
          call(routes.submit, "POST", p.interviews.a.id, {
            baseVersion: draftVersion,
            values: withSecret(0),
            submissionKey: randomUUID(),
          }),
      ],
      [
        () => as(p.users.b, ["interviewer"]),
        () =>
          call(routes.amend, "POST", p.interviews.b.id, {
            baseVersion: submittedVersion,
            values: withSecret(1),
            reason: "A reason long enough to pass.",
          }),
      ],
      [
        () => as(p.users.manager, ["hiring-manager"]),
        () =>
          call(routes.decisions, "POST", cand, {
            outcome: "hold",
            rationale: `Still waiting, ${SECRET}.`,
            previousDecisionId: decisionId,
          }),
      ],
      [() => as(p.users.recruiter, ["recruiter"]), () => call(routes.stage, "PUT", cand, { stage: "rejected" })],
      [() => as(p.users.recruiter, ["recruiter"]), () => call(routes.interviews, "POST", cand, interviewInput())],
      [() => as(p.users.recruiter, ["recruiter"]), () => call(routes.interview, "DELETE", p.interviews.a.id)],
      [
        () => as(p.users.recruiter, ["recruiter"]),
        () => call(routes.loop, "POST", cand, { startAt: new Date(Date.now() + 86_400_000).toISOString() }),
      ],
    ];
    for (const [signIn, send] of cases) {
      signIn();
      const res = await send();
      expect(res.status, JSON.stringify(res.body)).toBe(410);
      expect(res.body.error).toEqual({ code: "candidate_erased", message: new CandidateErasedError().message });
    }
    expect(await everyText()).not.toContain(SECRET);
  });

  it("an opening moved to a new version keeps no candidate's name in its audit entry, so an erasure leaves none behind", async () => {
    const two = await db.candidate.findUniqueOrThrow({
      where: { id: p.candidates.cand2.id },
      select: { id: true, name: true, openingId: true },
    });
    const role = loadBlueprintRoles().find((r) => r.slug === "lead-ai-platform-engineer")!;
    const [v2] = await saveRoleTemplates(
      [{ ...role, redFlags: [...role.redFlags, "Blames others for every incident"] }],
      { actorId: null },
    );
    const moved = await migrateOpening(recruiter(), two.openingId, v2.versionId);
    expect(moved.candidates.map((c) => c.name)).toContain(two.name); // the page still shows names
    await eraseCandidate(recruiter(), two.id, {
      reason: "The candidate asked us to delete their data.",
      confirm: "ERASE",
    });
    expect(await everyText()).not.toContain(two.name);
  });
});
