// POST /api/admin/drills: write a calibration drill, as a draft (admins; docs/decisions/080-calibration-drills.md).
import { userOrThrow } from "@/lib/auth";
import { createDrill } from "@/lib/data/drills";
import { anyJson, handle, readJson } from "@/lib/http";

export async function POST(req: Request) {
  return handle(req, async () => createDrill(await userOrThrow(), await readJson(req, anyJson)));
}
