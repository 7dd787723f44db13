// "Is one more interview worth it?" (docs/decisions/075-one-more-interview.md) on a real database:
// the summary's reliability of each heavy dimension from the role's ICC(1) exactly as the
// calibration page computes it, the published default while too few candidates back it, no
// extrapolation from a negative ICC, the loop builder's exercise, and the independence rule
// (withheld in the summary, the loop builder and the API while the viewer owes a scorecard).
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/data/api-tokens";
import { getCalibration } from "@/lib/data/calibration";
import { getCandidateView } from "@/lib/data/candidate-summary";
import { getLoopReliability } from "@/lib/data/reliability";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/permissions";
import { DEFAULT_RHO, MIN_TRUSTED_ICC_CANDIDATES, spearmanBrown } from "@/lib/domain/reliability";
import { createCandidate, createInterview, createUser } from "@/seed/factories";
import { api } from "../support/api-client";
import { doc, errorsText, schemaValidator } from "../support/openapi-schema";
import { createPanel, submittedRatings } from "../support/panel";

const SLUG = "lead-ai-platform-engineer";
let p: Awaited<ReturnType<typeof createPanel>>;
let dims: string[];
let target: string;
let openingId: string;
const admin = { id: "", roles: ["admin"] as const };
const recruiter = () => ({ id: p.users.recruiter.id, roles: ["recruiter"] as const });

async function summaryOf(viewer: Viewer) {
  const view = await getCandidateView(viewer, target);
  return view.reliability;
}

beforeAll(async () => {
  p = await createPanel(db);
  dims = p.version.dimensions.map((d) => d.id);
  admin.id = (await createUser(db, { email: "rel-admin@test.local", name: "Admin", roles: ["admin"] })).id;
  openingId = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId;
  target = (await createCandidate(db, { openingId, name: "Target Person", email: "t@example.com" })).id;
  // A rates the four heavy dimensions (weights 20, 20, 20, 15 of 100), B the first two
  await submittedRatings(db, target, p.users.a.id, dims.slice(0, 4), () => 4);
  await submittedRatings(db, target, p.users.b.id, dims.slice(0, 2), () => 4);
});

describe("the candidate summary's reliability", () => {
  it("uses the published default while the role's agreement rests on too few candidates", async () => {
    const r = (await summaryOf(admin))!;
    expect(r.dimensions.map((d) => d.dimensionId)).toEqual(dims.slice(0, 4));
    expect(r.dimensions.map((d) => d.k)).toEqual([2, 2, 1, 1]);
    for (const d of r.dimensions) expect(d.rho).toMatchObject({ rho: DEFAULT_RHO, source: "default" });
    // hand-computed: R(.44, 2) = .88 / 1.44 = .6111, R(.44, 3) = 1.32 / 1.88 = .7021
    expect(r.dimensions[0].now).toBeCloseTo(0.6111, 4);
    expect(r.dimensions[0].withOneMore).toBeCloseTo(0.7021, 4);
    expect(r.dimensions[2].now).toBeCloseTo(0.44, 10);
    expect(r.dimensions[0].text).toContain("one more rating would raise it from 0.61 to 0.70");
    expect(r.dimensions[0].text).toContain("a published default, not this team's figure");
    // (20·.6111·2 + 20·.44 + 15·.44) / 75 = .5313
    expect(r.weighted).toBeCloseTo(0.5313, 4);
    // the architecture case study adds ML, architecture and reliability: (20·.6111 + 20·.7021 + 20·.6111 + 15·.6111) / 75
    expect(r.suggestion).toMatchObject({ exerciseId: p.version.exercises[0].id });
    expect(r.suggestion!.after).toBeCloseTo(0.6354, 4);
  });

  it("uses the calibration page's ICC(1) once enough candidates back it, and does not extrapolate a negative one", async () => {
    // 30 more candidates rated by A and B: close on dimension 0, opposite on dimension 1
    for (let i = 0; i < MIN_TRUSTED_ICC_CANDIDATES; i++) {
      const c = await createCandidate(db, { openingId, name: `History ${i}`, email: `h${i}@example.com` });
      const base = 1 + (i % 5);
      await submittedRatings(db, c.id, p.users.a.id, dims.slice(0, 2), (d) => (d === 0 ? base : base));
      await submittedRatings(db, c.id, p.users.b.id, dims.slice(0, 2), (d) =>
        d === 0 ? Math.min(5, base + (i % 2)) : 6 - base,
      );
    }
    const calibration = await getCalibration(admin, { roleSlug: SLUG });
    const measured = calibration.agreement.find((r) => r.slug === SLUG)!.dimensions;
    const r = (await summaryOf(admin))!;
    const [d0, d1, d2] = r.dimensions;
    const icc0 = measured.find((m) => m.name === d0.name)!.agreement;
    expect(icc0.candidates).toBe(MIN_TRUSTED_ICC_CANDIDATES + 1);
    expect(icc0.icc!).toBeGreaterThan(0.5);
    expect(d0.rho).toEqual({ rho: icc0.icc, source: "measured", measured: icc0.icc, candidates: 31 });
    expect(d0.now).toBeCloseTo(spearmanBrown(icc0.icc!, 2), 12);
    expect(d0.text).not.toContain("default");
    const icc1 = measured.find((m) => m.name === d1.name)!.agreement;
    expect(icc1.icc!).toBeLessThan(0);
    expect(d1).toMatchObject({ rho: { rho: null, source: "no-agreement" }, now: null, withOneMore: null });
    expect(d1.text).toContain("no better than chance");
    // no one else rated dimension 2: the default, saying on how few candidates
    expect(d2.rho).toMatchObject({ source: "default", candidates: 0 });
    // the weighted figure leaves dimension 1 out: (20·R0 + 20·.44 + 15·.44) / 55
    expect(r.weighted).toBeCloseTo((20 * d0.now! + 35 * 0.44) / 55, 12);
  });

  it("is the same in the loop builder", async () => {
    const loop = await getLoopReliability(recruiter(), target);
    expect(loop.withheld).toBe(false);
    if (!loop.withheld) expect(loop.reliability).toEqual(await summaryOf(admin));
  });
});

describe("independence (docs/decisions/024)", () => {
  it("withholds it from someone who owes their own scorecard: summary, loop builder and API", async () => {
    const owes = await createUser(db, {
      email: "rel-owes@test.local",
      name: "Recruiting Interviewer",
      roles: ["recruiter", "interviewer"],
    });
    await createInterview(db, {
      candidateId: target,
      interviewerId: owes.id,
      scheduledAt: new Date(Date.now() - 3_600_000),
      focusDimensionIds: [],
    });
    const viewer = { id: owes.id, roles: ["recruiter", "interviewer"] as const };
    expect(await summaryOf(viewer)).toBeNull();
    const loop = await getLoopReliability(viewer, target);
    expect(loop).toEqual({ withheld: true, message: expect.stringContaining("Target Person") });
    const { token } = await createApiToken(admin, { userId: owes.id, name: "Owes" });
    const res = await api("GET", `/api/v1/candidates/${target}/summary`, { token });
    expect(res.status).toBe(200);
    expect(res.body.feedbackWithheld).not.toBeNull();
    expect(res.body.reliability).toBeNull();
    const validate = schemaValidator({ $ref: "#/components/schemas/CandidateSummary" });
    expect(validate(res.body), errorsText(validate)).toBe(true);
    // and the whole figure to someone who may see it, valid against the document
    const { token: adminToken } = await createApiToken(admin, { userId: admin.id, name: "Admin" });
    const full = await api("GET", `/api/v1/candidates/${target}/summary`, { token: adminToken });
    expect(full.status).toBe(200);
    expect(full.body.reliability.dimensions).toHaveLength(4);
    expect(validate(full.body), errorsText(validate)).toBe(true);
    expect(doc.components.schemas.CandidateReliability).toBeDefined();
  });
});
