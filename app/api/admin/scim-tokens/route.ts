// POST /api/admin/scim-tokens: make a SCIM token for an identity provider (admins). The answer holds the token, once.
import { userOrThrow } from "@/lib/auth";
import { createScimToken } from "@/lib/data/scim-tokens";
import { anyJson, handle, readJson } from "@/lib/http";

export async function POST(req: Request) {
  return handle(req, async () => createScimToken(await userOrThrow(), await readJson(req, anyJson)));
}
