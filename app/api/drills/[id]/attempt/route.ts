// POST /api/drills/{id}/attempt: submit your ratings of a calibration drill, once; answers with your
// deviation from the consensus (docs/decisions/080-calibration-drills.md).
import { userOrThrow } from "@/lib/auth";
import { submitDrillAttempt } from "@/lib/data/drills";
import { anyJson, handle, readJson } from "@/lib/http";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () =>
    submitDrillAttempt(await userOrThrow(), (await params).id, await readJson(req, anyJson)),
  );
}
