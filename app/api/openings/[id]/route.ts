// PATCH /api/openings/{id}: edit or close an opening (recruiters, admins).
import { userOrThrow } from "@/lib/auth";
import { updateOpening } from "@/lib/data/openings";
import { anyJson, handle, readJson } from "@/lib/http";

export async function PATCH(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => updateOpening(await userOrThrow(), (await params).id, await readJson(req, anyJson)));
}
