// POST /api/candidates/{id}/standard-loop { startAt }: one interview per exercise of the role.
import { userOrThrow } from "@/lib/auth";
import { createStandardLoop } from "@/lib/data/standard-loop";
import { anyJson, handle, readJson } from "@/lib/http";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () =>
    createStandardLoop(await userOrThrow(), (await params).id, await readJson(req, anyJson)),
  );
}
