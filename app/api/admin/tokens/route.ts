// POST /api/admin/tokens: create an API token for a user (admins). The answer holds the token, once.
import { userOrThrow } from "@/lib/auth";
import { createApiToken } from "@/lib/data/api-tokens";
import { anyJson, handle, readJson } from "@/lib/http";

export async function POST(req: Request) {
  return handle(req, async () => createApiToken(await userOrThrow(), await readJson(req, anyJson)));
}
