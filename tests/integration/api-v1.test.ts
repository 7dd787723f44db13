// The /api/v1 contract (docs/decisions/007-api-tokens-and-webhooks.md). A full hiring flow through
// the API only (opening → candidate → loop → interviewers submit with their own tokens → summary →
// decision); every response checked against the OpenAPI document; denials for every endpoint;
// idempotent submission; bad bodies change nothing. Real route handlers, real database (SQLite or
// PostgreSQL), no mocks.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { operations } from "@/lib/api/operations";
import type { Operation } from "@/lib/api/v1";
import { createApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { createDrill, setDrillStatus } from "@/lib/data/drills";
import { db } from "@/lib/db";
import { NOT_STARTED_MESSAGE } from "@/lib/domain/submit-window";
import { MAX_BODY_BYTES } from "@/lib/http";
import { createUser } from "@/seed/factories";
import { api, type ApiResponse } from "../support/api-client";
import { doc, errorsText, schemaValidator } from "../support/openapi-schema";
import { createPanel } from "../support/panel";

const checked = new Set<string>();

/** Asserts the status and validates the body against the document's schema for that response. */
function conforms(res: ApiResponse, name: keyof typeof operations, status: number) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const op = operations[name] as Operation;
  const responses = (
    doc.paths[op.path] as Record<
      string,
      { responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }> }
    >
  )[op.method.toLowerCase()].responses;
  expect(responses[String(status)], `${name} documents ${status}`).toBeDefined();
  const ref = responses[String(status)].content["application/json"].schema.$ref;
  const validate = schemaValidator({ $ref: ref });
  expect(validate(res.body), `${name} ${status}: ${errorsText(validate)}`).toBe(true);
  checked.add(`${name} ${status}`);
  return res.body;
}

let p: Awaited<ReturnType<typeof createPanel>>;
const tokens: Record<string, string> = {};
let adminId = "";
let revoked = "";
let expired = "";
const SLUG = "lead-ai-platform-engineer";

beforeAll(async () => {
  p = await createPanel(db);
  const admin = await createUser(db, { email: "api-admin@test.local", name: "API Admin", roles: ["admin"] });
  adminId = admin.id;
  const viewer = { id: admin.id, roles: ["admin"] as const };
  const make = async (userId: string, name: string, expiresInDays?: number) =>
    (await createApiToken(viewer, { userId, name, expiresInDays })).token;
  tokens.recruiter = await make(p.users.recruiter.id, "ATS sync");
  tokens.manager = await make(p.users.manager.id, "Manager scripts");
  tokens.a = await make(p.users.a.id, "Chat bot A");
  tokens.b = await make(p.users.b.id, "Chat bot B");
  tokens.c = await make(p.users.c.id, "Chat bot C");
  tokens.admin = await make(admin.id, "Admin scripts");
  const other = await createUser(db, {
    email: "other-manager@test.local",
    name: "Other Manager",
    roles: ["hiring-manager"],
  });
  tokens.otherManager = await make(other.id, "Other manager");
  const r = await createApiToken(viewer, { userId: p.users.recruiter.id, name: "Revoked one" });
  await revokeApiToken(viewer, r.id);
  revoked = r.token;
  const e = await createApiToken(
    viewer,
    { userId: p.users.recruiter.id, name: "Expired one", expiresInDays: 1 },
    new Date(Date.now() - 2 * 86_400_000),
  );
  expired = e.token;
});

// The flow's steps, each with its checks: a test runs the steps before its own, on an opening of its own.

/** A recruiter opens an opening, adds a candidate and plans the loop (A and B); the flow's ids. */
async function planLoop() {
  const ids: Record<string, string> = {};
  expect(conforms(await api("GET", "/api/v1/me", { token: tokens.recruiter }), "getMe", 200).roles).toEqual([
    "recruiter",
  ]);
  const roles = conforms(await api("GET", "/api/v1/roles?limit=10", { token: tokens.recruiter }), "listRoles", 200);
  expect(roles.data.map((r: { slug: string }) => r.slug)).toContain(SLUG);
  const role = conforms(await api("GET", `/api/v1/roles/${SLUG}`, { token: tokens.recruiter }), "getRole", 200);
  expect(role.template.dimensions.length).toBe(role.ids.dimensions.length);
  const managers = conforms(
    await api("GET", "/api/v1/people?role=hiring-manager", { token: tokens.recruiter }),
    "listPeople",
    200,
  );
  expect(managers.data.map((m: { id: string }) => m.id)).toContain(p.users.manager.id);

  const opening = conforms(
    await api("POST", "/api/v1/openings", {
      token: tokens.recruiter,
      body: {
        title: "API opening",
        roleSlug: SLUG,
        hiringManagerId: p.users.manager.id,
        recruiterId: p.users.recruiter.id,
      },
    }),
    "createOpening",
    201,
  );
  expect(opening).toMatchObject({
    title: "API opening",
    status: "open",
    role: { slug: SLUG, version: 1 },
    hiringManager: { id: p.users.manager.id },
    candidateCount: 0,
  });
  ids.opening = opening.id;
  conforms(await api("GET", `/api/v1/openings/${ids.opening}`, { token: tokens.recruiter }), "getOpening", 200);
  const cand = conforms(
    await api("POST", `/api/v1/openings/${ids.opening}/candidates`, {
      token: tokens.recruiter,
      body: { name: "Ada Stone", email: " Ada@Example.com " },
    }),
    "createCandidate",
    201,
  );
  expect(cand).toMatchObject({
    name: "Ada Stone",
    email: "ada@example.com",
    stage: "applied",
    openingId: ids.opening,
    source: "",
    notes: "",
  });
  ids.candidate = cand.id;
  const listed = conforms(
    await api("GET", `/api/v1/openings/${ids.opening}/candidates`, { token: tokens.recruiter }),
    "listCandidates",
    200,
  );
  expect(listed.data.map((c: { id: string }) => c.id)).toEqual([ids.candidate]);
  // the CSV import: a preview (200), then the import (201) of one candidate
  const csv = "Name;E-mail;Source\r\nCsv Person;csv.person@example.com;Board\r\n";
  const importUrl = `/api/v1/openings/${ids.opening}/candidates:import`;
  const preview = conforms(
    await api("POST", `${importUrl}?dryRun=true`, {
      token: tokens.recruiter,
      raw: csv,
      headers: { "content-type": "text/csv" },
    }),
    "importCandidates",
    200,
  );
  expect(preview.counts).toEqual({ rows: 1, ready: 1, withProblems: 0, interviews: 0 });
  const imported = conforms(
    await api("POST", importUrl, { token: tokens.recruiter, body: { csv } }),
    "importCandidates",
    201,
  );
  expect(imported.imported).toMatchObject({ candidates: 1, interviews: 0 });

  const ex = role.template.exercises;
  const exId = (i: number) => role.ids.exercises[i].id;
  const focus = (i: number) =>
    ex[i].dimensions.map((n: string) => role.ids.dimensions.find((d: { name: string }) => d.name === n).id);
  const when = new Date(Date.now() - 2 * 3600_000).toISOString();
  for (const [k, who] of [
    ["ia", p.users.a.id],
    ["ib", p.users.b.id],
  ] as const) {
    const i = k === "ia" ? 0 : 1;
    const planned = conforms(
      await api("POST", `/api/v1/candidates/${ids.candidate}/interviews`, {
        token: tokens.recruiter,
        body: {
          interviewerId: who,
          exerciseId: exId(i),
          focusDimensionIds: focus(i),
          scheduledAt: when,
          durationMinutes: 60,
        },
      }),
      "planInterview",
      201,
    );
    expect(planned).toMatchObject({
      interviewer: { id: who },
      exercise: { id: exId(i) },
      status: "scheduled",
      scorecardStatus: "none",
    });
    ids[k] = planned.id;
  }
  const loop = conforms(
    await api("GET", `/api/v1/candidates/${ids.candidate}/interviews`, { token: tokens.recruiter }),
    "listCandidateInterviews",
    200,
  );
  expect(loop.data).toHaveLength(2);
  const stage = conforms(
    await api("PATCH", `/api/v1/candidates/${ids.candidate}`, {
      token: tokens.recruiter,
      body: { stage: "interviewing" },
    }),
    "updateCandidate",
    200,
  );
  expect(stage.stage).toBe("interviewing");
  return ids;
}

/** A and B submit with their own tokens: A first (hidden from B until B submits), then A amends. */
async function submitPanel(ids: Record<string, string>) {
  const mine = conforms(await api("GET", "/api/v1/interviews", { token: tokens.a }), "listInterviews", 200);
  expect(mine.data.map((i: { id: string }) => i.id)).toContain(ids.ia);
  const card = conforms(
    await api("GET", `/api/v1/interviews/${ids.ia}/scorecard`, { token: tokens.a }),
    "getScorecard",
    200,
  );
  expect(card).toMatchObject({ status: "none", version: 0 });
  const values = (score: string) => ({
    ratings: Object.fromEntries(
      card.kit.dimensions.map((d: { id: string }) => [
        d.id,
        { score, evidence: "Explained the trade-offs with numbers." },
      ]),
    ),
    redFlags: {},
    keyTakeaways: "Strong systems thinking.",
    recommendation: score === "4" ? "yes" : "no",
  });
  const draft = conforms(
    await api("PUT", `/api/v1/interviews/${ids.ia}/scorecard`, {
      token: tokens.a,
      body: { baseVersion: 0, values: values("4") },
    }),
    "saveDraft",
    200,
  );
  expect(draft.status).toBe("draft");
  const key = randomUUID();
  const first = conforms(
    await api("POST", `/api/v1/interviews/${ids.ia}/scorecard/submit`, {
      token: tokens.a,
      headers: { "Idempotency-Key": key },
      body: { baseVersion: draft.version, values: values("4") },
    }),
    "submitScorecard",
    200,
  );
  const again = conforms(
    await api("POST", `/api/v1/interviews/${ids.ia}/scorecard/submit`, {
      token: tokens.a,
      headers: { "Idempotency-Key": key },
      body: { baseVersion: draft.version, values: values("4") },
    }),
    "submitScorecard",
    200,
  );
  expect(first.repeated).toBe(false);
  expect(again).toMatchObject({ repeated: true, version: first.version });
  expect(await db.scorecard.count({ where: { interviewId: ids.ia, status: "submitted" } })).toBe(1);
  expect(
    await db.auditLog.count({
      where: {
        action: "scorecard.submitted",
        entityId: (await db.scorecard.findFirstOrThrow({ where: { interviewId: ids.ia } })).id,
      },
    }),
  ).toBe(1);

  // B has not submitted: A's scorecard stays hidden from B
  const locked = conforms(await api("GET", `/api/v1/interviews/${ids.ib}/panel`, { token: tokens.b }), "getPanel", 200);
  expect(locked).toEqual({ unlocked: false, scorecards: [] });
  const bCard = await api("GET", `/api/v1/interviews/${ids.ib}/scorecard`, { token: tokens.b });
  const bValues = {
    ...values("3"),
    ratings: Object.fromEntries(
      bCard.body.kit.dimensions.map((d: { id: string }) => [
        d.id,
        { score: "3", evidence: "Solid but vague on costs." },
      ]),
    ),
    recommendation: "yes",
  };
  conforms(
    await api("POST", `/api/v1/interviews/${ids.ib}/scorecard/submit`, {
      token: tokens.b,
      headers: { "Idempotency-Key": randomUUID() },
      body: { baseVersion: 0, values: bValues },
    }),
    "submitScorecard",
    200,
  );
  const open = conforms(await api("GET", `/api/v1/interviews/${ids.ib}/panel`, { token: tokens.b }), "getPanel", 200);
  expect(open.unlocked).toBe(true);
  expect(open.scorecards.map((s: { interviewer: string }) => s.interviewer)).toEqual(["Interviewer A"]);

  const amended = conforms(
    await api("POST", `/api/v1/interviews/${ids.ia}/scorecard/amend`, {
      token: tokens.a,
      body: {
        baseVersion: first.version,
        values: { ...values("4"), keyTakeaways: "Strong systems thinking; checked references." },
        reason: "Added the reference check.",
      },
    }),
    "amendScorecard",
    200,
  );
  expect(amended.version).toBeGreaterThan(first.version);
  const stale = await api("POST", `/api/v1/interviews/${ids.ia}/scorecard/amend`, {
    token: tokens.a,
    body: { baseVersion: first.version, values: values("4"), reason: "Second thoughts." },
  });
  expect(stale.body.error.code).toBe("stale");
  conforms(stale, "amendScorecard", 409);
}

/** The hiring manager reads the summary and the comparison, then decides. */
async function decide(ids: Record<string, string>) {
  const summary = conforms(
    await api("GET", `/api/v1/candidates/${ids.candidate}/summary`, { token: tokens.manager }),
    "getSummary",
    200,
  );
  expect(summary.score.scorecardCount).toBe(2);
  expect(summary.score.score).toBeCloseTo(3.5, 9);
  expect(summary.display).toEqual({ score: "3.50", coverage: "100%", recommendation: "Hire" });
  // the same two submitted scorecards, in an ATS's shape (docs/decisions/068-ats-shaped-exports.md)
  for (const format of ["greenhouse", "merge"]) {
    const exported = conforms(
      await api("GET", `/api/v1/candidates/${ids.candidate}/scorecards?format=${format}`, { token: tokens.manager }),
      "exportScorecards",
      200,
    );
    expect(exported).toHaveLength(2);
  }
  // A's amendment, as the version it produced with what changed (docs/decisions/059)
  const a = summary.scorecards.find((s: { interviewerName: string }) => s.interviewerName === "Interviewer A");
  expect(a.amendmentLog).toMatchObject([
    {
      version: 2,
      reason: "Added the reference check.",
      amendedBy: { name: "Interviewer A" },
      changes: [{ field: "keyTakeaways", from: null, to: null, description: "Key take-aways edited" }],
    },
  ]);
  const cmp = conforms(
    await api("GET", `/api/v1/openings/${ids.opening}/comparison`, { token: tokens.manager }),
    "getComparison",
    200,
  );
  expect(cmp.ranked[0]).toMatchObject({
    rank: 1,
    candidateId: ids.candidate,
    label: "Ada Stone",
    recommendation: "hire",
  });
  const blind = conforms(
    await api("GET", `/api/v1/openings/${ids.opening}/comparison?blind=1`, { token: tokens.manager }),
    "getComparison",
    200,
  );
  expect(blind.ranked[0]).toMatchObject({ candidateId: null, label: "Candidate A" });
  expect(JSON.stringify(blind)).not.toContain("Ada");

  const decided = conforms(
    await api("POST", `/api/v1/candidates/${ids.candidate}/decisions`, {
      token: tokens.manager,
      body: { outcome: "hire", rationale: "Strong panel, no red flags, covers the role." },
    }),
    "recordDecision",
    201,
  );
  expect(decided).toMatchObject({
    outcome: "hire",
    isOverride: false,
    computedRecommendation: "hire",
    decidedBy: "Manager",
  });
  // the API's decisions move the pipeline as the app's do (docs/decisions/052-decisions-move-the-stage.md)
  expect((await db.candidate.findUniqueOrThrow({ where: { id: ids.candidate } })).stage).toBe("offer");
  const stale = await api("POST", `/api/v1/candidates/${ids.candidate}/decisions`, {
    token: tokens.manager,
    body: { outcome: "hold", rationale: "Waiting on the second team's view." },
  });
  conforms(stale, "recordDecision", 409);
  const list = conforms(
    await api("GET", `/api/v1/candidates/${ids.candidate}/decisions`, { token: tokens.manager }),
    "listDecisions",
    200,
  );
  expect(list.data.map((d: { id: string }) => d.id)).toEqual([decided.id]);
  // quality of hire (docs/decisions/079-quality-of-hire.md): the check-in once due (the decision
  // dated 91 days back, a fixture edit), then the role's report
  await db.decision.updateMany({
    where: { candidateId: ids.candidate },
    data: { createdAt: new Date(Date.now() - 91 * 86_400_000) },
  });
  const checkInDims = await db.dimension.findMany({ where: { version: { openings: { some: { id: ids.opening } } } } });
  const checkIn = conforms(
    await api("POST", `/api/v1/candidates/${ids.candidate}/check-ins`, {
      token: tokens.manager,
      body: {
        periodDays: 90,
        ratings: Object.fromEntries(checkInDims.map((d) => [d.id, "4"])),
        overall: "4",
        wouldHireAgain: "yes",
      },
    }),
    "submitCheckIn",
    201,
  );
  expect(checkIn).toMatchObject({ periodDays: 90, overall: 4, wouldHireAgain: true });
  const report = conforms(
    await api("GET", `/api/v1/roles/${SLUG}/quality-of-hire`, { token: tokens.manager }),
    "getQualityOfHire",
    200,
  );
  // the flow runs more than once in this file: a hire or two, far below the minimum n
  expect(report.periods[0]).toMatchObject({ periodDays: 90, overall: { r: null, low: null, needed: 10 } });
  expect(report.periods[0].overall.text).toBe(`n = ${report.periods[0].overall.n} of 10 needed`);
  expect(report.warning).toMatch(/range restriction/);
  // how it ended, for an interviewer who submitted on the candidate (docs/decisions/077-how-it-ended.md)
  const ended = conforms(await api("GET", "/api/v1/me/outcomes", { token: tokens.a }), "listMyOutcomes", 200);
  expect(ended.outcomes.find((o: { candidateName: string }) => o.candidateName === "Ada Stone")).toMatchObject({
    outcome: "hire",
  });
  conforms(await api("GET", `/api/v1/candidates/${ids.candidate}`, { token: tokens.manager }), "getCandidate", 200);
  const openings = conforms(await api("GET", "/api/v1/openings", { token: tokens.manager }), "listOpenings", 200);
  expect(openings.data.every((o: { hiringManager: { id: string } }) => o.hiringManager.id === p.users.manager.id)).toBe(
    true,
  );
}

/** The debrief (docs/decisions/078-debrief-mode.md): started after the panel is in, an amendment after it is post-debrief. */
async function debrief(ids: Record<string, string>) {
  const started = conforms(
    await api("POST", `/api/v1/candidates/${ids.candidate}/debrief`, {
      token: tokens.manager,
      body: { revealMode: "one", revealOrder: [p.users.b.id, p.users.a.id], seniorIds: [p.users.a.id] },
    }),
    "startDebrief",
    201,
  );
  expect(started.scorecards).toBe(2);
  const card = conforms(
    await api("GET", `/api/v1/interviews/${ids.ia}/scorecard`, { token: tokens.a }),
    "getScorecard",
    200,
  );
  conforms(
    await api("POST", `/api/v1/interviews/${ids.ia}/scorecard/amend`, {
      token: tokens.a,
      body: {
        baseVersion: card.version,
        values: { ...card.values, keyTakeaways: `${card.values.keyTakeaways} The debrief added the on-call story.` },
        reason: "The debrief reminded me of the on-call story.",
      },
    }),
    "amendScorecard",
    200,
  );
  const summary = conforms(
    await api("GET", `/api/v1/candidates/${ids.candidate}/summary`, { token: tokens.manager }),
    "getSummary",
    200,
  );
  expect(summary.debrief).toMatchObject({ amendments: 1, shift: { changedOnlyAfter: false } });
  const a = summary.scorecards.find((s: { interviewerName: string }) => s.interviewerName === "Interviewer A");
  expect(a.amendmentLog.map((e: { postDebrief: boolean }) => e.postDebrief)).toEqual([false, true]);
  expect(a.debrief).toMatchObject({ inSnapshot: true, postDebriefAmendments: 1 });
  conforms(
    await api("POST", `/api/v1/candidates/${ids.candidate}/debrief/end`, { token: tokens.manager }),
    "endDebrief",
    200,
  );
  const movement = conforms(
    await api("GET", "/api/v1/calibration/debrief-movement", { token: tokens.manager }),
    "getDebriefMovement",
    200,
  );
  expect(movement.debriefs).toBeGreaterThanOrEqual(1);
}

/** Admins export templates; recruiters may not. */
/** Chat notices (docs/decisions/073-chat-notices.md): a person's own, an opening's channel; the URL never shown back. */
async function chatNotices(ids: Record<string, string>) {
  const url = "https://hooks.slack.com/services/T0/B0/apiSecret1234";
  const mine = conforms(
    await api("PUT", "/api/v1/me/chat", { token: tokens.a, body: { kind: "slack", url } }),
    "setMyChat",
    200,
  );
  expect(JSON.stringify(mine)).not.toContain("apiSecret1234");
  conforms(await api("DELETE", "/api/v1/me/chat", { token: tokens.a }), "removeMyChat", 200);
  const channel = `https://example.webhook.office.com/webhookb2/apiSecret5678`;
  conforms(
    await api("PUT", `/api/v1/openings/${ids.opening}/chat`, {
      token: tokens.recruiter,
      body: { kind: "teams", url: channel },
    }),
    "setOpeningChat",
    200,
  );
  conforms(
    await api("DELETE", `/api/v1/openings/${ids.opening}/chat`, { token: tokens.recruiter }),
    "removeOpeningChat",
    200,
  );
  // an interviewer may not set an opening's channel
  const refused = await api("PUT", `/api/v1/openings/${ids.opening}/chat`, {
    token: tokens.a,
    body: { kind: "teams", url: channel },
  });
  expect([403, 404]).toContain(refused.status);
}

async function exportRoles() {
  const exp = conforms(await api("GET", "/api/v1/roles/export", { token: tokens.admin }), "exportRoles", 200);
  expect(exp.roles.map((r: { slug: string }) => r.slug)).toContain(SLUG);
  conforms(await api("GET", "/api/v1/roles/export", { token: tokens.recruiter }), "exportRoles", 403);
}

/**
 * Calibration drills (docs/decisions/080-calibration-drills.md): two interviewers rate a drill
 * whose consensus emerges from the raters; B sees nothing of A's ratings before submitting.
 */
async function calibrationDrills() {
  const admin = { id: adminId, roles: ["admin" as const] };
  const ex = await db.exercise.findFirstOrThrow({
    where: { version: { template: { slug: SLUG } }, dimensions: { some: {} } },
    orderBy: [{ version: { version: "desc" } }, { position: "asc" }],
    select: { id: true, dimensions: { select: { dimensionId: true } } },
  });
  const drill = await createDrill(admin, {
    exerciseId: ex.id,
    title: `API drill ${Date.now()}-${Math.random()}`,
    reference: "A transcript excerpt.",
    consensusMode: "raters",
  });
  await setDrillStatus(admin, drill.id, { status: "published" });
  const list = conforms(await api("GET", "/api/v1/drills", { token: tokens.a }), "listDrills", 200);
  expect(list.data.map((d: { id: string }) => d.id)).toContain(drill.id);
  const body = (score: string) => ({
    ratings: Object.fromEntries(ex.dimensions.map((d) => [d.dimensionId, { score, evidence: "seen" }])),
  });
  const a = conforms(
    await api("POST", `/api/v1/drills/${drill.id}/attempts`, { token: tokens.a, body: body("4") }),
    "submitDrill",
    201,
  );
  // nobody else yet: no consensus to compare with
  expect(a.result.dimensions.every((d: { consensus: unknown }) => d.consensus === null)).toBe(true);
  // B has not submitted: nothing of A's ratings, nor any consensus
  const before = conforms(await api("GET", `/api/v1/drills/${drill.id}`, { token: tokens.b }), "getDrill", 200);
  expect(before).toMatchObject({ submitted: false, result: null });
  const b = conforms(
    await api("POST", `/api/v1/drills/${drill.id}/attempts`, { token: tokens.b, body: body("2") }),
    "submitDrill",
    201,
  );
  // for B: A's 4 from one rater, not enough; B is 2 below
  expect(b.result.dimensions[0]).toMatchObject({ rating: 2, consensus: 4, raters: 1, enough: false, deviation: -2 });
  conforms(
    await api("POST", `/api/v1/drills/${drill.id}/attempts`, { token: tokens.b, body: body("3") }),
    "submitDrill",
    409,
  );
}

describe("calibration drills through the API", () => {
  it("rate once; the consensus only after one's own submission", async () => {
    await calibrationDrills();
  });
});

describe("a full hiring flow through the API only", () => {
  it("a recruiter opens an opening, adds a candidate and plans the loop", async () => {
    await planLoop();
  });

  it("interviewers submit with their own tokens; independent first; a retried submission counts once", async () => {
    await submitPanel(await planLoop());
  });

  it("the hiring manager reads the summary and the comparison, then decides", async () => {
    const ids = await planLoop();
    await submitPanel(ids);
    await decide(ids);
  });

  it("a person and a recruiter set and remove chat notices", async () => {
    await chatNotices(await planLoop());
  });

  it("admins export templates; token writes are in the audit log", async () => {
    await exportRoles();
    const tokenId = (await db.apiToken.findFirstOrThrow({ where: { name: "ATS sync" } })).id;
    const writesOf = () =>
      db.auditLog.findMany({ where: { action: "api.write", entityId: tokenId }, orderBy: { at: "asc" } });
    const before = new Set((await writesOf()).map((w) => w.id));
    await planLoop();
    const writes = (await writesOf()).filter((w) => !before.has(w.id));
    // opening, candidate, the import's dry run (200: a POST is audited whatever it writes) and commit, two interviews, stage
    expect(writes.map((w) => JSON.parse(w.after!)).map((a) => `${a.method} ${a.status}`)).toEqual([
      "POST 201",
      "POST 201",
      "POST 200",
      "POST 201",
      "POST 201",
      "POST 201",
      "PATCH 200",
    ]);
    expect(writes.every((w) => w.actorId === p.users.recruiter.id)).toBe(true);
  });

  it("every operation's success response was checked against the document", async () => {
    // the whole flow, checked afresh: this test alone proves the coverage
    checked.clear();
    const ids = await planLoop();
    await submitPanel(ids);
    await decide(ids);
    await debrief(ids);
    await chatNotices(ids);
    await exportRoles();
    await calibrationDrills();
    const names = Object.keys(operations);
    const ok = names.filter((n) => [...checked].some((c) => c.startsWith(`${n} 2`)));
    expect(ok).toEqual(names);
  });
});

/** A URL for the operation with its path parameters filled. */
function urlOf(op: Operation, id = "x") {
  return `/api/v1${op.path.replace(/\{\w+\}/g, id)}${op.path === "/people" ? "?role=recruiter" : ""}`;
}

describe("denials", () => {
  it("every endpoint refuses no token, a revoked token, an expired token and garbage with 401", async () => {
    for (const [name, op] of Object.entries(operations) as [keyof typeof operations, Operation][]) {
      for (const token of [null, revoked, expired, "sc_not-a-real-token", `${tokens.recruiter}x`]) {
        const res = await api(op.method, urlOf(op), { token, body: op.body ? {} : undefined });
        expect(res.status, `${name} with ${token?.slice(0, 8)}`).toBe(401);
        conforms(res, name, 401);
      }
    }
    // a deactivated user's token stops working at once
    await db.user.update({ where: { id: p.users.c.id }, data: { active: false } });
    expect((await api("GET", "/api/v1/me", { token: tokens.c })).status).toBe(401);
    await db.user.update({ where: { id: p.users.c.id }, data: { active: true } });
    expect((await api("GET", "/api/v1/me", { token: tokens.c })).status).toBe(200);
  });

  it("tokens act with exactly their user's permissions: other people's objects are 404, other roles' actions 403", async () => {
    const cand = p.candidates.cand1.id;
    const opening = (await db.candidate.findUniqueOrThrow({ where: { id: cand } })).openingId;
    const ia = p.interviews.a.id;
    const cases: [keyof typeof operations, string, string, number, unknown?][] = [
      ["listOpenings", "GET", "/api/v1/openings", 403],
      ["getOpening", "GET", `/api/v1/openings/${opening}`, 404],
      [
        "createOpening",
        "POST",
        "/api/v1/openings",
        403,
        { title: "Nope nope", roleSlug: SLUG, hiringManagerId: p.users.manager.id, recruiterId: p.users.recruiter.id },
      ],
      ["listCandidates", "GET", `/api/v1/openings/${opening}/candidates`, 404],
      [
        "createCandidate",
        "POST",
        `/api/v1/openings/${opening}/candidates`,
        403,
        { name: "Sneaky Add", email: "s@x.io" },
      ],
      ["getCandidate", "GET", `/api/v1/candidates/${cand}`, 404],
      ["updateCandidate", "PATCH", `/api/v1/candidates/${cand}`, 403, { stage: "hired" }],
      ["getSummary", "GET", `/api/v1/candidates/${cand}/summary`, 404],
      ["exportScorecards", "GET", `/api/v1/candidates/${cand}/scorecards?format=greenhouse`, 404],
      ["getComparison", "GET", `/api/v1/openings/${opening}/comparison`, 404],
      ["listCandidateInterviews", "GET", `/api/v1/candidates/${cand}/interviews`, 404],
      [
        "planInterview",
        "POST",
        `/api/v1/candidates/${cand}/interviews`,
        403,
        { interviewerId: p.users.c.id, focusDimensionIds: ["x"], scheduledAt: new Date().toISOString() },
      ],
      ["listInterviews", "GET", `/api/v1/interviews?interviewerId=${p.users.a.id}`, 403],
      ["getScorecard", "GET", `/api/v1/interviews/${ia}/scorecard`, 404],
      [
        "saveDraft",
        "PUT",
        `/api/v1/interviews/${ia}/scorecard`,
        404,
        { baseVersion: 0, values: { ratings: {}, redFlags: {}, keyTakeaways: "", recommendation: "" } },
      ],
      ["getPanel", "GET", `/api/v1/interviews/${ia}/panel`, 404],
      ["listDecisions", "GET", `/api/v1/candidates/${cand}/decisions`, 404],
      [
        "recordDecision",
        "POST",
        `/api/v1/candidates/${cand}/decisions`,
        404,
        { outcome: "hire", rationale: "I am not the hiring manager here." },
      ],
      ["listPeople", "GET", "/api/v1/people?role=recruiter", 403],
      ["exportRoles", "GET", "/api/v1/roles/export", 403],
    ];
    const before = {
      openings: await db.opening.count(),
      candidates: await db.candidate.count(),
      interviews: await db.interview.count(),
      decisions: await db.decision.count(),
      scorecards: await db.scorecard.count(),
    };
    for (const [name, method, url, status, body] of cases) {
      const res = await api(method, url, {
        token: tokens.c,
        body,
        headers: name === "submitScorecard" ? { "Idempotency-Key": randomUUID() } : undefined,
      });
      expect(res.status, `${name} as interviewer C: ${JSON.stringify(res.body)}`).toBe(status);
      conforms(res, name, status);
    }
    // C cannot submit or amend A's scorecard either
    const submit = await api("POST", `/api/v1/interviews/${ia}/scorecard/submit`, {
      token: tokens.c,
      headers: { "Idempotency-Key": randomUUID() },
      body: { baseVersion: 0, values: p.completeValues(0, "5") },
    });
    conforms(submit, "submitScorecard", 404);
    const amend = await api("POST", `/api/v1/interviews/${ia}/scorecard/amend`, {
      token: tokens.c,
      body: { baseVersion: 0, values: p.completeValues(0, "5"), reason: "Not mine to amend." },
    });
    conforms(amend, "amendScorecard", 404);
    // a hiring manager of another opening sees none of this one; a recruiter reads but cannot decide
    conforms(await api("GET", `/api/v1/candidates/${cand}/summary`, { token: tokens.otherManager }), "getSummary", 404);
    conforms(
      await api("POST", `/api/v1/candidates/${cand}/decisions`, {
        token: tokens.recruiter,
        body: { outcome: "hire", rationale: "Recruiters do not decide hires." },
      }),
      "recordDecision",
      403,
    );
    const after = {
      openings: await db.opening.count(),
      candidates: await db.candidate.count(),
      interviews: await db.interview.count(),
      decisions: await db.decision.count(),
      scorecards: await db.scorecard.count(),
    };
    expect(after).toEqual(before);
  });
});

describe("bad requests change nothing and get the documented error", () => {
  let openingId = "";
  const url = () => `/api/v1/openings/${openingId}/candidates`;
  beforeAll(async () => {
    openingId = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId;
  });
  it("malformed JSON, wrong types, unknown fields, oversized bodies, bad cursors, missing idempotency keys", async () => {
    const before = await db.candidate.count();
    const bad = await api("POST", url(), { token: tokens.recruiter, raw: "{ name: 'x'" });
    expect(bad.body.error.code).toBe("bad_json");
    conforms(bad, "createCandidate", 400);

    const types = await api("POST", url(), { token: tokens.recruiter, body: { name: 42, email: ["a"] } });
    expect(types.body.error.code).toBe("validation_failed");
    expect(Object.keys(types.body.error.fields).sort()).toEqual(["email", "name"]);
    conforms(types, "createCandidate", 422);

    const unknown = await api("POST", url(), {
      token: tokens.recruiter,
      body: { name: "Ada Twin", email: "twin@example.com", salary: 100 },
    });
    expect(unknown.body.error.fields).toEqual({ salary: ["Unknown field"] });
    conforms(unknown, "createCandidate", 422);

    const huge = await api("POST", url(), {
      token: tokens.recruiter,
      raw: JSON.stringify({ name: "Big Body", email: "big@example.com", notes: "x".repeat(MAX_BODY_BYTES) }),
    });
    expect(huge.body.error.code).toBe("too_large");
    conforms(huge, "createCandidate", 413);
    expect(await db.candidate.count()).toBe(before);

    const cursor = await api("GET", "/api/v1/openings?cursor=!!!", { token: tokens.recruiter });
    conforms(cursor, "listOpenings", 400);
    const limit = await api("GET", "/api/v1/openings?limit=5000", { token: tokens.recruiter });
    expect(limit.body.error.fields.limit).toBeDefined();

    const noKey = await api("POST", `/api/v1/interviews/${p.interviews.c.id}/scorecard/submit`, {
      token: tokens.c,
      body: { baseVersion: 0, values: p.completeValues(2, "4") },
    });
    expect(noKey.body.error.code).toBe("idempotency_key_required");
    conforms(noKey, "submitScorecard", 400);
    expect(await db.scorecard.count({ where: { interviewId: p.interviews.c.id } })).toBe(0);
  });

  it("a scorecard is refused before its interview starts (409 interview_not_started); its draft saves", async () => {
    const ex = p.version.exercises[0];
    const planned = conforms(
      await api("POST", `/api/v1/candidates/${p.candidates.cand1.id}/interviews`, {
        token: tokens.recruiter,
        body: {
          interviewerId: p.users.a.id,
          exerciseId: ex.id,
          focusDimensionIds: ex.dimensions.map((d) => d.dimensionId),
          scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
          durationMinutes: 60,
        },
      }),
      "planInterview",
      201,
    );
    const values = p.completeValues(0, "4");
    const draft = conforms(
      await api("PUT", `/api/v1/interviews/${planned.id}/scorecard`, {
        token: tokens.a,
        body: { baseVersion: 0, values },
      }),
      "saveDraft",
      200,
    );
    const early = await api("POST", `/api/v1/interviews/${planned.id}/scorecard/submit`, {
      token: tokens.a,
      headers: { "Idempotency-Key": randomUUID() },
      body: { baseVersion: draft.version, values },
    });
    expect(early.body.error).toMatchObject({ code: "interview_not_started", message: NOT_STARTED_MESSAGE });
    conforms(early, "submitScorecard", 409);
    expect(await db.scorecard.findUniqueOrThrow({ where: { interviewId: planned.id } })).toMatchObject({
      status: "draft",
      version: draft.version,
      submittedAt: null,
    });
  });

  it("pages with cursors return every row once, in order", async () => {
    for (let i = 0; i < 5; i++) {
      await api("POST", url(), {
        token: tokens.recruiter,
        body: { name: `Paged Person ${i}`, email: `paged${i}@example.com` },
      });
    }
    const all = (
      await db.candidate.findMany({ where: { openingId }, orderBy: { id: "asc" }, select: { id: true } })
    ).map((c) => c.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `?limit=2&cursor=${cursor}` : "?limit=2";
      const res = conforms(await api("GET", `${url()}${q}`, { token: tokens.recruiter }), "listCandidates", 200);
      expect(res.data.length).toBeLessThanOrEqual(2);
      seen.push(...res.data.map((c: { id: string }) => c.id));
      cursor = res.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });
});

describe("the OpenAPI document", () => {
  it("describes every operation, its security and its schemas, and compiles", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const op of Object.values(operations) as Operation[])
      expect(doc.paths[op.path]?.[op.method.toLowerCase()], `${op.method} ${op.path}`).toBeDefined();
    for (const id of Object.keys(doc.components.schemas))
      expect(() => schemaValidator({ $ref: `#/components/schemas/${id}` }), id).not.toThrow();
    expect(doc.components.schemas.CandidateCreate).toMatchObject({
      additionalProperties: false,
      required: ["name", "email"],
    });
    void adminId;
  });
});
