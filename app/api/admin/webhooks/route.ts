// POST /api/admin/webhooks: register a URL for events (admins). The answer holds the signing secret, once.
import { userOrThrow } from "@/lib/auth";
import { createWebhook, ownOrigins } from "@/lib/data/webhooks";
import { anyJson, handle, readJson } from "@/lib/http";

export async function POST(req: Request) {
  return handle(req, async () => createWebhook(await userOrThrow(), await readJson(req, anyJson), ownOrigins(req.url)));
}
