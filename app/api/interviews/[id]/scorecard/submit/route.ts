import { userOrThrow } from "@/lib/auth";
import { submitScorecard } from "@/lib/data/scorecards";
import { handle, readJson } from "@/lib/http";
import { submitRequestSchema } from "@/lib/validations/scorecard-requests";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => {
    const user = await userOrThrow();
    const body = await readJson(req, submitRequestSchema);
    return submitScorecard(user.id, (await params).id, body);
  });
}
