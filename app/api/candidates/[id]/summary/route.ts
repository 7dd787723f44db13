// GET /api/candidates/{id}/summary: exactly what the candidate summary page shows, from the same
// engine and with the same authorization (recruiters, admins, the opening's hiring manager).
import { userOrThrow } from "@/lib/auth";
import { getCandidateView } from "@/lib/data/candidate-summary";
import { recordCandidateView } from "@/lib/data/privacy";
import { handle } from "@/lib/http";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => {
    const user = await userOrThrow();
    const summary = await getCandidateView(user, (await params).id);
    await recordCandidateView(user, summary.candidate.id, "json");
    return summary;
  });
}
