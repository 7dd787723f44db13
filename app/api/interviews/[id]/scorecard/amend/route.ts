import { userOrThrow } from "@/lib/auth";
import { amendScorecard } from "@/lib/data/scorecards";
import { handle, readJson } from "@/lib/http";
import { amendRequestSchema } from "@/lib/validations/scorecard-requests";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => {
    const user = await userOrThrow();
    const body = await readJson(req, amendRequestSchema);
    return amendScorecard(user.id, (await params).id, body);
  });
}
