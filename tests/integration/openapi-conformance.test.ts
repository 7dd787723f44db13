// Every /api/v1 answer validates against the app's own OpenAPI document. Every operation in the
// document is called (real route handlers in-process, real database) on real data: a panel with
// submitted scorecards, interviewers who share enough ratings that calibration offsets apply, a
// role that recommends on calibrated scores, decisions, tokens of several roles. Successes and the
// documented errors alike are validated against the schema the document gives for that status;
// an answer with a status the document does not list fails, and so does an operation not called.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/data/api-tokens";
import { eraseCandidate } from "@/lib/data/privacy";
import { ERASE_CONFIRMATION } from "@/lib/validations/privacy";
import { db } from "@/lib/db";
import { MAX_BODY_BYTES } from "@/lib/http";
import { operations } from "@/lib/api/operations";
import type { Operation } from "@/lib/api/v1";
import { createCandidate, createInterview, createScorecard, createUser } from "@/seed/factories";
import { api } from "../support/api-client";
import { doc, schemaValidator } from "../support/openapi-schema";
import { createPanel, submittedRatings } from "../support/panel";
import { recomputeAllScores } from "@/lib/data/candidate-scores";
import { createDrill, setDrillStatus } from "@/lib/data/drills";

type Doc = {
  paths: Record<
    string,
    Record<
      string,
      { operationId: string; responses: Record<string, { content?: Record<string, { schema: unknown }> }> }
    >
  >;
};
const paths = (doc as unknown as Doc).paths;

/** operationId → { method, path } as the document lists them. */
const documented = new Map(
  Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, o]) => [o.operationId, { method: method.toUpperCase(), path }] as const),
  ),
);
const answered = new Map<string, Set<number>>();
/** Whether the document gives the operation a request body (a DELETE takes none). */
const takesBody = (path: string, method: string) =>
  !!(paths[path][method.toLowerCase()] as { requestBody?: unknown }).requestBody;
const failures: string[] = [];

/** Calls the operation by its document entry and validates the answer against the schema documented for its status. */
async function call(
  operationId: string,
  params: Record<string, string>,
  opts: { token?: string | null; query?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
) {
  const entry = documented.get(operationId);
  if (!entry) throw new Error(`${operationId} is not in the document`);
  const url = `/api/v1${entry.path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k] ?? "missing"))}${opts.query ? `?${opts.query}` : ""}`;
  const res = await api(entry.method, url, opts);
  const response = paths[entry.path][entry.method.toLowerCase()].responses[String(res.status)];
  if (!response)
    failures.push(
      `${operationId} answered ${res.status}, which the document does not list: ${JSON.stringify(res.body).slice(0, 300)}`,
    );
  else {
    const schema = response.content?.["application/json"]?.schema as { $ref?: string } | undefined;
    const validate = schemaValidator(schema);
    if (!validate(res.body))
      failures.push(
        `${operationId} ${res.status}: ${[...new Set((validate.errors ?? []).map((e) => `${e.instancePath.replace(/\/\d+/g, "/*")} ${e.message} ${JSON.stringify(e.params)}`))].join("; ").slice(0, 600)}`,
      );
  }
  (answered.get(operationId) ?? answered.set(operationId, new Set()).get(operationId)!).add(res.status);
  return res;
}

const T: Record<string, string> = {};
let p: Awaited<ReturnType<typeof createPanel>>;
let openingId = "";
const historyIds: string[] = [];
let dims: string[] = [];
const SLUG = "lead-ai-platform-engineer";
const past = new Date(Date.now() - 5 * 86_400_000);

const rate = (candidateId: string, interviewerId: string, rating: (dim: number) => number) =>
  submittedRatings(db, candidateId, interviewerId, dims, rating);

let raterD = "";
let made = 0;
/** A candidate rated by A and B on every dimension, and by D one point above them. */
async function historyCandidate(name: string) {
  const h = made++;
  const cand = await createCandidate(db, { openingId, name, email: `h${h}@example.com`, stage: "interviewing" });
  const base = (i: number) => 2 + ((h + i) % 3);
  await rate(cand.id, p.users.a.id, base);
  await rate(cand.id, p.users.b.id, base);
  await rate(cand.id, raterD, (i) => base(i) + 1);
  return cand.id;
}

beforeAll(async () => {
  p = await createPanel(db);
  dims = p.version.dimensions.map((x) => x.id);
  openingId = (
    await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id }, select: { openingId: true } })
  ).openingId;
  // D rates one above A and B on every dimension of five shared candidates: far more than the
  // shared ratings an offset needs, so calibrated ratings are fractional
  const d = await createUser(db, { email: "interviewer-d@test.local", name: "Interviewer D", roles: ["interviewer"] });
  raterD = d.id;
  for (let h = 0; h < 5; h++) historyIds.push(await historyCandidate(`History ${h}`));
  await db.roleTemplateVersion.update({ where: { id: p.version.id }, data: { recommendOn: "calibrated" } });
  // a fixture edit past the write paths: the stored scores follow (docs/decisions/060)
  await recomputeAllScores(db);
  const admin = await createUser(db, { email: "oas-admin@test.local", name: "OAS Admin", roles: ["admin"] });
  const other = await createUser(db, {
    email: "other-manager@test.local",
    name: "Other Manager",
    roles: ["hiring-manager"],
  });
  const viewer = { id: admin.id, roles: ["admin"] as const };
  const make = async (userId: string, name: string) => (await createApiToken(viewer, { userId, name })).token;
  for (const [k, id] of [
    ["admin", admin.id],
    ["recruiter", p.users.recruiter.id],
    ["manager", p.users.manager.id],
    ["a", p.users.a.id],
    ["b", p.users.b.id],
    ["c", p.users.c.id],
    ["d", d.id],
    ["other", other.id],
    ["limited", p.users.a.id],
  ] as const) {
    T[k] = await make(id, `OAS ${k}`);
  }
});

afterAll(async () => {
  await db.roleTemplateVersion.update({ where: { id: p.version.id }, data: { recommendOn: "raw" } });
  // a fixture edit past the write paths: the stored scores follow (docs/decisions/060)
  await recomputeAllScores(db);
});

// Each probe calls its operations and checks the statuses; a test runs the probes it needs, and the
// coverage test runs them all on cleared records.

/** People, roles and openings; the id of the opening it creates. */
async function peopleRolesOpenings() {
  expect((await call("getMe", {}, { token: T.a })).status).toBe(200);
  // how it ended (docs/decisions/077-how-it-ended.md): the token user's own outcomes, none decided yet here
  expect((await call("listMyOutcomes", {}, { token: T.a })).status).toBe(200);
  expect((await call("listPeople", {}, { token: T.recruiter, query: "role=interviewer" })).status).toBe(200);
  expect((await call("listPeople", {}, { token: T.recruiter, query: "role=nobody" })).status).toBe(400);
  expect((await call("listPeople", {}, { token: T.a, query: "role=recruiter" })).status).toBe(403);
  expect((await call("listRoles", {}, { token: T.a, query: "limit=1" })).status).toBe(200);
  expect((await call("listRoles", {}, { token: T.a, query: "cursor=!!!" })).status).toBe(400);
  expect((await call("exportRoles", {}, { token: T.admin })).status).toBe(200);
  expect((await call("exportRoles", {}, { token: T.recruiter })).status).toBe(403);
  const role = await call("getRole", { slug: SLUG }, { token: T.recruiter });
  expect(role.status).toBe(200);
  expect((await call("getRole", { slug: SLUG }, { token: T.recruiter, query: "version=1" })).status).toBe(200);
  expect((await call("getRole", { slug: "no-such-role" }, { token: T.recruiter })).status).toBe(404);
  expect((await call("getRole", { slug: SLUG }, { token: T.recruiter, query: "version=zero" })).status).toBe(400);

  expect((await call("listOpenings", {}, { token: T.manager })).status).toBe(200);
  expect((await call("listOpenings", {}, { token: T.a })).status).toBe(403);
  expect((await call("listOpenings", {}, { token: T.recruiter, query: "limit=5000" })).status).toBe(400);
  const body = {
    title: "Conformance opening",
    roleSlug: SLUG,
    hiringManagerId: p.users.manager.id,
    recruiterId: p.users.recruiter.id,
  };
  const created = await call("createOpening", {}, { token: T.recruiter, body });
  expect(created.status).toBe(201);
  const newOpening: string = created.body.id;
  expect((await call("createOpening", {}, { token: T.a, body })).status).toBe(403);
  expect((await call("createOpening", {}, { token: T.recruiter, body: { ...body, title: 7 } })).status).toBe(422);
  expect((await call("createOpening", {}, { token: T.recruiter, raw: "{ not json" })).status).toBe(400);
  expect(
    (
      await call(
        "createOpening",
        {},
        { token: T.recruiter, raw: JSON.stringify({ ...body, title: "x".repeat(MAX_BODY_BYTES) }) },
      )
    ).status,
  ).toBe(413);
  expect((await call("getOpening", { id: openingId }, { token: T.manager })).status).toBe(200);
  expect((await call("getOpening", { id: openingId }, { token: T.other })).status).toBe(404);
  // chat notices (docs/decisions/073): shown back masked, never the URL
  const hook = { kind: "slack", url: "https://hooks.slack.com/services/T0/B0/oas-secret-1234" };
  const mine = await call("setMyChat", {}, { token: T.a, body: hook });
  expect(mine.body).toEqual({ kind: "slack", destination: "hooks.slack.com …1234" });
  expect((await call("setMyChat", {}, { token: T.a, body: { ...hook, url: "http://10.0.0.1/x" } })).status).toBe(422);
  expect((await call("removeMyChat", {}, { token: T.a })).body).toEqual({ kind: null, destination: null });
  const channel = await call(
    "setOpeningChat",
    { id: openingId },
    { token: T.recruiter, body: { ...hook, kind: "teams" } },
  );
  expect(channel.body).toEqual({ kind: "teams", destination: "hooks.slack.com …1234" });
  expect((await call("setOpeningChat", { id: openingId }, { token: T.manager, body: hook })).status).toBe(403);
  const ftp = { kind: "teams", url: "ftp://hooks.slack.com/x" };
  expect((await call("setOpeningChat", { id: openingId }, { token: T.recruiter, body: ftp })).status).toBe(422);
  expect((await call("setOpeningChat", { id: "no-such-opening" }, { token: T.recruiter, body: hook })).status).toBe(
    404,
  );
  expect((await call("removeOpeningChat", { id: openingId }, { token: T.recruiter })).status).toBe(200);
  expect((await call("removeOpeningChat", { id: openingId }, { token: T.a })).status).toBe(403);
  expect((await call("removeOpeningChat", { id: "no-such-opening" }, { token: T.recruiter })).status).toBe(404);
  return newOpening;
}

/** Candidates, loops and scorecards, on a candidate it adds to `newOpening`; that candidate's id. */
async function candidatesLoopsScorecards(newOpening: string) {
  const ids: Record<string, string> = { opening: newOpening };
  expect((await call("listCandidates", { id: openingId }, { token: T.recruiter, query: "limit=3" })).status).toBe(200);
  expect((await call("listCandidates", { id: openingId }, { token: T.other })).status).toBe(404);
  const cand = await call(
    "createCandidate",
    { id: ids.opening },
    { token: T.recruiter, body: { name: "Conformance Person", email: "conf@example.com" } },
  );
  expect(cand.status).toBe(201);
  ids.candidate = cand.body.id;
  // the import: dry run 200, commit 201, problems 422, a hiring manager 403
  const n = made++;
  const importCsv = `Name,E-mail,Source\r\nImported ${n},imported${n}@example.com,"Board, EU"\r\n`;
  const imp = (token: string, body: unknown, query = "") =>
    call("importCandidates", { id: ids.opening }, { token, body, query });
  expect((await imp(T.recruiter, { csv: importCsv, dryRun: true })).status).toBe(200);
  expect((await imp(T.recruiter, { csv: importCsv })).status).toBe(201);
  expect((await imp(T.recruiter, { csv: importCsv }, "dryRun=false")).status).toBe(422);
  expect((await imp(T.manager, { csv: importCsv })).status).toBe(403);
  expect(
    (await call("importCandidates", { id: "missing" }, { token: T.recruiter, body: { csv: importCsv } })).status,
  ).toBe(404);
  expect(
    (
      await call(
        "createCandidate",
        { id: ids.opening },
        { token: T.a, body: { name: "Sneaky Add", email: "s@example.com" } },
      )
    ).status,
  ).toBe(403);
  expect(
    (
      await call(
        "createCandidate",
        { id: ids.opening },
        { token: T.recruiter, body: { name: "X", email: "not an e-mail", extra: 1 } },
      )
    ).status,
  ).toBe(422);
  expect(
    (
      await call(
        "createCandidate",
        { id: "no-such-opening" },
        { token: T.recruiter, body: { name: "Nobody Here", email: "n@example.com" } },
      )
    ).status,
  ).toBe(404);
  expect((await call("getCandidate", { id: p.candidates.cand1.id }, { token: T.manager })).status).toBe(200);
  expect((await call("getCandidate", { id: p.candidates.cand1.id }, { token: T.other })).status).toBe(404);
  expect(
    (await call("updateCandidate", { id: ids.candidate }, { token: T.recruiter, body: { stage: "interviewing" } }))
      .status,
  ).toBe(200);
  expect(
    (await call("updateCandidate", { id: ids.candidate }, { token: T.recruiter, body: { stage: "astronaut" } })).status,
  ).toBe(422);
  expect(
    (await call("updateCandidate", { id: ids.candidate }, { token: T.manager, body: { stage: "hired" } })).status,
  ).toBe(403);
  expect(
    (await call("updateCandidate", { id: "no-such-candidate" }, { token: T.recruiter, body: { stage: "hired" } }))
      .status,
  ).toBe(404);

  const focus = dims.slice(0, 3);
  const planned = await call(
    "planInterview",
    { id: ids.candidate },
    {
      token: T.recruiter,
      body: {
        interviewerId: p.users.c.id,
        focusDimensionIds: focus,
        scheduledAt: past.toISOString(),
        durationMinutes: 45,
      },
    },
  );
  expect(planned.status).toBe(201);
  ids.interview = planned.body.id;
  expect(
    (
      await call(
        "planInterview",
        { id: ids.candidate },
        {
          token: T.a,
          body: { interviewerId: p.users.c.id, focusDimensionIds: focus, scheduledAt: past.toISOString() },
        },
      )
    ).status,
  ).toBe(403);
  expect(
    (
      await call(
        "planInterview",
        { id: ids.candidate },
        { token: T.recruiter, body: { interviewerId: "", focusDimensionIds: [], scheduledAt: "soon" } },
      )
    ).status,
  ).toBe(422);
  expect(
    (
      await call(
        "planInterview",
        { id: "no-such-candidate" },
        {
          token: T.recruiter,
          body: { interviewerId: p.users.c.id, focusDimensionIds: focus, scheduledAt: past.toISOString() },
        },
      )
    ).status,
  ).toBe(404);
  expect((await call("listCandidateInterviews", { id: historyIds[0] }, { token: T.manager })).status).toBe(200);
  expect((await call("listCandidateInterviews", { id: historyIds[0] }, { token: T.other })).status).toBe(404);
  expect((await call("listInterviews", {}, { token: T.a })).status).toBe(200);
  expect(
    (await call("listInterviews", {}, { token: T.recruiter, query: `interviewerId=${p.users.a.id}&limit=2` })).status,
  ).toBe(200);
  expect((await call("listInterviews", {}, { token: T.a, query: `interviewerId=${p.users.b.id}` })).status).toBe(403);

  // C fills the new interview: draft, stale draft, submit (and its retry), amend, stale amend
  const card = await call("getScorecard", { id: ids.interview }, { token: T.c });
  expect(card.status).toBe(200);
  expect((await call("getScorecard", { id: ids.interview }, { token: T.a })).status).toBe(404);
  const values = (score: string) => ({
    ratings: Object.fromEntries(focus.map((d) => [d, { score, evidence: "Clear numbers." }])),
    redFlags: {},
    keyTakeaways: "Solid.",
    recommendation: "yes",
  });
  const draft = await call(
    "saveDraft",
    { id: ids.interview },
    { token: T.c, body: { baseVersion: 0, values: values("4") } },
  );
  expect(draft.status).toBe(200);
  expect(
    (await call("saveDraft", { id: ids.interview }, { token: T.c, body: { baseVersion: 0, values: values("3") } }))
      .status,
  ).toBe(409);
  expect(
    (await call("saveDraft", { id: ids.interview }, { token: T.c, body: { baseVersion: "one", values: {} } })).status,
  ).toBe(422);
  expect(
    (await call("saveDraft", { id: ids.interview }, { token: T.a, body: { baseVersion: 0, values: values("3") } }))
      .status,
  ).toBe(404);
  expect((await call("getPanel", { id: ids.interview }, { token: T.c })).status).toBe(200); // locked: not submitted yet
  const key = { "Idempotency-Key": randomUUID() };
  expect(
    (
      await call(
        "submitScorecard",
        { id: ids.interview },
        { token: T.c, body: { baseVersion: draft.body.version, values: values("4") } },
      )
    ).status,
  ).toBe(400);
  expect(
    (
      await call(
        "submitScorecard",
        { id: ids.interview },
        { token: T.c, headers: { "Idempotency-Key": randomUUID() }, body: { baseVersion: 0, values: values("4") } },
      )
    ).status,
  ).toBe(409);
  const submitted = await call(
    "submitScorecard",
    { id: ids.interview },
    { token: T.c, headers: key, body: { baseVersion: draft.body.version, values: values("4") } },
  );
  expect(submitted.status).toBe(200);
  expect(
    (
      await call(
        "submitScorecard",
        { id: ids.interview },
        { token: T.c, headers: key, body: { baseVersion: draft.body.version, values: values("4") } },
      )
    ).body.repeated,
  ).toBe(true);
  expect(
    (
      await call(
        "submitScorecard",
        { id: ids.interview },
        { token: T.a, headers: { "Idempotency-Key": randomUUID() }, body: { baseVersion: 0, values: values("4") } },
      )
    ).status,
  ).toBe(404);
  expect(
    (
      await call(
        "submitScorecard",
        { id: ids.interview },
        { token: T.c, headers: { "Idempotency-Key": randomUUID() }, body: { baseVersion: 0 } },
      )
    ).status,
  ).toBe(422);
  const amend = {
    baseVersion: submitted.body.version,
    values: { ...values("4"), keyTakeaways: "Solid; references checked." },
    reason: "References came back.",
  };
  expect((await call("amendScorecard", { id: ids.interview }, { token: T.c, body: amend })).status).toBe(200);
  expect((await call("amendScorecard", { id: ids.interview }, { token: T.c, body: amend })).status).toBe(409);
  expect((await call("amendScorecard", { id: ids.interview }, { token: T.a, body: amend })).status).toBe(404);
  expect(
    (await call("amendScorecard", { id: ids.interview }, { token: T.c, body: { ...amend, reason: 5 } })).status,
  ).toBe(422);
  expect((await call("getScorecard", { id: ids.interview }, { token: T.c })).body.amendments).toHaveLength(1);
  const history = await db.interview.findFirstOrThrow({
    where: { candidateId: historyIds[0], interviewerId: p.users.a.id },
    select: { id: true },
  });
  const unlocked = await call("getPanel", { id: history.id }, { token: T.a });
  expect(unlocked.body.unlocked).toBe(true);
  expect((await call("getPanel", { id: history.id }, { token: T.c })).status).toBe(404);
  return ids.candidate;
}

/** Summaries and comparisons, calibrated (fractional ratings), raw and blind. */
async function summariesAndComparisons(newCandidate: string) {
  for (const id of [...historyIds, p.candidates.cand1.id, newCandidate]) {
    const s = await call("getSummary", { id }, { token: T.manager });
    expect(s.status).toBe(200);
  }
  const s = await call("getSummary", { id: historyIds[0] }, { token: T.manager });
  expect(s.body.calibration.adjustments.some((a: { offset: number | null }) => a.offset !== null)).toBe(true);
  const fractional = s.body.calibration.calibrated.dimensions
    .flatMap((d: { ratings: number[] }) => d.ratings)
    .some((r: number) => !Number.isInteger(r));
  expect(fractional, "the calibrated view has fractional ratings").toBe(true);
  expect((await call("getSummary", { id: historyIds[0] }, { token: T.other })).status).toBe(404);
  // the ATS-shaped exports, under the summary's rules (docs/decisions/068-ats-shaped-exports.md)
  for (const format of ["greenhouse", "merge"]) {
    const e = await call("exportScorecards", { id: historyIds[0] }, { token: T.manager, query: `format=${format}` });
    expect(e.status).toBe(200);
    expect(e.body.length).toBeGreaterThan(0);
  }
  expect(
    (await call("exportScorecards", { id: historyIds[0] }, { token: T.manager, query: "format=native" })).status,
  ).toBe(400);
  expect(
    (await call("exportScorecards", { id: historyIds[0] }, { token: T.other, query: "format=merge" })).status,
  ).toBe(404);
  for (const query of ["", "blind=1", "blind=0"])
    expect((await call("getComparison", { id: openingId }, { token: T.manager, query })).status).toBe(200);
  expect((await call("getComparison", { id: openingId }, { token: T.manager, query: "blind=yes" })).status).toBe(400);
  expect((await call("getComparison", { id: openingId }, { token: T.other })).status).toBe(404);
  await db.roleTemplateVersion.update({ where: { id: p.version.id }, data: { recommendOn: "raw" } });
  // a fixture edit past the write paths: the stored scores follow (docs/decisions/060)
  await recomputeAllScores(db);
  expect((await call("getSummary", { id: historyIds[1] }, { token: T.recruiter })).status).toBe(200);
  expect((await call("getComparison", { id: openingId }, { token: T.recruiter })).status).toBe(200);
  await db.roleTemplateVersion.update({ where: { id: p.version.id }, data: { recommendOn: "calibrated" } });
  // a fixture edit past the write paths: the stored scores follow (docs/decisions/060)
  await recomputeAllScores(db);
}

/** Decisions: recorded, revised, stale, refused; listed. */
async function decisions() {
  // the recorded decisions go to a history-like candidate of this run's own: a first decision needs none before it
  const fresh = await historyCandidate(`Decided ${historyIds.length}`);
  const first = await call(
    "recordDecision",
    { id: fresh },
    { token: T.manager, body: { outcome: "hold", rationale: "Waiting for the last reference." } },
  );
  expect(first.status).toBe(201);
  const stale = await call(
    "recordDecision",
    { id: fresh },
    {
      token: T.manager,
      body: {
        outcome: "hire",
        rationale: "A second decision without the first's id.",
        overrideReason: "Whatever the panel said, for this test.",
      },
    },
  );
  expect(stale.status, JSON.stringify(stale.body)).toBe(409);
  const second = await call(
    "recordDecision",
    { id: fresh },
    {
      token: T.manager,
      body: {
        outcome: "no-hire",
        rationale: "The reference raised a real concern.",
        previousDecisionId: first.body.id,
        overrideReason: "The panel missed the reference.",
      },
    },
  );
  expect(second.status, JSON.stringify(second.body)).toBe(201);
  expect(
    (
      await call(
        "recordDecision",
        { id: historyIds[1] },
        { token: T.recruiter, body: { outcome: "hire", rationale: "Recruiters do not decide." } },
      )
    ).status,
  ).toBe(403);
  expect(
    (
      await call(
        "recordDecision",
        { id: historyIds[1] },
        { token: T.manager, body: { outcome: "maybe", rationale: "" } },
      )
    ).status,
  ).toBe(422);
  expect(
    (
      await call(
        "recordDecision",
        { id: historyIds[1] },
        { token: T.other, body: { outcome: "hire", rationale: "Not my opening at all." } },
      )
    ).status,
  ).toBe(404);
  expect((await call("listDecisions", { id: fresh }, { token: T.manager })).status).toBe(200);
  expect((await call("listDecisions", { id: historyIds[1] }, { token: T.recruiter })).status).toBe(200);
  expect((await call("listDecisions", { id: fresh }, { token: T.other })).status).toBe(404);
  expect((await call("getSummary", { id: fresh }, { token: T.manager })).status).toBe(200); // with decisions
}

/** Debriefs (docs/decisions/078-debrief-mode.md): start, a second start, end, the movement; denials. */
async function debriefs() {
  const cand = await historyCandidate(`Debriefed ${historyIds.length}`);
  const order = [p.users.a.id, p.users.b.id, raterD];
  const body = { revealMode: "one", revealOrder: order, seniorIds: [raterD] };
  expect((await call("startDebrief", { id: cand }, { token: T.other, body })).status).toBe(404);
  expect((await call("startDebrief", { id: cand }, { token: T.a, body })).status).toBe(404);
  expect(
    (await call("startDebrief", { id: cand }, { token: T.manager, body: { ...body, revealOrder: order.slice(1) } }))
      .status,
  ).toBe(422);
  expect((await call("startDebrief", { id: cand }, { token: T.manager, body })).status).toBe(201);
  expect((await call("startDebrief", { id: cand }, { token: T.recruiter, body })).status).toBe(409);
  const s = await call("getSummary", { id: cand }, { token: T.manager });
  expect(s.body.debrief).toMatchObject({ revealOrder: order, amendments: 0 });
  expect((await call("endDebrief", { id: cand }, { token: T.other })).status).toBe(404);
  expect((await call("endDebrief", { id: cand }, { token: T.recruiter })).status).toBe(200);
  expect((await call("endDebrief", { id: cand }, { token: T.manager })).status).toBe(409);
  expect((await call("getDebriefMovement", {}, { token: T.manager, query: "period=90" })).status).toBe(200);
  expect((await call("getDebriefMovement", {}, { token: T.manager, query: "period=7" })).status).toBe(400);
  expect((await call("getDebriefMovement", {}, { token: T.a })).status).toBe(404);
}

/** Quality of hire (docs/decisions/079-quality-of-hire.md): a hire's check-in, once due, and the role's report. */
async function qualityOfHire() {
  const hired = await historyCandidate(`Hired ${historyIds.length}-${made}`);
  const decided = await call(
    "recordDecision",
    { id: hired },
    {
      token: T.manager,
      body: { outcome: "hire", rationale: "Strong across the loop.", overrideReason: "The debrief settled it." },
    },
  );
  expect(decided.status, JSON.stringify(decided.body)).toBe(201);
  const body = {
    periodDays: 90,
    ratings: Object.fromEntries(dims.map((d) => [d, "3"])),
    overall: "4",
    wouldHireAgain: "yes",
  };
  // not due yet, then due: the decision dated 91 days back (a fixture edit past the write paths)
  expect((await call("submitCheckIn", { id: hired }, { token: T.manager, body })).status).toBe(409);
  await db.decision.updateMany({
    where: { candidateId: hired },
    data: { createdAt: new Date(Date.now() - 91 * 86_400_000) },
  });
  expect((await call("submitCheckIn", { id: hired }, { token: T.recruiter, body })).status).toBe(403);
  expect((await call("submitCheckIn", { id: hired }, { token: T.other, body })).status).toBe(404);
  expect(
    (await call("submitCheckIn", { id: hired }, { token: T.manager, body: { ...body, overall: "9" } })).status,
  ).toBe(422);
  const made201 = await call("submitCheckIn", { id: hired }, { token: T.manager, body });
  expect(made201.status, JSON.stringify(made201.body)).toBe(201);
  expect((await call("submitCheckIn", { id: hired }, { token: T.manager, body })).status).toBe(409);
  expect((await call("getQualityOfHire", { slug: SLUG }, { token: T.manager })).status).toBe(200);
  expect((await call("getQualityOfHire", { slug: SLUG }, { token: T.a })).status).toBe(404);
  expect((await call("getQualityOfHire", { slug: "no-such-role" }, { token: T.recruiter })).status).toBe(404);
}

/** An erased candidate: reads and writes about them get a documented answer (writes: 410). */
async function erasedCandidate() {
  const cand = await createCandidate(db, {
    openingId,
    name: "To Be Erased",
    email: "erase@example.com",
    stage: "interviewing",
  });
  const focus = dims.slice(0, 2);
  const open = await createInterview(db, {
    candidateId: cand.id,
    interviewerId: p.users.b.id,
    scheduledAt: past,
    focusDimensionIds: focus,
  });
  const done = await createInterview(db, {
    candidateId: cand.id,
    interviewerId: p.users.a.id,
    scheduledAt: past,
    focusDimensionIds: focus,
  });
  await createScorecard(db, {
    interview: done,
    ratings: focus.map((dimensionId) => ({ dimensionId, rating: 3, evidence: "seen" })),
    recommendation: "yes",
  });
  await eraseCandidate({ id: p.users.recruiter.id, roles: ["recruiter"] }, cand.id, {
    reason: "Asked to be forgotten.",
    confirm: ERASE_CONFIRMATION,
  });
  const values = {
    ratings: Object.fromEntries(focus.map((d) => [d, { score: "3", evidence: "x" }])),
    redFlags: {},
    keyTakeaways: "x",
    recommendation: "yes",
  };
  await call("getCandidate", { id: cand.id }, { token: T.recruiter });
  await call("getSummary", { id: cand.id }, { token: T.manager });
  await call("listDecisions", { id: cand.id }, { token: T.manager });
  const writes = {
    updateCandidate: await call(
      "updateCandidate",
      { id: cand.id },
      { token: T.recruiter, body: { stage: "rejected" } },
    ),
    planInterview: await call(
      "planInterview",
      { id: cand.id },
      {
        token: T.recruiter,
        body: { interviewerId: p.users.c.id, focusDimensionIds: focus, scheduledAt: past.toISOString() },
      },
    ),
    recordDecision: await call(
      "recordDecision",
      { id: cand.id },
      { token: T.manager, body: { outcome: "no-hire", rationale: "The candidate withdrew their data." } },
    ),
    saveDraft: await call("saveDraft", { id: open.id }, { token: T.b, body: { baseVersion: 0, values } }),
    submitScorecard: await call(
      "submitScorecard",
      { id: open.id },
      { token: T.b, headers: { "Idempotency-Key": randomUUID() }, body: { baseVersion: 0, values } },
    ),
    amendScorecard: await call(
      "amendScorecard",
      { id: done.id },
      { token: T.a, body: { baseVersion: 1, values, reason: "Second thoughts." } },
    ),
    startDebrief: await call(
      "startDebrief",
      { id: cand.id },
      { token: T.manager, body: { revealMode: "all", revealOrder: [p.users.a.id] } },
    ),
    submitCheckIn: await call(
      "submitCheckIn",
      { id: cand.id },
      { token: T.manager, body: { periodDays: 90, ratings: {}, overall: "3", wouldHireAgain: "yes" } },
    ),
  };
  expect(Object.fromEntries(Object.entries(writes).map(([k, r]) => [k, r.body?.error?.code]))).toEqual(
    Object.fromEntries(Object.keys(writes).map((k) => [k, "candidate_erased"])),
  );
}

/**
 * Calibration drills (docs/decisions/080-calibration-drills.md): a drill published afresh each
 * run; no consensus before one's own submission, the result after, a second submission 409.
 */
async function drills() {
  const admin = {
    id: (await db.user.findFirstOrThrow({ where: { email: "oas-admin@test.local" } })).id,
    roles: ["admin" as const],
  };
  const ex = await db.exercise.findFirstOrThrow({
    where: { versionId: p.version.id, dimensions: { some: {} } },
    orderBy: { position: "asc" },
    select: { id: true, dimensions: { select: { dimensionId: true } } },
  });
  const drill = await createDrill(admin, {
    exerciseId: ex.id,
    title: `OAS drill ${made++}`,
    reference: "A described performance.",
    consensusMode: "admin",
    consensus: { [ex.dimensions[0].dimensionId]: "3" },
  });
  await setDrillStatus(admin, drill.id, { status: "published" });
  expect((await call("listDrills", {}, { token: T.a })).status).toBe(200);
  expect((await call("listDrills", {}, { token: T.manager })).status).toBe(403);
  const before = await call("getDrill", { id: drill.id }, { token: T.a });
  expect(before.body).toMatchObject({ submitted: false, result: null });
  expect((await call("getDrill", { id: "no-such-drill" }, { token: T.a })).status).toBe(404);
  expect((await call("getDrill", { id: drill.id }, { token: T.manager })).status).toBe(403);
  const ratings = Object.fromEntries(ex.dimensions.map((d) => [d.dimensionId, { score: "4", evidence: "seen" }]));
  expect((await call("submitDrill", { id: drill.id }, { token: T.a, body: { ratings: {} } })).status).toBe(422);
  expect((await call("submitDrill", { id: "no-such-drill" }, { token: T.a, body: { ratings } })).status).toBe(404);
  const done = await call("submitDrill", { id: drill.id }, { token: T.a, body: { ratings } });
  expect(done.status).toBe(201);
  const first = ex.dimensions[0].dimensionId;
  expect(done.body.result.dimensions.find((d: { dimensionId: string }) => d.dimensionId === first)).toMatchObject({
    rating: 4,
    consensus: 3,
    deviation: 1,
  });
  expect((await call("submitDrill", { id: drill.id }, { token: T.a, body: { ratings } })).status).toBe(409);
  expect((await call("getDrill", { id: drill.id }, { token: T.a })).body.submitted).toBe(true);
}

/** No token, a bad token and a token over its rate limit, on every operation. */
async function denials() {
  for (const [operationId, { path }] of documented) {
    const params = Object.fromEntries([...path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], "x"]));
    const body = documented.get(operationId)!.method === "GET" ? undefined : {};
    for (const token of [null, "sc_not-a-real-token"])
      expect(
        (await call(operationId, params, { token, query: path === "/people" ? "role=recruiter" : "", body })).status,
        operationId,
      ).toBe(401);
  }
  // a body declared as anything but JSON, and one over the size limit (operations that take one)
  for (const [operationId, { path, method }] of documented) {
    if (!takesBody(path, method)) continue;
    const params = Object.fromEntries([...path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], "x"]));
    expect(
      (
        await call(operationId, params, {
          token: T.admin,
          raw: "{}",
          headers: { "content-type": "text/plain", "Idempotency-Key": randomUUID() },
        })
      ).status,
      operationId,
    ).toBe(415);
    const limit = (operations as Record<string, Operation>)[operationId].maxBodyBytes ?? MAX_BODY_BYTES;
    expect(
      (
        await call(operationId, params, {
          token: T.admin,
          raw: JSON.stringify({ pad: "x".repeat(limit) }),
          headers: { "Idempotency-Key": randomUUID() },
        })
      ).status,
      operationId,
    ).toBe(413);
  }
  const tokenId = (await db.apiToken.findFirstOrThrow({ where: { name: "OAS limited" }, select: { id: true } })).id;
  const minute = Math.floor(Date.now() / 60_000);
  for (const m of [minute, minute + 1]) {
    const key = `token:${tokenId}:${m}`;
    const full = { windowStart: new Date(m * 60_000), count: 1_000_000 };
    await db.rateLimit.upsert({ where: { key }, create: { key, ...full }, update: full });
  }
  expect((await call("getMe", {}, { token: T.limited })).status).toBe(429);
}

describe("every /api/v1 answer validates against /api/v1/openapi.json", () => {
  // this test's answers all matched the document (read and cleared, so one mismatch fails one test)
  const probed = () => expect(failures.splice(0)).toEqual([]);

  it("people, roles and openings", async () => {
    await peopleRolesOpenings();
    probed();
  });

  it("candidates, loops and scorecards", async () => {
    await candidatesLoopsScorecards(await peopleRolesOpenings());
    probed();
  });

  it("summaries and comparisons, calibrated (fractional ratings), raw and blind", async () => {
    await summariesAndComparisons(await candidatesLoopsScorecards(await peopleRolesOpenings()));
    probed();
  });

  it("decisions", async () => {
    await decisions();
    probed();
  });

  it("debriefs", async () => {
    await debriefs();
    probed();
  });

  it("quality of hire: a check-in once due, and the role's report", async () => {
    await qualityOfHire();
    probed();
  });

  it("an erased candidate: reads and writes about them get a documented answer (writes: 410)", async () => {
    await erasedCandidate();
    probed();
  });

  it("calibration drills", async () => {
    await drills();
    probed();
  });

  it("no token, a bad token and a token over its rate limit, on every operation", async () => {
    await denials();
    probed();
  });

  it("every answer matched the document, and every operation and every documented status was exercised", async () => {
    // every probe afresh: this test alone proves the coverage
    answered.clear();
    failures.length = 0;
    await summariesAndComparisons(await candidatesLoopsScorecards(await peopleRolesOpenings()));
    await decisions();
    await debriefs();
    await qualityOfHire();
    await erasedCandidate();
    await drills();
    await denials();
    expect(failures).toEqual([]);
    const missing = [...documented.keys()].filter(
      (id) => ![...(answered.get(id) ?? [])].some((s) => s >= 200 && s < 300),
    );
    expect(missing, "operations never answered with success").toEqual([]);
    const documentedStatuses = new Set(
      Object.values(paths).flatMap((m) => Object.values(m).flatMap((o) => Object.keys(o.responses).map(Number))),
    );
    const seen = new Set([...answered.values()].flatMap((s) => [...s]));
    expect(
      [...documentedStatuses].filter((s) => !seen.has(s)),
      "documented statuses never answered",
    ).toEqual([]);
    // every operation with a path id answers 404 for one it may not see; every one with a body
    // answers 413, 415 and 422
    for (const [id, { path, method }] of documented) {
      if (path.includes("{")) expect(answered.get(id)?.has(404), `${id} 404`).toBe(true);
      if (takesBody(path, method))
        for (const status of [413, 415, 422]) expect(answered.get(id)?.has(status), `${id} ${status}`).toBe(true);
    }
  }, 20_000);
});
