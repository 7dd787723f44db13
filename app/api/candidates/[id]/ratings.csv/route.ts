// GET /api/candidates/{id}/ratings.csv: the candidate's submitted ratings, one row each.
import { userOrThrow } from "@/lib/auth";
import { csvFileName, csvResponse } from "@/lib/csv";
import { getCandidateSummary } from "@/lib/data/candidates";
import { candidateRatingsCsv } from "@/lib/exports";
import { handleRaw } from "@/lib/http";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRaw(req, async () => {
    const summary = await getCandidateSummary(await userOrThrow(), (await params).id);
    return csvResponse(candidateRatingsCsv(summary), csvFileName(summary.candidate.name, "ratings"));
  });
}
