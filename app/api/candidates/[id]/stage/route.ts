// PUT /api/candidates/{id}/stage { stage }: move a candidate to another stage (recruiters, admins).
import { userOrThrow } from "@/lib/auth";
import { setCandidateStage } from "@/lib/data/openings";
import { anyJson, handle, readJson } from "@/lib/http";

export async function PUT(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () =>
    setCandidateStage(await userOrThrow(), (await params).id, await readJson(req, anyJson)),
  );
}
