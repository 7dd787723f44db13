// POST /api/candidates/{id}/debrief/end: the facilitator ends the debrief (docs/decisions/078-debrief-mode.md).
import { userOrThrow } from "@/lib/auth";
import { endDebrief } from "@/lib/data/debriefs";
import { handle } from "@/lib/http";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => endDebrief(await userOrThrow(), (await params).id));
}
