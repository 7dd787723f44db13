// A scorecard amended twice through the data layer, read back as its author's history by
// submission and as the summary's amendment log (docs/decisions/059-amendment-history-by-submission.md):
// versions 1, 2, 3, each reason on the version it produced, what changed, and no one's
// amendments read by a viewer who may not see the scorecard.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getSubmissionHistory } from "@/lib/data/amendments";
import { getCandidateView } from "@/lib/data/candidate-summary";
import { getInterviewKit } from "@/lib/data/interview-kit";
import { amendScorecard, submitScorecard } from "@/lib/data/scorecards";
import { createPanel } from "../support/panel";

let p: Awaited<ReturnType<typeof createPanel>>;
let template: { dimensions: { id: string; name: string }[]; redFlags: { id: string; text: string }[] };
const recruiter = () => ({ id: p.users.recruiter.id, roles: ["recruiter"] as const });

beforeAll(async () => {
  p = await createPanel(db);
  template = await db.roleTemplateVersion.findUniqueOrThrow({
    where: { id: p.version.id },
    select: {
      dimensions: { orderBy: { position: "asc" }, select: { id: true, name: true } },
      redFlags: { orderBy: { position: "asc" }, select: { id: true, text: true } },
    },
  });
  const { a } = p.users;
  const iv = p.interviews.a.id;
  const v1 = { ...p.completeValues(0, "4"), recommendation: "strong-yes" as const };
  const s1 = await submitScorecard(a.id, iv, { baseVersion: 0, values: v1, submissionKey: randomUUID() });
  const v2 = { ...v1, recommendation: "no" as const };
  const s2 = await amendScorecard(a.id, iv, { baseVersion: s1.version, values: v2, reason: "Misread my notes." });
  const dim = p.kitFor(0).focusDimensionIds[0];
  const v3 = {
    ...v2,
    ratings: { ...v2.ratings, [dim]: { score: "2" as const, evidence: "Could not explain the failover." } },
    keyTakeaways: "Clear thinker; weak on failover.",
  };
  await amendScorecard(a.id, iv, { baseVersion: s2.version, values: v3, reason: "Added the failover answer." });
});

const dimName = () => template.dimensions.find((d) => d.id === p.kitFor(0).focusDimensionIds[0])!.name;

describe("a scorecard amended twice", () => {
  it("its author's history numbers the submissions 1, 2, 3 with each reason on the version it produced", async () => {
    const found = (await getInterviewKit(p.users.a.id, p.interviews.a.id))!;
    const sc = found.scorecard!;
    const history = await getSubmissionHistory(p.users.a.id, template, {
      id: sc.id,
      values: sc.values,
      submittedAt: sc.submittedAt!,
    });
    expect(history.map((v) => [v.version, v.current, v.amendment?.reason ?? null])).toEqual([
      [1, false, null],
      [2, false, "Misread my notes."],
      [3, true, "Added the failover answer."],
    ]);
    // version 1 is the first submission's time, kept by the amendments
    expect(history[0].at).toEqual(sc.submittedAt);
    expect(history[1].at.getTime()).toBeGreaterThanOrEqual(history[0].at.getTime());
    expect(history[0].values.recommendation).toBe("strong-yes");
    expect(history[2].values).toEqual(sc.values);
    expect(history[1].amendment!.by).toEqual({ id: p.users.a.id, name: "Interviewer A" });
    expect(history[1].amendment!.changes.map((c) => c.description)).toEqual(["Overall: Strong yes → No"]);
    expect(history[2].amendment!.changes.map((c) => c.description)).toEqual([
      `${dimName()}: 4 → 2`,
      `${dimName()}: evidence edited`,
      "Key take-aways edited",
    ]);
  });

  it("reads no amendment of a scorecard that is not the caller's", async () => {
    const sc = (await getInterviewKit(p.users.a.id, p.interviews.a.id))!.scorecard!;
    const history = await getSubmissionHistory(p.users.b.id, template, {
      id: sc.id,
      values: sc.values,
      submittedAt: sc.submittedAt!,
    });
    expect(history).toHaveLength(1);
  });

  it("the summary's amendment log says the same, for a reader who may see the scorecard", async () => {
    const view = await getCandidateView(recruiter(), p.candidates.cand1.id);
    const card = view.scorecards.find((s) => s.interviewerId === p.users.a.id)!;
    expect(card.amendments).toBe(2);
    expect(card.amendmentLog).toMatchObject([
      {
        version: 2,
        reason: "Misread my notes.",
        amendedBy: { name: "Interviewer A" },
        changes: [{ field: "recommendation", subject: "Overall", from: "Strong yes", to: "No" }],
      },
      {
        version: 3,
        reason: "Added the failover answer.",
        changes: [
          { field: "rating", subject: dimName(), from: "4", to: "2" },
          { field: "evidence", from: null, to: null },
          { field: "keyTakeaways" },
        ],
      },
    ]);
  });

  it("a recruiter who still owes their own scorecard on the candidate gets no amendment log", async () => {
    const view = await getCandidateView(
      { id: p.users.b.id, roles: ["recruiter", "interviewer"] },
      p.candidates.cand1.id,
    );
    expect(view.feedbackWithheld).not.toBeNull();
    expect(view.scorecards).toEqual([]);
    expect(JSON.stringify(view)).not.toContain("Misread my notes.");
  });
});
