// "Where the panel agrees and disagrees" (docs/decisions/076-agreement-with-citations.md) on a
// real database (SQLite or PostgreSQL): scorecards submitted through the real write path with
// hostile evidence (markup, right-to-left text, a very long note; a lone surrogate is refused at
// write), read back through the summary, the v1 API (checked against the OpenAPI document) and
// the rendered page; and withheld, on the page and in the API, from a viewer who owes their own
// scorecard on the candidate (docs/decisions/024-independent-ratings-first.md).
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth";
import { createApiToken } from "@/lib/data/api-tokens";
import { getCandidateSummary, getCandidateView } from "@/lib/data/candidate-summary";
import { saveDraft, submitScorecard } from "@/lib/data/scorecards";
import { db } from "@/lib/db";
import { QUOTE_MAX_CHARS } from "@/lib/domain/panel-agreement";
import { ValidationError } from "@/lib/errors";
import { createInterview, createUser } from "@/seed/factories";
import { api, type ApiResponse } from "../support/api-client";
import { doc, errorsText, schemaValidator } from "../support/openapi-schema";
import { createPanel } from "../support/panel";

// the page, rendered on the server as Next renders it, signed in as whoever `as` names; its
// client-only buttons (router hooks) are stubbed, they are not what is tested here
const signedIn: { user: CurrentUser | null } = { user: null };
vi.mock("@/lib/auth", () => ({
  requireUser: async () => signedIn.user,
  getCurrentUser: async () => signedIn.user,
}));
vi.mock("@/components/candidates/decision-panel", () => ({ DecisionPanel: () => null }));
vi.mock("@/components/candidates/erase-candidate", () => ({ EraseCandidate: () => null }));
vi.mock("@/components/candidates/remind-button", () => ({
  RemindButton: () => null,
  RemindEveryoneOnCandidate: () => null,
}));

const SCRIPT = "<script>alert('x')</script> Designed the retrieval layer well. Then more.";
const RTL = "הסביר את הפתרון בצורה ברורה ומסודרת. ואז עוד";
const LONG = "word ".repeat(900).trim(); // no sentence end: capped
const B_NOTE = "Struggled with the retrieval design, mostly. Details follow.";

let p: Awaited<ReturnType<typeof createPanel>>;
let dims: { id: string; name: string; weight: number; position: number }[] = [];
let cand = "";
let owes: CurrentUser = { id: "", email: "", name: "", roles: [] };
const T: Record<string, string> = {};

type Score = "1" | "2" | "3" | "4" | "5" | "na";
/** Submit through the real path: every focus dimension Not assessed unless `set` says otherwise. */
async function submit(who: "a" | "b", exercise: number, set: Record<number, [Score, string]>) {
  const v = p.completeValues(exercise);
  for (const d of p.kitFor(exercise).focusDimensionIds) v.ratings[d] = { score: "na", evidence: "" };
  for (const [i, [score, evidence]] of Object.entries(set)) v.ratings[dims[Number(i)].id] = { score, evidence };
  const interviewId = p.interviews[who].id;
  await saveDraft(p.users[who].id, interviewId, { baseVersion: 0, values: v });
  await submitScorecard(p.users[who].id, interviewId, { baseVersion: 1, values: v, submissionKey: `k-${who}` });
}

const recruiter = () => ({ id: p.users.recruiter.id, roles: ["recruiter"] as const });
const summaryOf = (token: string) => api("GET", `/api/v1/candidates/${cand}/summary`, { token });

function documented(res: ApiResponse) {
  const op = (doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)[
    "/candidates/{id}/summary"
  ].get;
  const response = op.responses[String(res.status)] as
    { content: { "application/json": { schema: { $ref: string } } } } | undefined;
  expect(response, `status ${res.status} is documented`).toBeDefined();
  const validate = schemaValidator(response!.content["application/json"].schema);
  expect(validate(res.body), errorsText(validate)).toBe(true);
  return res.body;
}

async function page(user: CurrentUser) {
  signedIn.user = user;
  const { default: CandidateSummaryPage } = await import("@/app/(app)/candidates/[id]/page");
  const tree = await CandidateSummaryPage({ params: Promise.resolve({ id: cand }), searchParams: Promise.resolve({}) });
  return renderToStaticMarkup(tree);
}

beforeAll(async () => {
  p = await createPanel(db);
  cand = p.candidates.cand1.id;
  dims = await db.dimension.findMany({
    where: { versionId: p.version.id },
    orderBy: { position: "asc" },
    select: { id: true, name: true, weight: true, position: true },
  });
  expect(dims.length).toBeGreaterThanOrEqual(6);
  await submit("a", 0, {
    0: ["5", SCRIPT],
    1: ["2", RTL],
    2: ["3", LONG],
    3: ["na", ""],
    4: ["4", "Clear about costs and latency budgets."],
  });
  await submit("b", 1, { 0: ["2", B_NOTE], 1: ["3", "Fine."], 2: ["4", "Good."], 3: ["na", "not covered"] });
  // a recruiter who also interviews the candidate and has not submitted
  const ri = await createUser(db, {
    email: "agree-owes@test.local",
    name: "Owing Recruiter",
    roles: ["recruiter", "interviewer"],
  });
  owes = { id: ri.id, email: "agree-owes@test.local", name: ri.name, roles: ["recruiter", "interviewer"] };
  await createInterview(db, {
    candidateId: cand,
    interviewerId: ri.id,
    scheduledAt: new Date(Date.now() - 3600_000),
    focusDimensionIds: [dims[0].id],
  });
  const admin = { id: p.users.recruiter.id, roles: ["admin"] as const };
  for (const [k, id] of [
    ["recruiter", p.users.recruiter.id],
    ["owes", ri.id],
  ] as const)
    T[k] = (await createApiToken(admin, { userId: id, name: `agreement ${k}` })).token;
});

describe("the summary's agreement", () => {
  it("classifies each dimension from the submitted ratings, orders by weight × spread, lists the unassessed", async () => {
    const s = await getCandidateSummary(recruiter(), cand);
    const { agreement } = s;
    const byId = new Map(agreement.dimensions.map((d) => [d.dimensionId, d]));
    expect(byId.get(dims[0].id)).toMatchObject({ kind: "disagreement", spread: 3 });
    expect(byId.get(dims[1].id)).toMatchObject({ kind: "agreement", spread: 1 });
    expect(byId.get(dims[2].id)).toMatchObject({ kind: "agreement", spread: 1 });
    expect(byId.get(dims[4].id)).toMatchObject({ kind: "single-rating", spread: 0 });
    expect(agreement.dimensions).toHaveLength(4);
    // weight × spread descending, ties in template order
    const key = (i: number) => dims[i].weight * byId.get(dims[i].id)!.spread;
    const expected = [0, 1, 2, 4].sort((x, y) => key(y) - key(x) || x - y).map((i) => dims[i].id);
    expect(agreement.dimensions.map((d) => d.dimensionId)).toEqual(expected);
    // the quotes, cited to their scorecards, in scorecard order (A submitted first)
    const [a, b] = s.scorecards;
    expect(byId.get(dims[0].id)!.ratings).toEqual([
      {
        scorecardId: a.id,
        interviewerName: "Interviewer A",
        rating: 5,
        quote: "<script>alert('x')</script> Designed the retrieval layer well.",
        shortened: true,
        anchor: `note-${a.id}-${dims[0].id}`,
      },
      {
        scorecardId: b.id,
        interviewerName: "Interviewer B",
        rating: 2,
        quote: "Struggled with the retrieval design, mostly.",
        shortened: true,
        anchor: `note-${b.id}-${dims[0].id}`,
      },
    ]);
    expect(byId.get(dims[1].id)!.ratings[0].quote).toBe("הסביר את הפתרון בצורה ברורה ומסודרת.");
    const long = byId.get(dims[2].id)!.ratings[0];
    expect(long.shortened).toBe(true);
    expect(long.quote.endsWith("…")).toBe(true);
    expect([...long.quote]).toHaveLength(QUOTE_MAX_CHARS);
    // Not assessed by both: no one assessed it; never counted as a rating
    const unassessed = new Map(agreement.unassessed.map((u) => [u.dimensionId, u]));
    expect(unassessed.get(dims[3].id)!.notAssessedBy).toEqual(["Interviewer A", "Interviewer B"]);
    expect(agreement.unassessed.map((u) => u.dimensionId)).toEqual(
      dims.filter((_, i) => ![0, 1, 2, 4].includes(i)).map((d) => d.id),
    );
  });

  it("refuses a lone surrogate in evidence at write, storing nothing", async () => {
    const other = await createInterview(db, {
      candidateId: cand,
      interviewerId: p.users.c.id,
      scheduledAt: new Date(Date.now() - 3600_000),
      focusDimensionIds: [],
    });
    const v = p.completeValues(0);
    v.ratings[dims[0].id] = { score: "4", evidence: "broken \uD800 text" };
    const error = await saveDraft(p.users.c.id, other.id, { baseVersion: 0, values: v }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(await db.scorecard.count({ where: { interviewId: other.id } })).toBe(0);
    await db.interview.delete({ where: { id: other.id } });
  });
});

describe("GET /api/v1/candidates/{id}/summary", () => {
  it("carries the agreement as documented, the same as the page's", async () => {
    const res = await summaryOf(T.recruiter);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = documented(res);
    const s = await getCandidateSummary(recruiter(), cand);
    expect(body.agreement).toEqual(JSON.parse(JSON.stringify(s.agreement)));
  });

  it("withholds it from a viewer who owes their own scorecard", async () => {
    const res = await summaryOf(T.owes);
    expect(res.status).toBe(200);
    const body = documented(res);
    expect(body.feedbackWithheld).toMatchObject({ reason: "own-scorecard-not-submitted" });
    expect(body.agreement).toBeNull();
    const text = JSON.stringify(body);
    for (const note of ["Designed the retrieval", "Struggled with", "הסביר"]) expect(text).not.toContain(note);
    expect((await getCandidateView(owes, cand)).agreement).toBeNull();
  });
});

describe("the candidate summary page", () => {
  it("shows the section, escapes every note and links each quote to a note that exists", async () => {
    const html = await page({
      id: p.users.recruiter.id,
      email: "recruiter@test.local",
      name: "Recruiter",
      roles: ["recruiter"],
    });
    expect(html).toContain("Where the panel agrees and disagrees");
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Designed the retrieval layer well.");
    expect(html).toContain('dir="auto"');
    const hrefs = [...html.matchAll(/href="#(note-[^"]+)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBe(7);
    for (const id of hrefs) expect(html, id).toContain(`id="${id}"`);
    expect(html).toMatch(/data-kind="disagreement"/);
    expect(html).toMatch(/data-kind="single-rating"/);
    expect(html).toContain("only one rating: neither agreement nor disagreement");
    expect(html).toContain("No one assessed");
  });

  it("does not show it, nor any note, to a viewer who owes their own scorecard", async () => {
    const html = await page(owes);
    expect(html).toContain("Loop progress");
    expect(html).not.toContain("Where the panel agrees and disagrees");
    for (const note of ["Designed the retrieval", "Struggled with", "הסביר", "note-"]) expect(html).not.toContain(note);
  });
});
