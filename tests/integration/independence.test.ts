// Independent ratings first, whatever else the reader is
// (docs/decisions/024-independent-ratings-first.md): a hiring manager who also interviews the
// candidate, or a recruiter on the loop, sees no one else's feedback on that candidate (summary,
// list, comparison, ratings.csv, candidates.csv, API v1 summary / comparison / panel) until they
// submit their own scorecard or their interview is cancelled, and cannot record a decision
// meanwhile. Recruiters not on the loop are unchanged. Real route handlers, real database (SQLite
// or PostgreSQL).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/data/api-tokens";
import { listOpeningCandidates } from "@/lib/data/candidate-list";
import { getCandidateSummary, getCandidateView } from "@/lib/data/candidate-summary";
import { getOpeningComparison } from "@/lib/data/comparison";
import { FeedbackWithheldError } from "@/lib/data/independence";
import { tallyFromSums } from "@/lib/domain/score-sums";
import type { Viewer } from "@/lib/domain/permissions";
import { listDecisions, listOverrides, recordDecision } from "@/lib/data/decisions";
import { cancelInterview } from "@/lib/data/loops";
import { previewOpeningMigration } from "@/lib/data/opening-migration";
import { saveRoleFromEditor } from "@/lib/data/role-editor";
import { exportRoleTemplates } from "@/lib/data/role-templates";
import { submitScorecard } from "@/lib/data/scorecards";
import { db } from "@/lib/db";
import { HIDDEN_UNTIL_SUBMITTED } from "@/lib/domain/permissions";
import type { AppRole } from "@/lib/domain/vocabulary";
import { openingCandidatesCsv } from "@/lib/exports";
import { parseCandidateListQuery } from "@/lib/validations/candidate-list";
import { createCandidate, createInterview, createOpening, createScorecard, createUser } from "@/seed/factories";
import { api } from "../support/api-client";
import { createPanel } from "../support/panel";
import { session } from "@/tests/support/auth-stand-in";

// the CSV routes read the session through lib/auth: here it is whoever the test says
vi.mock("@/lib/auth", () => import("@/tests/support/auth-stand-in"));
const { GET: ratingsCsvRoute } = await import("@/app/api/candidates/[id]/ratings.csv/route");
const { GET: candidatesCsvRoute } = await import("@/app/api/openings/[id]/candidates.csv/route");

const EVIDENCE = "PANEL-EVIDENCE-ONLY-AFTER-SUBMITTING";
const q = parseCandidateListQuery({});

let p: Awaited<ReturnType<typeof createPanel>>;
let openingId: string;
type Person = { id: string; email: string; name: string; roles: AppRole[] };
let hm: Person; // hiring manager of the opening and interviewer of Elena and Wes
let loopRecruiter: Person; // recruiter who also interviews Elena
let recruiter: Person; // recruiter not on any loop
const ids = { elena: "", wes: "", yara: "", hmElena: "", hmWes: "", recElena: "" };
const tokens: Record<string, string> = {};
const viewer = (u: Person): Viewer => ({ id: u.id, roles: u.roles });

async function csv(route: typeof ratingsCsvRoute, who: Person, id: string, path: string) {
  session.user = who;
  const res = await route(new Request(`http://127.0.0.1:3000${path}`), { params: Promise.resolve({ id }) });
  return { status: res.status, text: await res.text() };
}

/** A submitted scorecard by A for exercise `i` at rating `r`, with evidence that must never leak. */
async function submittedByA(candidateId: string, i: number, r: number) {
  const ex = p.version.exercises[i];
  const interview = await createInterview(db, {
    candidateId,
    interviewerId: p.users.a.id,
    exerciseId: ex.id,
    scheduledAt: new Date(Date.now() - 5 * 3600_000),
    focusDimensionIds: ex.dimensions.map((d) => d.dimensionId),
  });
  await createScorecard(db, {
    interview,
    ratings: p.version.dimensions.map((d) => ({ dimensionId: d.id, rating: r, evidence: `${EVIDENCE} ${d.id}` })),
    keyTakeaways: `${EVIDENCE} take-aways`,
    recommendation: "yes",
  });
}
const owed = (candidateId: string, interviewerId: string, i: number) => {
  const ex = p.version.exercises[i];
  return createInterview(db, {
    candidateId,
    interviewerId,
    exerciseId: ex.id,
    scheduledAt: new Date(Date.now() - 3 * 3600_000),
    focusDimensionIds: ex.dimensions.map((d) => d.dimensionId),
  });
};

beforeAll(async () => {
  p = await createPanel(db);
  const person = async (email: string, name: string, roles: AppRole[]) => ({
    ...(await createUser(db, { email, name, roles })),
    email,
    name,
    roles,
  });
  hm = await person("hm-interviewer@test.local", "Jordan Manager", ["hiring-manager", "interviewer"]);
  loopRecruiter = await person("loop-recruiter@test.local", "Casey Loop", ["recruiter", "interviewer"]);
  recruiter = { id: p.users.recruiter.id, email: "recruiter@test.local", name: "Recruiter", roles: ["recruiter"] };
  const admin = await person("independence-admin@test.local", "Admin", ["admin"]);
  openingId = (
    await createOpening(db, {
      title: "Independence opening",
      templateVersionId: p.version.id,
      hiringManagerId: hm.id,
      recruiterId: recruiter.id,
    })
  ).id;
  const add = (name: string) =>
    createCandidate(db, { openingId, name, email: `${name.toLowerCase()}@example.com`, stage: "debrief" });
  ids.elena = (await add("Elena")).id;
  ids.wes = (await add("Wes")).id;
  ids.yara = (await add("Yara")).id;
  // A rates everyone on every dimension: Elena 5s, Wes 4s, Yara 2s
  await submittedByA(ids.elena, 0, 5);
  await submittedByA(ids.wes, 0, 4);
  await submittedByA(ids.yara, 0, 2);
  ids.hmElena = (await owed(ids.elena, hm.id, 1)).id;
  ids.hmWes = (await owed(ids.wes, hm.id, 2)).id;
  ids.recElena = (await owed(ids.elena, loopRecruiter.id, 2)).id;
  const make = async (u: Person) =>
    (await createApiToken({ id: admin.id, roles: ["admin"] }, { userId: u.id, name: `${u.name} token` })).token;
  tokens.hm = await make(hm);
  tokens.recruiter = await make(recruiter);
});

describe("a hiring manager who also interviews, before submitting", () => {
  it("the summary holds nothing of the panel's, says why and links to their scorecard; the full summary is refused", async () => {
    const v = await getCandidateView(viewer(hm), ids.elena);
    expect(v.feedbackWithheld).toEqual({
      reason: "own-scorecard-not-submitted",
      interviewId: ids.hmElena,
      message:
        "You have not submitted your own scorecard for Elena yet. Others' feedback stays hidden until you do (independent ratings first).",
    });
    expect(v).toMatchObject({
      score: null,
      display: null,
      calibration: null,
      unitWeight: null,
      scorecards: [],
      decisions: [],
      canDecide: false,
    });
    expect(v.loop).toMatchObject({ planned: 3, submitted: 1 });
    expect(JSON.stringify(v)).not.toContain(EVIDENCE);
    const err = await getCandidateSummary(viewer(hm), ids.elena).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedbackWithheldError);
    expect(err).toMatchObject({ status: 403, code: "feedback_withheld", interviewId: ids.hmElena });
    // Yara: no interview of theirs, nothing held back
    expect((await getCandidateView(viewer(hm), ids.yara)).feedbackWithheld).toBeNull();
  });

  it("the list and candidates.csv show 'Hidden until you submit your scorecard', rank them last and filter them out", async () => {
    const list = await listOpeningCandidates(viewer(hm), openingId, q);
    expect(list.hidden).toBe(2);
    // by score: Yara (2.00) is the only score shown; Elena (5.00) and Wes (4.00) come after, unranked, in the order added
    expect(list.candidates.map((c) => c.name)).toEqual(["Yara", "Elena", "Wes"]);
    const elena = list.candidates.find((c) => c.id === ids.elena)!;
    expect(elena).toMatchObject({
      score: null,
      decision: null,
      withheld: { interviewId: ids.hmElena },
      display: { score: HIDDEN_UNTIL_SUBMITTED, coverage: "", recommendation: "" },
    });
    expect(
      (
        await listOpeningCandidates(viewer(hm), openingId, parseCandidateListQuery({ sort: "score", dir: "asc" }))
      ).candidates.map((c) => c.name),
    ).toEqual(["Yara", "Elena", "Wes"]);
    expect(
      (await listOpeningCandidates(viewer(hm), openingId, parseCandidateListQuery({ rec: "strong-hire" }))).candidates,
    ).toEqual([]);
    const text = openingCandidatesCsv(list);
    const line = text.split("\r\n").find((l) => l.startsWith("Elena,"))!;
    expect(line).toContain(HIDDEN_UNTIL_SUBMITTED);
    expect(line).not.toMatch(/5\.00|Strong hire|100%/);
    const route = await csv(candidatesCsvRoute, hm, openingId, `/api/openings/${openingId}/candidates.csv`);
    expect(route.status).toBe(200);
    expect(route.text.split("\r\n").find((l) => l.startsWith("Elena,"))).toContain(HIDDEN_UNTIL_SUBMITTED);
    expect(route.text).not.toContain("5.00");
  });

  it("ratings.csv is refused with the reason (403)", async () => {
    const res = await csv(ratingsCsvRoute, hm, ids.elena, `/api/candidates/${ids.elena}/ratings.csv`);
    expect(res.status).toBe(403);
    expect(res.text).not.toContain(EVIDENCE);
    expect(JSON.parse(res.text).error).toMatchObject({ code: "feedback_withheld" });
    expect(JSON.parse(res.text).error.message).toContain("You have not submitted your own scorecard for Elena yet");
    expect((await csv(ratingsCsvRoute, hm, ids.yara, `/api/candidates/${ids.yara}/ratings.csv`)).text).toContain(
      EVIDENCE,
    );
  });

  it("the comparison sends no scorecards or decision for them; the API lists them apart, unscored", async () => {
    const c = await getOpeningComparison(viewer(hm), openingId, { blind: false });
    const elena = c.candidates.find((x) => x.id === ids.elena)!;
    expect(elena).toMatchObject({ decision: null, withheld: { interviewId: ids.hmElena } });
    // nothing of the panel's: no scorecard counted, nothing rated, raised or recommended
    expect(elena.raw).toEqual(tallyFromSums({ dimensions: [], cards: [], flags: [] }));
    expect(elena.calibrated).toEqual(elena.raw);
    expect(c.candidates.find((x) => x.id === ids.yara)!.raw.scorecardCount).toBe(1);
    expect(JSON.stringify(c)).not.toContain(EVIDENCE);

    const res = await api("GET", `/api/v1/openings/${openingId}/comparison`, { token: tokens.hm });
    expect(res.status).toBe(200);
    expect(res.body.ranked.map((r: { label: string }) => r.label)).toEqual(["Yara"]);
    expect(res.body.insufficientEvidence).toEqual([]);
    expect(res.body.feedbackWithheld).toEqual([
      expect.objectContaining({
        candidateId: ids.elena,
        label: "Elena",
        reason: "own-scorecard-not-submitted",
        interviewId: ids.hmElena,
      }),
      expect.objectContaining({ candidateId: ids.wes, label: "Wes", interviewId: ids.hmWes }),
    ]);
    const blind = await api("GET", `/api/v1/openings/${openingId}/comparison?blind=1`, { token: tokens.hm });
    expect(blind.body.feedbackWithheld).toEqual([
      expect.objectContaining({ candidateId: null, interviewId: null }),
      expect.objectContaining({ candidateId: null, interviewId: null }),
    ]);
  });

  it("API v1: the summary says feedback is withheld with the scores null; the panel stays locked", async () => {
    const s = await api("GET", `/api/v1/candidates/${ids.elena}/summary`, { token: tokens.hm });
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({
      feedbackWithheld: { reason: "own-scorecard-not-submitted", interviewId: ids.hmElena },
      score: null,
      display: null,
      calibration: null,
      unitWeight: null,
      scorecards: [],
      decisions: [],
    });
    expect(JSON.stringify(s.body)).not.toContain(EVIDENCE);
    const panel = await api("GET", `/api/v1/interviews/${ids.hmElena}/panel`, { token: tokens.hm });
    expect(panel.body).toEqual({ unlocked: false, scorecards: [] });
  });

  it("cannot record a decision: 403 with the reason", async () => {
    const err = await recordDecision(viewer(hm), ids.elena, {
      outcome: "hold",
      rationale: "Waiting for the last interview to land.",
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedbackWithheldError);
    expect(err).toMatchObject({ status: 403, code: "feedback_withheld" });
    expect(await db.decision.count({ where: { candidateId: ids.elena } })).toBe(0);
    const res = await api("POST", `/api/v1/candidates/${ids.elena}/decisions`, {
      token: tokens.hm,
      body: { outcome: "hold", rationale: "Waiting for the last interview to land." },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("feedback_withheld");
  });
});

describe("recruiters", () => {
  it("a recruiter on the loop is blocked on that candidate only; a recruiter not on it is unchanged", async () => {
    const mine = await getCandidateView(viewer(loopRecruiter), ids.elena);
    expect(mine.feedbackWithheld?.interviewId).toBe(ids.recElena);
    expect(mine.score).toBeNull();
    expect((await getCandidateView(viewer(loopRecruiter), ids.wes)).feedbackWithheld).toBeNull();
    const list = await listOpeningCandidates(viewer(loopRecruiter), openingId, q);
    expect(list.candidates.map((c) => [c.name, c.display.score])).toEqual([
      ["Wes", "4.00"],
      ["Yara", "2.00"],
      ["Elena", HIDDEN_UNTIL_SUBMITTED],
    ]);

    const full = await getCandidateView(viewer(recruiter), ids.elena);
    expect(full.feedbackWithheld).toBeNull();
    expect(full.display?.score).toBe("5.00");
    expect(JSON.stringify(full)).toContain(EVIDENCE);
    expect(
      (await listOpeningCandidates(viewer(recruiter), openingId, q)).candidates.map((c) => c.display.score),
    ).toEqual(["5.00", "4.00", "2.00"]);
    expect(
      (await csv(ratingsCsvRoute, recruiter, ids.elena, `/api/candidates/${ids.elena}/ratings.csv`)).text,
    ).toContain(EVIDENCE);
    const api1 = await api("GET", `/api/v1/openings/${openingId}/comparison`, { token: tokens.recruiter });
    expect(api1.body.ranked.map((r: { label: string }) => r.label)).toEqual(["Elena", "Wes", "Yara"]);
    expect(api1.body.feedbackWithheld).toEqual([]);
    expect(
      (await api("GET", `/api/v1/candidates/${ids.elena}/summary`, { token: tokens.recruiter })).body.feedbackWithheld,
    ).toBeNull();
  });
});

describe("decisions and the move preview", () => {
  it("a decision's rationale and score, the overrides list and the move preview's scores are withheld alike", async () => {
    // a decision recorded earlier (by whoever managed the opening then), against the recommendation
    const RATIONALE = "RATIONALE-ONLY-AFTER-SUBMITTING";
    await db.decision.create({
      data: {
        candidateId: ids.elena,
        decidedById: recruiter.id,
        outcome: "no-hire",
        rationale: RATIONALE,
        overrideReason: `${RATIONALE} because`,
        isOverride: true,
        computedRecommendation: "strong-hire",
        computedScore: 5,
      },
    });
    await expect(listDecisions(viewer(hm), ids.elena)).rejects.toBeInstanceOf(FeedbackWithheldError);
    const v1 = await api("GET", `/api/v1/candidates/${ids.elena}/decisions`, { token: tokens.hm });
    expect(v1.status).toBe(403);
    expect(JSON.stringify(v1.body)).not.toContain(RATIONALE);
    expect(await listDecisions(viewer(recruiter), ids.elena)).toHaveLength(1);
    expect((await listOverrides(viewer(hm), openingId)).map((o) => o.candidate.id)).toEqual([]);
    expect((await listOverrides(viewer(recruiter), openingId)).map((o) => o.candidate.id)).toEqual([ids.elena]);

    // a newer version of the role: the move preview scores every candidate before and after
    const admin = {
      id: (await db.user.findFirstOrThrow({ where: { email: "independence-admin@test.local" } })).id,
      roles: ["admin"] as AppRole[],
    };
    const slug = (
      await db.roleTemplateVersion.findUniqueOrThrow({
        where: { id: p.version.id },
        select: { template: { select: { slug: true } } },
      })
    ).template.slug;
    const role = (await exportRoleTemplates()).roles.find((r) => r.slug === slug)!;
    role.redFlags.push("A red flag added for the move");
    await saveRoleFromEditor(admin, role, { mode: "edit", slug });
    const preview = await previewOpeningMigration(viewer(loopRecruiter), openingId);
    if (preview.upToDate) throw new Error("expected a newer version");
    const byName = Object.fromEntries(preview.candidates.map((c) => [c.name, c]));
    expect(byName.Elena).toMatchObject({ withheld: true, before: null, after: null });
    expect(byName.Wes).toMatchObject({ withheld: false, before: { score: 4 } });
    const full = await previewOpeningMigration(viewer(recruiter), openingId);
    if (full.upToDate) throw new Error("expected a newer version");
    expect(full.candidates.find((c) => c.name === "Elena")).toMatchObject({ withheld: false, before: { score: 5 } });
    await db.decision.deleteMany({ where: { candidateId: ids.elena } });
  });
});

describe("after submitting, and after the interview is cancelled", () => {
  it("once the hiring manager submits, everything shows and they may decide", async () => {
    await submitScorecard(hm.id, ids.hmElena, {
      baseVersion: 0,
      values: p.completeValues(1, "4"),
      submissionKey: randomUUID(),
    });
    const v = await getCandidateView(viewer(hm), ids.elena);
    expect(v.feedbackWithheld).toBeNull();
    expect(v.canDecide).toBe(true);
    expect(JSON.stringify(v)).toContain(EVIDENCE);
    const list = await listOpeningCandidates(viewer(hm), openingId, q);
    expect(list.candidates.find((c) => c.id === ids.elena)!.score).not.toBeNull();
    expect(list.candidates.find((c) => c.id === ids.wes)!.score).toBeNull();
    expect((await csv(ratingsCsvRoute, hm, ids.elena, `/api/candidates/${ids.elena}/ratings.csv`)).text).toContain(
      EVIDENCE,
    );
    expect(
      (await csv(candidatesCsvRoute, hm, openingId, `/api/openings/${openingId}/candidates.csv`)).text
        .split("\r\n")
        .find((l) => l.startsWith("Elena,")),
    ).not.toContain(HIDDEN_UNTIL_SUBMITTED);
    expect(
      (await getOpeningComparison(viewer(hm), openingId, { blind: false })).candidates.find((x) => x.id === ids.elena)!
        .raw.scorecardCount,
    ).toBe(2);
    const cmp = await api("GET", `/api/v1/openings/${openingId}/comparison`, { token: tokens.hm });
    expect(cmp.body.ranked.map((r: { label: string }) => r.label)).toContain("Elena");
    expect(cmp.body.feedbackWithheld.map((r: { label: string }) => r.label)).toEqual(["Wes"]);
    expect(
      (await api("GET", `/api/v1/candidates/${ids.elena}/summary`, { token: tokens.hm })).body.score.scorecardCount,
    ).toBe(2);
    const panel = await api("GET", `/api/v1/interviews/${ids.hmElena}/panel`, { token: tokens.hm });
    expect(panel.body.unlocked).toBe(true);
    expect(panel.body.scorecards).toHaveLength(1);
    const d = await recordDecision(viewer(hm), ids.elena, {
      outcome: "hold",
      rationale: "Waiting for the reference checks to land.",
    });
    expect(d.outcome).toBe("hold");
  });

  it("a cancelled interview no longer holds anything back", async () => {
    await cancelInterview({ id: recruiter.id, roles: recruiter.roles }, ids.hmWes);
    const v = await getCandidateView(viewer(hm), ids.wes);
    expect(v.feedbackWithheld).toBeNull();
    expect(v.display?.score).toBe("4.00");
    expect((await listOpeningCandidates(viewer(hm), openingId, q)).hidden).toBe(0);
    expect(
      (await api("GET", `/api/v1/openings/${openingId}/comparison`, { token: tokens.hm })).body.feedbackWithheld,
    ).toEqual([]);
    // the loop recruiter's Elena interview, cancelled: Elena shows for them too
    await cancelInterview({ id: recruiter.id, roles: recruiter.roles }, ids.recElena);
    expect((await getCandidateView(viewer(loopRecruiter), ids.elena)).feedbackWithheld).toBeNull();
  });
});
