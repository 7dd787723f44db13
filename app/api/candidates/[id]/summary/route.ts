// GET /api/candidates/{id}/summary: exactly what the candidate summary page shows, from the same
// engine and with the same authorization (recruiters, admins, the opening's hiring manager).
import { userOrThrow } from "@/lib/auth";
import { getCandidateSummary } from "@/lib/data/candidates";
import { handle } from "@/lib/http";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => getCandidateSummary(await userOrThrow(), (await params).id));
}
