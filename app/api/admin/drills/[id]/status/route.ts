// POST /api/admin/drills/{id}/status: publish a draft drill, or archive a published one (admins).
import { userOrThrow } from "@/lib/auth";
import { setDrillStatus } from "@/lib/data/drills";
import { anyJson, handle, readJson } from "@/lib/http";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => setDrillStatus(await userOrThrow(), (await params).id, await readJson(req, anyJson)));
}
