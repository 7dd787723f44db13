// GET /api/candidates/{id}/ratings.csv: the candidate's submitted ratings, one row each.
import { userOrThrow } from "@/lib/auth";
import { csvFileName, csvResponse } from "@/lib/csv";
import { getCandidateSummary } from "@/lib/data/candidate-summary";
import { recordCandidateView } from "@/lib/data/privacy";
import { candidateRatingsCsv } from "@/lib/exports";
import { handleRaw } from "@/lib/http";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRaw(req, async () => {
    const user = await userOrThrow();
    const summary = await getCandidateSummary(user, (await params).id);
    await recordCandidateView(user, summary.candidate.id, "csv");
    return csvResponse(candidateRatingsCsv(summary), csvFileName(summary.candidate.name, "ratings"));
  });
}
