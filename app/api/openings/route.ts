// POST /api/openings: create an opening (recruiters, admins), pinned to the role's current version.
import { userOrThrow } from "@/lib/auth";
import { createOpening } from "@/lib/data/openings";
import { anyJson, handle, readJson } from "@/lib/http";

export async function POST(req: Request) {
  return handle(req, async () => createOpening(await userOrThrow(), await readJson(req, anyJson)));
}
