// Scores to the last digit on a real database (docs/decisions/004): an
// exact 4.225 shows 4.23 on the summary, the list, its CSV and the API, and equal scores rank by
// coverage (higher first), then by when the candidate was added (earlier first), not by name.
import { beforeAll, describe, expect, it } from "vitest";
import { listOpeningCandidates } from "@/lib/data/candidate-list";
import { getCandidateSummary } from "@/lib/data/candidate-summary";
import { apiComparison, getOpeningComparison } from "@/lib/data/comparison";
import { db } from "@/lib/db";
import { rankCandidates } from "@/lib/domain/sensitivity";
import { openingCandidatesCsv } from "@/lib/exports";
import { parseCandidateListQuery } from "@/lib/validations/candidate-list";
import { createCandidate, createInterview, createScorecard } from "@/seed/factories";
import { createPanel } from "../support/panel";

let p: Awaited<ReturnType<typeof createPanel>>;
let openingId: string;
const ids: Record<string, string> = {};
const recruiter = () => ({ id: p.users.recruiter.id, roles: ["recruiter"] as const });

beforeAll(async () => {
  p = await createPanel(db);
  openingId = (await db.candidate.findUniqueOrThrow({ where: { id: p.candidates.cand1.id } })).openingId;
  // the role's weights become 22.5 and 77.5 on its first two dimensions (0 elsewhere): still 100 in total
  const [d0, d1, ...rest] = p.version.dimensions.map((d) => d.id);
  await db.dimension.update({ where: { id: d0 }, data: { weight: 22.5 } });
  await db.dimension.update({ where: { id: d1 }, data: { weight: 77.5 } });
  await db.dimension.updateMany({ where: { id: { in: rest } }, data: { weight: 0 } });
  // the panel's two candidates leave the opening's list to these four
  await db.interview.deleteMany({ where: { candidate: { openingId } } });
  await db.candidate.deleteMany({ where: { openingId } });
  const plan: [string, [string, number][]][] = [
    ["Zoe", [[d1, 4]]], // 4.00 on 77.5% coverage, added first
    [
      "Yan",
      [
        [d0, 4],
        [d1, 4],
      ],
    ], // 4.00 on 100%, added second
    [
      "Xia",
      [
        [d0, 4],
        [d1, 4],
      ],
    ], // 4.00 on 100%, added third
    [
      "Wes",
      [
        [d0, 5],
        [d1, 4],
      ],
    ], // (22.5·5 + 77.5·4) / 100 = 4.225 exactly
  ];
  const start = Date.now() - 86_400_000;
  for (const [i, [name, ratings]] of plan.entries()) {
    const c = await createCandidate(db, {
      openingId,
      name,
      email: `${name.toLowerCase()}@example.com`,
      stage: "debrief",
    });
    // added one minute apart, so "when added" is not left to the clock's resolution
    await db.candidate.update({ where: { id: c.id }, data: { createdAt: new Date(start + i * 60_000) } });
    ids[name] = c.id;
    const interview = await createInterview(db, {
      candidateId: c.id,
      interviewerId: p.users.a.id,
      scheduledAt: new Date(start),
      focusDimensionIds: [],
    });
    await createScorecard(db, {
      interview,
      ratings: ratings.map(([dimensionId, rating]) => ({ dimensionId, rating, evidence: "Seen." })),
      recommendation: "yes",
    });
  }
});

describe("scores to the last digit", () => {
  it("an exact 4.225 shows 4.23 on the summary, the list, its CSV and the API", async () => {
    const s = await getCandidateSummary(recruiter(), ids.Wes);
    expect(s.score.score!.toFixed(2)).toBe("4.22");
    expect(s.display.score).toBe("4.23");
    expect(s.score.rule.text).toBe("Score 4.23 is at least 4.00.");
    const list = await listOpeningCandidates(recruiter(), openingId, parseCandidateListQuery({}));
    expect(list.candidates.find((c) => c.id === ids.Wes)!.display.score).toBe("4.23");
    expect(
      openingCandidatesCsv(list)
        .split("\r\n")
        .find((l) => l.startsWith("Wes,")),
    ).toContain(",4.23,100%,Strong hire,");
    const api = await apiComparison(recruiter(), openingId, false);
    expect(api.ranked[0]).toMatchObject({ label: "Wes", display: { score: "4.23" } });
  });

  it("equal scores rank by coverage, then by when the candidate was added, everywhere the ranking is shown", async () => {
    const expected = ["Wes", "Yan", "Xia", "Zoe"];
    const api = await apiComparison(recruiter(), openingId, false);
    expect(api.ranked.map((r) => r.label)).toEqual(expected);
    expect(api.ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    // the comparison page ranks in the browser with the same function, on the data the server sends
    const c = await getOpeningComparison(recruiter(), openingId, { blind: false });
    expect(
      rankCandidates(
        c.template,
        c.candidates.map((x) => ({ ...x, tally: x.raw })),
      ).ranked.map((r) => r.label),
    ).toEqual(expected);
    // blind: letters in the order added, ranked the same way
    const blind = await apiComparison(recruiter(), openingId, true);
    expect(blind.ranked.map((r) => r.label)).toEqual(["Candidate D", "Candidate B", "Candidate C", "Candidate A"]);
    // the list sorted by score follows the same order, and reversed for ascending keeps ties as ranked
    const list = await listOpeningCandidates(recruiter(), openingId, parseCandidateListQuery({ sort: "score" }));
    expect(list.candidates.map((r) => r.name)).toEqual(expected);
    const asc = await listOpeningCandidates(
      recruiter(),
      openingId,
      parseCandidateListQuery({ sort: "score", dir: "asc" }),
    );
    expect(asc.candidates.map((r) => r.name)).toEqual(["Yan", "Xia", "Zoe", "Wes"]);
  });
});
