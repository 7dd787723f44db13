// PUT /api/openings/{id}/interviewers { interviewerIds }: the opening's interviewer pool, whom the
// standard loop prefers (recruiters, admins; docs/decisions/051-standard-loop-pool-durations-stage.md).
import { userOrThrow } from "@/lib/auth";
import { setInterviewerPool } from "@/lib/data/interviewer-pool";
import { anyJson, handle, readJson } from "@/lib/http";

export async function PUT(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () =>
    setInterviewerPool(await userOrThrow(), (await params).id, await readJson(req, anyJson)),
  );
}
