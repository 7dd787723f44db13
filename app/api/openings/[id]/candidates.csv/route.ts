// GET /api/openings/{id}/candidates.csv: the opening's candidates as the list shows them (same
// filters and sort, passed as the list's query string).
import { userOrThrow } from "@/lib/auth";
import { csvFileName, csvResponse } from "@/lib/csv";
import { listOpeningCandidates } from "@/lib/data/candidate-list";
import { openingCandidatesCsv } from "@/lib/exports";
import { handleRaw } from "@/lib/http";
import { parseCandidateListQuery } from "@/lib/validations/candidate-list";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRaw(req, async () => {
    const query = parseCandidateListQuery(Object.fromEntries(new URL(req.url).searchParams));
    const list = await listOpeningCandidates(await userOrThrow(), (await params).id, query);
    return csvResponse(openingCandidatesCsv(list), csvFileName(list.opening.title, "candidates"));
  });
}
