// POST /api/openings/{id}/candidates: add a candidate (recruiters, admins).
import { userOrThrow } from "@/lib/auth";
import { addCandidate } from "@/lib/data/openings";
import { anyJson, handle, readJson } from "@/lib/http";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => addCandidate(await userOrThrow(), (await params).id, await readJson(req, anyJson)));
}
