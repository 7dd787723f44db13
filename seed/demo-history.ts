// Demo history for calibration (docs/decisions/012): a closed earlier round of the Lead AI Platform
// Engineer role, so the calibration page and the calibrated view have shared ratings to work from.
// Eight past candidates, three interviewers each, every dimension rated. Ratings follow a fixed
// recipe: the candidate's level, a per-dimension lean, and each interviewer's habit — Riley rates
// about a point high, Avery about half a point low, the others in between — plus a fixed wobble,
// kept within 1–5. Deterministic: the same numbers on every seed.
import type { DbTx } from "../lib/db";
import type { OverallRecommendation } from "../lib/domain/vocabulary";
import { createCandidate, createInterview, createOpening, createScorecard } from "./factories";

export const HISTORY_OPENING_TITLE = "Spring round (closed): Lead AI Platform Engineer";

type Key = "hm" | "sam" | "jamie" | "riley" | "avery";
const HABIT: Record<Key, number> = { riley: 1, avery: -0.5, sam: 0, jamie: 0.2, hm: -0.1 };

const PAST: { name: string; level: number; stage: "hired" | "rejected"; panel: [Key, Key, Key] }[] = [
  { name: "Aiko Tanaka", level: 3.1, stage: "rejected", panel: ["riley", "sam", "avery"] },
  { name: "Ben Okafor", level: 2.4, stage: "rejected", panel: ["jamie", "riley", "hm"] },
  { name: "Carla Mendes", level: 3.9, stage: "hired", panel: ["sam", "avery", "jamie"] },
  { name: "Dev Raman", level: 2.8, stage: "rejected", panel: ["riley", "avery", "hm"] },
  { name: "Elif Demir", level: 3.3, stage: "rejected", panel: ["sam", "riley", "jamie"] },
  { name: "Farah Iqbal", level: 3.6, stage: "rejected", panel: ["avery", "hm", "sam"] },
  { name: "Goran Petrov", level: 2.2, stage: "rejected", panel: ["riley", "jamie", "avery"] },
  { name: "Hana Kim", level: 3.4, stage: "rejected", panel: ["hm", "sam", "riley"] },
];

const clamp = (x: number) => Math.min(5, Math.max(1, Math.round(x)));

export async function seedHistory(
  db: DbTx,
  users: Record<Key | "recruiter", string>,
  dayAt: (day: number, hour?: number) => Date,
) {
  const version = await db.roleTemplateVersion.findFirst({
    where: { template: { slug: "lead-ai-platform-engineer" } },
    orderBy: { version: "desc" },
    select: {
      id: true,
      dimensions: { orderBy: { position: "asc" }, select: { id: true, name: true } },
      exercises: { orderBy: { position: "asc" }, select: { id: true, title: true } },
    },
  });
  if (!version) throw new Error("role lead-ai-platform-engineer is not seeded");
  const opening = await createOpening(db, {
    title: HISTORY_OPENING_TITLE,
    templateVersionId: version.id,
    hiringManagerId: users.hm,
    recruiterId: users.recruiter,
    createdAt: dayAt(-140),
  });
  await db.opening.update({ where: { id: opening.id }, data: { status: "closed", closedAt: dayAt(-70) } });
  for (const [c, past] of PAST.entries()) {
    const candidate = await createCandidate(db, {
      openingId: opening.id,
      name: past.name,
      email: `${past.name.toLowerCase().replace(/\s+/g, ".")}@example.com`,
      stage: past.stage,
      source: "Job board",
    });
    for (const [k, who] of past.panel.entries()) {
      const exercise = version.exercises[k % version.exercises.length];
      const day = -120 + c * 5 + k;
      const interview = await createInterview(db, {
        candidateId: candidate.id,
        interviewerId: users[who],
        exerciseId: exercise.id,
        scheduledAt: dayAt(day),
        focusDimensionIds: version.dimensions.map((d) => d.id),
      });
      const ratings = version.dimensions.map((d, i) => {
        const wobble = (((c * 7 + i * 3 + k * 5) % 5) - 2) * 0.2; // −0.4 … +0.4
        const lean = ((i % 3) - 1) * 0.3;
        return {
          dimensionId: d.id,
          rating: clamp(past.level + lean + HABIT[who] + wobble),
          evidence: `Past round: ${d.name.toLowerCase()} judged from the ${exercise.title.toLowerCase()}.`,
        };
      });
      const mean = ratings.reduce((a, r) => a + r.rating, 0) / ratings.length;
      const recommendation: OverallRecommendation =
        mean >= 4 ? "strong-yes" : mean >= 3.25 ? "yes" : mean >= 2.5 ? "no" : "strong-no";
      await createScorecard(db, {
        interview,
        ratings,
        keyTakeaways: `Past round, ${exercise.title.toLowerCase()}.`,
        recommendation,
        submittedAt: dayAt(day + (who === "avery" ? 3 : 0), 16),
      });
    }
  }
  return opening;
}
