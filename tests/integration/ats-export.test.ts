// ATS-shaped exports of a candidate's scorecards (docs/decisions/068-ats-shaped-exports.md) through
// the real route handler on a real database (SQLite or PostgreSQL): only submitted scorecards,
// Not assessed as no_decision (Greenhouse) and null (Merge), and exactly the candidate summary's
// rules on who may read them: the opening's visibility and independent ratings first.
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/data/api-tokens";
import { db } from "@/lib/db";
import { createInterview, createScorecard, createUser } from "@/seed/factories";
import { api, type ApiResponse } from "../support/api-client";
import { doc, errorsText, schemaValidator } from "../support/openapi-schema";
import { createPanel } from "../support/panel";

/** The body validates against the document's schema for this operation and status. */
function documented(res: ApiResponse) {
  const op = (doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)[
    "/candidates/{id}/scorecards"
  ].get;
  const response = op.responses[String(res.status)] as
    { content: { "application/json": { schema: { $ref: string } } } } | undefined;
  expect(response, `status ${res.status} is documented`).toBeDefined();
  const validate = schemaValidator(response!.content["application/json"].schema);
  expect(validate(res.body), errorsText(validate)).toBe(true);
  return res.body;
}

let p: Awaited<ReturnType<typeof createPanel>>;
const T: Record<string, string> = {};
let cand = "";
let dims: { id: string; name: string }[] = [];
let owed = { id: "", candidateId: "", interviewerId: "" };
let submittedId = "";
const past = new Date(Date.now() - 4 * 3600_000);
const exportOf = (token: string | null, query = "format=greenhouse", id = cand) =>
  api("GET", `/api/v1/candidates/${encodeURIComponent(id)}/scorecards${query ? `?${query}` : ""}`, { token });
const summaryOf = (token: string, id = cand) => api("GET", `/api/v1/candidates/${id}/summary`, { token });

beforeAll(async () => {
  p = await createPanel(db);
  cand = p.candidates.cand1.id;
  dims = await db.dimension.findMany({
    where: { versionId: p.version.id },
    orderBy: { position: "asc" },
    select: { id: true, name: true },
  });
  // A submitted: 1–5 on five dimensions, Not assessed on the sixth, one row neither (not a rating)
  const [d1, d2, d3, d4, d5, d6, d7] = dims;
  const sc = await createScorecard(db, {
    interview: p.interviews.a,
    ratings: [
      { dimensionId: d1.id, rating: 1, evidence: "e1" },
      { dimensionId: d2.id, rating: 2, evidence: "e2" },
      { dimensionId: d3.id, rating: 3, evidence: "e3" },
      { dimensionId: d4.id, rating: 4, evidence: "e4" },
      { dimensionId: d5.id, rating: 5, evidence: "e5" },
      { dimensionId: d6.id, rating: null, evidence: "not covered" },
    ],
    keyTakeaways: "Strong on systems.",
    recommendation: "strong-yes",
    submittedAt: past,
  });
  submittedId = sc.id;
  expect(d7, "the role has a seventh dimension").toBeDefined();
  await db.dimensionRating.create({
    data: { scorecardId: sc.id, dimensionId: d7.id, rating: null, notAssessed: false, evidence: "draft note" },
  });
  // B only has a draft: never exported
  await createScorecard(db, {
    interview: p.interviews.b,
    status: "draft",
    ratings: [{ dimensionId: d1.id, rating: 2, evidence: "draft" }],
    recommendation: "no",
  });
  // a recruiter who also interviews the candidate and owes the scorecard
  const ri = await createUser(db, {
    email: "recruiting-interviewer@test.local",
    name: "Recruiting Interviewer",
    roles: ["recruiter", "interviewer"],
  });
  owed = await createInterview(db, {
    candidateId: cand,
    interviewerId: ri.id,
    scheduledAt: past,
    focusDimensionIds: [d1.id],
  });
  const admin = await createUser(db, { email: "ats-admin@test.local", name: "ATS Admin", roles: ["admin"] });
  const other = await createUser(db, {
    email: "ats-other@test.local",
    name: "Other Manager",
    roles: ["hiring-manager"],
  });
  const viewer = { id: admin.id, roles: ["admin"] as const };
  for (const [k, id] of [
    ["admin", admin.id],
    ["recruiter", p.users.recruiter.id],
    ["manager", p.users.manager.id],
    ["other", other.id],
    ["a", p.users.a.id],
    ["b", p.users.b.id],
    ["owes", ri.id],
  ] as const)
    T[k] = (await createApiToken(viewer, { userId: id, name: `ATS ${k}` })).token;
});

describe("GET /api/v1/candidates/{id}/scorecards?format=greenhouse", () => {
  it("exports only the submitted scorecard, in Greenhouse's words, Not assessed as no_decision", async () => {
    const res = await exportOf(T.recruiter);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = documented(res);
    expect(body).toHaveLength(1);
    const [gh] = body;
    expect(gh).toMatchObject({
      id: submittedId,
      candidate_id: cand,
      application_id: null,
      submitted_by: { id: p.users.a.id, first_name: "Interviewer", last_name: "A", name: "Interviewer A" },
      interviewer: { id: p.users.a.id },
      overall_recommendation: "strong_yes",
      submitted_at: past.toISOString(),
      questions: [{ id: null, question: "Key Take-Aways", answer: "Strong on systems." }],
    });
    const exercise = await db.interview.findUniqueOrThrow({
      where: { id: p.interviews.a.id },
      select: { scheduledAt: true, exercise: { select: { id: true, title: true } } },
    });
    expect(gh.interview).toBe(exercise.exercise!.title);
    expect(gh.interview_step).toEqual({ id: exercise.exercise!.id, name: exercise.exercise!.title });
    expect(gh.interviewed_at).toBe(exercise.scheduledAt.toISOString());
    // the row with neither a number nor Not assessed is not a rating, so not an attribute
    expect(gh.attributes).toEqual([
      { name: dims[0].name, type: "Dimension", note: "e1", rating: "definitely_not" },
      { name: dims[1].name, type: "Dimension", note: "e2", rating: "no" },
      { name: dims[2].name, type: "Dimension", note: "e3", rating: "mixed" },
      { name: dims[3].name, type: "Dimension", note: "e4", rating: "yes" },
      { name: dims[4].name, type: "Dimension", note: "e5", rating: "strong_yes" },
      { name: dims[5].name, type: "Dimension", note: "not covered", rating: "no_decision" },
    ]);
    expect(gh.ratings).toEqual({
      definitely_not: [dims[0].name],
      no: [dims[1].name],
      mixed: [dims[2].name],
      yes: [dims[3].name],
      strong_yes: [dims[4].name],
    });
  });

  it("records the export as a view of the candidate", async () => {
    const before = await db.auditLog.count({ where: { action: "candidate.viewed", entityId: cand } });
    expect((await exportOf(T.admin)).status).toBe(200);
    expect(await db.auditLog.count({ where: { action: "candidate.viewed", entityId: cand } })).toBe(before + 1);
  });
});

describe("GET /api/v1/candidates/{id}/scorecards?format=merge", () => {
  it("exports Merge scorecards with the ratings in remote_data, Not assessed as null", async () => {
    const res = await exportOf(T.manager, "format=merge");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [m] = documented(res);
    expect(m).toMatchObject({
      id: submittedId,
      remote_id: submittedId,
      application: null,
      interview: p.interviews.a.id,
      interviewer: p.users.a.id,
      overall_recommendation: "STRONG_YES",
      remote_was_deleted: false,
      field_mappings: { organization_defined_targets: {}, linked_account_defined_targets: {} },
    });
    expect(m.remote_data).toHaveLength(1);
    expect(m.remote_data[0].path).toBe(`/api/v1/interviews/${p.interviews.a.id}/scorecard`);
    const ratings = m.remote_data[0].data.ratings as { rating: number | null; notAssessed: boolean }[];
    expect(ratings.map((r) => [r.rating, r.notAssessed])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, false],
      [5, false],
      [null, true],
    ]);
  });
});

describe("the format parameter", () => {
  it.each(["", "format=native", "format=GREENHOUSE", "format=csv"])("%s is 400 naming the formats", async (query) => {
    const res = await exportOf(T.recruiter, query);
    expect(res.status).toBe(400);
    documented(res);
    expect(res.body.error.code).toBe("bad_request");
    expect(res.body.error.fields.format.join(" ")).toMatch(/format=greenhouse.*format=merge/);
  });
});

describe("who may read it: exactly the candidate summary's rules", () => {
  it("no token or a bad token is 401", async () => {
    expect((await exportOf(null)).status).toBe(401);
    expect((await exportOf("sc_not-a-real-token")).status).toBe(401);
  });

  it("interviewers without a hiring role, and a manager of another opening, get 404 as for the summary", async () => {
    for (const k of ["a", "b", "other"]) {
      const res = await exportOf(T[k]);
      expect(res.status, k).toBe(404);
      documented(res);
      expect((await summaryOf(T[k])).status, k).toBe(404);
    }
    expect((await exportOf(T.recruiter, "format=merge", "no-such-candidate")).status).toBe(404);
  });

  it("while the token's user owes their own scorecard: 403 feedback_withheld, whatever their role", async () => {
    const res = await exportOf(T.owes);
    expect(res.status).toBe(403);
    documented(res);
    expect(res.body.error.code).toBe("feedback_withheld");
    expect((await exportOf(T.owes, "format=merge")).status).toBe(403);
    // the summary withholds the same feedback from the same user
    const summary = await summaryOf(T.owes);
    expect(summary.status).toBe(200);
    expect(summary.body.feedbackWithheld).toMatchObject({ interviewId: owed.id });
    // a draft is still owing
    await createScorecard(db, {
      interview: owed,
      status: "draft",
      ratings: [{ dimensionId: dims[0].id, rating: 3, evidence: "draft" }],
    });
    expect((await exportOf(T.owes)).status).toBe(403);
  });

  it("once they submit, they read the panel's scorecards and their own", async () => {
    await db.scorecard.update({
      where: { interviewId: owed.id },
      data: { status: "submitted", submittedAt: new Date(), recommendation: "no" },
    });
    const res = await exportOf(T.owes);
    expect(res.status).toBe(200);
    const body = documented(res) as { id: string; overall_recommendation: string; ratings: object }[];
    expect(body).toHaveLength(2);
    expect(body[1].overall_recommendation).toBe("no");
    expect(body[1].ratings).toMatchObject({ mixed: [dims[0].name] });
    expect((await summaryOf(T.owes)).body.feedbackWithheld).toBeNull();
  });
});
