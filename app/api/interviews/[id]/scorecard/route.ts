// Autosave of the signed-in interviewer's draft (docs/decisions/022-autosave.md).
import { userOrThrow } from "@/lib/auth";
import { saveDraft } from "@/lib/data/scorecards";
import { handle, readJson } from "@/lib/http";
import { draftRequestSchema } from "@/lib/validations/scorecard-requests";

export async function PUT(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => {
    const user = await userOrThrow();
    const body = await readJson(req, draftRequestSchema);
    return saveDraft(user.id, (await params).id, body);
  });
}
