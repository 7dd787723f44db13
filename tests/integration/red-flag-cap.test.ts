// A role that needs a red flag raised by at least N interviewers before it caps the
// recommendation (docs/decisions/058-red-flag-cap-needs-n-interviewers.md): saved as a version,
// exported and read back, it changes a candidate's recommendation on the summary and in the
// candidate list, whose stored score follows (docs/decisions/060). Real database.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { listOpeningCandidates } from "@/lib/data/candidate-list";
import { recomputeAllScores, verifyScores } from "@/lib/data/candidate-scores";
import { getCandidateSummary } from "@/lib/data/candidate-summary";
import { migrateOpening } from "@/lib/data/opening-migration";
import { saveRoleTemplates } from "@/lib/data/role-template-save";
import { exportRoleTemplates, getRoleTemplate, toRoleTemplateJson } from "@/lib/data/role-templates";
import { submitScorecard } from "@/lib/data/scorecards";
import { db } from "@/lib/db";
import { parseCandidateListQuery } from "@/lib/validations/candidate-list";
import { roleTemplateSchema } from "@/lib/validations/role-template";
import { createPanel } from "../support/panel";

const SLUG = "lead-ai-platform-engineer";
let p: Awaited<ReturnType<typeof createPanel>>;
let openingId = "";
const recruiter = () => ({ id: p.users.recruiter.id, roles: ["recruiter"] as const });

async function both(candidateId: string) {
  const list = await listOpeningCandidates(recruiter(), openingId, parseCandidateListQuery({}));
  const listed = list.candidates.find((c) => c.id === candidateId)!.score!;
  const summary = (await getCandidateSummary(recruiter(), candidateId)).score;
  return { listed, summary };
}

beforeAll(async () => {
  p = await createPanel(db);
  openingId = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId;
  // A raises the first red flag; B submits a clean card
  const flagged = p.completeValues(0, "4");
  flagged.redFlags[p.version.redFlags[0].id] = { observed: true, note: "Waved away tenant isolation." };
  await submitScorecard(p.users.a.id, p.interviews.a.id, {
    baseVersion: 0,
    values: flagged,
    submissionKey: randomUUID(),
  });
  await submitScorecard(p.users.b.id, p.interviews.b.id, {
    baseVersion: 0,
    values: p.completeValues(1, "4"),
    submissionKey: randomUUID(),
  });
});

describe("a red flag that needs 2 interviewers to cap", () => {
  it("by default one interviewer's flag caps, in the list and on the summary alike", async () => {
    const { listed, summary } = await both(p.candidates.cand1.id);
    expect(summary.recommendation).toBe("no-hire-red-flag");
    expect(summary.rule.text).toBe("1 red flag was observed on a submitted scorecard.");
    expect(listed.recommendation).toBe("no-hire-red-flag");
  });

  it("a version that needs 2 is saved, exported and read back; moving the opening to it lifts the cap", async () => {
    const current = (await getRoleTemplate(SLUG))!;
    const role = toRoleTemplateJson(current.version);
    expect(role.thresholds.redFlagMinInterviewers).toBe(1);
    const [saved] = await saveRoleTemplates(
      [roleTemplateSchema.parse({ ...role, thresholds: { ...role.thresholds, redFlagMinInterviewers: 2 } })],
      { actorId: null, changeNote: "A red flag needs two interviewers" },
    );
    expect(saved.status).toBe("created");
    const exported = (await exportRoleTemplates()).roles.find((r) => r.slug === SLUG)!;
    expect(exported.thresholds.redFlagMinInterviewers).toBe(2);
    expect(roleTemplateSchema.parse(JSON.parse(JSON.stringify(exported))).thresholds.redFlagMinInterviewers).toBe(2);

    await migrateOpening(recruiter(), openingId, saved.versionId);
    const { listed, summary } = await both(p.candidates.cand1.id);
    expect(summary.recommendation).not.toBe("no-hire-red-flag");
    expect(summary.rule.text).toMatch(
      / 1 red flag was raised by fewer than 2 interviewers, so it does not cap the recommendation\.$/,
    );
    // still shown as raised: it is evidence
    expect(summary.redFlags).toHaveLength(1);
    expect(listed.recommendation).toBe(summary.recommendation);
    expect(listed.rule.text).toBe(summary.rule.text);
  });

  it("a threshold changed behind the write paths (the version row edited in place) is found by verifyScores, and mended", async () => {
    // versions are immutable (docs/decisions/002): no write path does this, so the stored score
    // stays as it was until recomputed (docs/decisions/060)
    const opening = await db.opening.findUniqueOrThrow({ where: { id: openingId } });
    await db.roleTemplateVersion.update({
      where: { id: opening.templateVersionId },
      data: { redFlagMinInterviewers: 1 },
    });
    expect(await verifyScores(db)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          candidateId: p.candidates.cand1.id,
          field: "recommendation",
          recomputed: '"no-hire-red-flag"',
        }),
      ]),
    );
    await recomputeAllScores(db);
    const { listed, summary } = await both(p.candidates.cand1.id);
    expect(summary.recommendation).toBe("no-hire-red-flag");
    expect(listed.recommendation).toBe("no-hire-red-flag");
    expect(listed.rule.text).toBe("1 red flag was observed on a submitted scorecard.");
  });
});
