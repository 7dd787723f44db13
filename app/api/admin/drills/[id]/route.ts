// PUT /api/admin/drills/{id}: edit a draft calibration drill (admins).
import { userOrThrow } from "@/lib/auth";
import { updateDrill } from "@/lib/data/drills";
import { anyJson, handle, readJson } from "@/lib/http";

export async function PUT(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => updateDrill(await userOrThrow(), (await params).id, await readJson(req, anyJson)));
}
