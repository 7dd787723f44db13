// POST /api/admin/webhooks/{id}/delete: delete a webhook (admins): off, secret wiped, no longer listed.
// DELETE /api/admin/webhooks/{id} still only turns it off, keeping its history on the page.
import { userOrThrow } from "@/lib/auth";
import { deleteWebhook } from "@/lib/data/webhook-endpoints";
import { handle } from "@/lib/http";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => deleteWebhook(await userOrThrow(), (await params).id));
}
