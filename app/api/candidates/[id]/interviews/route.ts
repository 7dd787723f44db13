// POST /api/candidates/{id}/interviews: plan an interview in the candidate's loop (recruiters, admins).
import { userOrThrow } from "@/lib/auth";
import { addInterview } from "@/lib/data/loops";
import { anyJson, handle, readJson } from "@/lib/http";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => addInterview(await userOrThrow(), (await params).id, await readJson(req, anyJson)));
}
