import "server-only";
import { db, type DbTx } from "../db";
import { feedbackWithheldMessage, type Viewer } from "../domain/permissions";
import { candidateReliability, type CandidateReliability } from "../domain/reliability";
import { NotFoundError } from "../errors";
import { getRoleAgreement } from "./calibration";
import { withheldFeedback } from "./independence";
import { scoringVersion } from "./scoring-version";
import { toScoringTemplate } from "./scoring-input";

// "Is one more interview worth it?" (docs/decisions/075-one-more-interview.md): the candidate's
// ratings counted per dimension (distinct interviewers with a submitted 1–5 rating), stepped up
// with Spearman–Brown from the role's agreement as the calibration page computes it. Shown where
// the summary is shown and withheld where it is (docs/decisions/024).

type Version = Awaited<ReturnType<typeof scoringVersion>>;
export type ReliabilityCard = {
  authorId: string;
  ratings: readonly { dimensionId: string; rating: number | null; notAssessed: boolean }[];
};

/** From submitted scorecards the caller may see and the candidate's template version. */
export async function reliabilityOf(
  client: DbTx,
  version: Version,
  cards: readonly ReliabilityCard[],
  now = new Date(),
): Promise<CandidateReliability> {
  const raters = new Map<string, Set<string>>();
  for (const c of cards)
    for (const r of c.ratings) {
      if (r.notAssessed || r.rating === null || r.rating < 1 || r.rating > 5) continue;
      const set = raters.get(r.dimensionId) ?? new Set<string>();
      set.add(c.authorId);
      raters.set(r.dimensionId, set);
    }
  const template = toScoringTemplate(version);
  const agreement = await getRoleAgreement(version.template.slug, now, client);
  return candidateReliability(
    template.dimensions,
    new Map([...raters].map(([d, s]) => [d, s.size])),
    agreement,
    template.exercises,
  );
}

export type LoopReliability =
  { withheld: false; reliability: CandidateReliability } | { withheld: true; message: string };

/**
 * For the loop builder (recruiters and admins, who the page has already checked): the same
 * figures as the summary, or why not while the viewer owes their own scorecard on the candidate.
 */
export async function getLoopReliability(
  viewer: Viewer,
  candidateId: string,
  now = new Date(),
  client: DbTx = db,
): Promise<LoopReliability> {
  const candidate = await client.candidate.findUnique({
    where: { id: candidateId },
    select: { name: true, opening: { select: { templateVersionId: true } } },
  });
  if (!candidate) throw new NotFoundError("Candidate not found.");
  if ((await withheldFeedback(client, viewer.id, { candidateId })).get(candidateId))
    return { withheld: true, message: feedbackWithheldMessage(candidate.name) };
  const [version, cards] = await Promise.all([
    scoringVersion(client, candidate.opening.templateVersionId),
    client.scorecard.findMany({
      where: { candidateId, status: "submitted" },
      select: { authorId: true, ratings: { select: { dimensionId: true, rating: true, notAssessed: true } } },
    }),
  ]);
  return { withheld: false, reliability: await reliabilityOf(client, version, cards, now) };
}
