// POST /api/candidates/{id}/debrief: the facilitator starts the debrief (docs/decisions/078-debrief-mode.md).
import { userOrThrow } from "@/lib/auth";
import { startDebrief } from "@/lib/data/debriefs";
import { handle, readJson } from "@/lib/http";
import { z } from "zod";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => {
    const user = await userOrThrow();
    // checked against the shared debrief schema inside startDebrief
    const body = await readJson(req, z.record(z.string(), z.unknown()));
    return startDebrief(user, (await params).id, body);
  });
}
