// POST /api/openings/{id}/move { toVersionId }: move the opening to the version its preview showed.
import { z } from "zod";
import { userOrThrow } from "@/lib/auth";
import { migrateOpening } from "@/lib/data/opening-migration";
import { handle, readJson } from "@/lib/http";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => {
    const user = await userOrThrow();
    const { toVersionId } = await readJson(req, z.object({ toVersionId: z.string().min(1).max(64) }));
    return migrateOpening(user, (await params).id, toVersionId);
  });
}
