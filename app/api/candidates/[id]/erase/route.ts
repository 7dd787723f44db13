// POST /api/candidates/{id}/erase: erase the candidate's personal data (recruiters, admins).
import { userOrThrow } from "@/lib/auth";
import { eraseCandidate } from "@/lib/data/privacy";
import { anyJson, handle, readJson } from "@/lib/http";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => eraseCandidate(await userOrThrow(), (await params).id, await readJson(req, anyJson)));
}
